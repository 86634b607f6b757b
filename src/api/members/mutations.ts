import { inAskingSession } from '../writes/session'
import { mutationOptions } from '@tanstack/react-query'
import { apiGet, apiRequest } from '../client'
import { isNotFound } from '../errors'
import { confirmWrite, NoLongerAppliesError, UncertainWriteError, type Check } from '../writes/uncertain'
import { memberQueries, usersPath } from './queries'
import { parseMember, parseMemberPage } from './schema'
import type { WritableRole } from '../../lib/roles'
import type { Member, MemberStatus } from '../types'

// Member writes (docs/contracts.md, "Mutations"). Beside queries.ts rather than inside it: queries.ts
// is part of the /members first load, and these are only needed once an admin acts (the budget).
// Keys end with the member's ID, so `useIsMutating` can tell whether a change to that person is in
// flight; the cache work lives in ./cache.ts and is added by the feature.
//
// Every write to one member shares a mutation `scope` (`memberScope`): TanStack Query runs one
// scope's mutations one after another, in the order they were made, so a role change and its Undo,
// or a disable and an enable, can never overtake each other on the way to Tallyfy.
//
// A write whose answer was lost (the connection dropped after sending, or a 5xx: Tallyfy may have
// applied it) is not called failed: the member is read again, and what Tallyfy holds decides
// (api/writes/uncertain.ts). The mutation then resolves with the member as read, rejects with the
// original error when the change is certainly not there, or with an UncertainWriteError.

const userPath = (orgId: string, memberId: number) =>
  `${usersPath(orgId)}/${encodeURIComponent(String(memberId))}`

/** One queue per member: TanStack Query runs a scope's mutations one at a time, in order. */
export const memberScope = (orgId: string, memberId: number) => ({ id: `org:${orgId}:member:${memberId}` })

/** The member as Tallyfy holds them now (with their groups, so a disable's effect shows too). */
const readMember = (orgId: string, memberId: number) =>
  apiGet(userPath(orgId, memberId), parseMember, { query: { with: 'groups' } })

/** The member as Tallyfy holds them now, or null when Tallyfy knows no such member (404). */
async function readMemberIfAny(orgId: string, memberId: number): Promise<Member | null> {
  try {
    return await readMember(orgId, memberId)
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/** A member who is no longer invited, as the results of a resend or withdrawal say it. */
const NOT_INVITED_NOW: Record<Exclude<MemberStatus, 'invited'>, string> = {
  active: 'is active now, no longer invited',
  disabled: 'is disabled now, no longer invited',
  unknown: 'is no longer listed as invited',
}

/**
 * Sends a write to one member; after an uncertain failure, reads the member again and calls it done
 * when they are as the write intended (`holds`), with the member as read.
 */
async function writeMember(
  orgId: string,
  memberId: number,
  send: () => Promise<Member | null>,
  holds: (member: Member) => boolean,
): Promise<Member | null> {
  try {
    return await send()
  } catch (error) {
    return confirmWrite(
      error,
      async (): Promise<Check<Member>> => {
        const member = await readMember(orgId, memberId)
        return holds(member) ? { applied: true, value: member } : { applied: false }
      },
      'member',
    )
  }
}

/**
 * An invitation whose answer was lost: Tallyfy knows the new member only by the email. Looked up
 * with `q` (Tallyfy's matching is undocumented, so the email is compared here, case-insensitively).
 */
async function findInvited(orgId: string, email: string): Promise<Check<Member>> {
  const page = await apiGet(usersPath(orgId), parseMemberPage, {
    query: { q: email, with: 'groups', page: 1, per_page: 100 },
  })
  const wanted = email.trim().toLowerCase()
  const found = page.items.find((m) => m.email?.trim().toLowerCase() === wanted && m.status === 'invited')
  return found ? { applied: true, value: found } : { applied: false }
}

/** What Undo of a role change needs: the role Roster set, and the one to go back to. */
export interface RoleUndo {
  /** The role Roster set; Undo goes ahead only while the member still has it. */
  from: WritableRole
  to: WritableRole
}

/**
 * Undo of a role change refused before anything was sent: since Roster set the role, someone else
 * changed it (`member` is the member as Tallyfy holds them now). Undoing would erase their change.
 */
class RoleChangedSinceError extends Error {
  override readonly name = 'RoleChangedSinceError'
  readonly member: Member
  constructor(member: Member) {
    super(`The member's role changed since Roster set it.`)
    this.member = member
  }
}

export const isRoleChangedSince = (error: unknown): error is RoleChangedSinceError =>
  error instanceof RoleChangedSinceError

/** What the invite form sends: all five fields are required by Tallyfy's docs. */
export interface InviteInput {
  email: string
  firstName: string
  lastName: string
  role: WritableRole
  message: string
}

/**
 * A write's answer, when it carries the member (`{data: Member}`); null for 204, an empty body or
 * anything else. The write has happened either way, so an odd answer must not look like a failure.
 */
function memberAnswer(json: unknown): Member | null {
  if (json === undefined || json === null) return null
  try {
    return parseMember(json)
  } catch {
    return null
  }
}

export const memberMutations = {
  /**
   * POST, so never repeated automatically. Tallyfy answers the new member with status "invited"
   * (null when the answer does not hold one: the invitation was still sent).
   */
  invite: (orgId: string) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'invite'] as const,
      mutationFn: async (input: InviteInput): Promise<Member | null> => {
        try {
          return await apiRequest('POST', `${usersPath(orgId)}/invite`, {
            body: {
              email: input.email,
              first_name: input.firstName,
              last_name: input.lastName,
              role: input.role,
              message: input.message,
            },
            parse: memberAnswer,
          })
        } catch (error) {
          // A POST is never sent twice: whether it went through is asked of the directory instead.
          return confirmWrite(error, () => findInvited(orgId, input.email), 'member')
        }
      },
    }),

  changeRole: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'role', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession((role: WritableRole) =>
        writeMember(
          orgId,
          memberId,
          () =>
            apiRequest('PUT', `${userPath(orgId, memberId)}/role`, { body: { role }, parse: memberAnswer }),
          (member) => member.role === role,
        ),
      ),
    }),

  /**
   * Undo of a role change: the reverse change, sent only while the member still has the role Roster
   * set. The check is a fresh read made when the PUT goes (again after any wait for a rate limit);
   * when the role is another, nothing is sent and the mutation fails with RoleChangedSinceError.
   */
  undoRole: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'undo-role', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(async ({ from, to }: RoleUndo): Promise<Member | null> => {
        let sent = false
        try {
          return await apiRequest('PUT', `${userPath(orgId, memberId)}/role`, {
            body: async () => {
              sent = false
              const now = await readMember(orgId, memberId)
              if (now.role !== from) throw new RoleChangedSinceError(now)
              sent = true
              return { role: to }
            },
            parse: memberAnswer,
          })
        } catch (error) {
          // A failed check, or a read that failed before anything was sent, is what it is.
          if (!sent) throw error
          return confirmWrite(
            error,
            async (): Promise<Check<Member | null>> => {
              const member = await readMember(orgId, memberId)
              return member.role === to ? { applied: true, value: member } : { applied: false }
            },
            'member',
          )
        }
      }),
    }),

  /**
   * Tallyfy emails the invitation again (POST …/resend-invite, tallyfy-api.md §13). A POST, so never
   * repeated automatically: after a lost answer the member is read again. Still invited: uncertain
   * (UncertainWriteError: the email may or may not have gone). No longer invited, or gone:
   * NoLongerAppliesError saying what was found. Resolves with the member when Tallyfy sends them back.
   */
  resendInvite: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'resend-invite', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<Member | null, void>(async () => {
        try {
          return await apiRequest('POST', `${userPath(orgId, memberId)}/resend-invite`, {
            parse: memberAnswer,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Member | null>> => {
              const member = await readMemberIfAny(orgId, memberId)
              if (!member) {
                throw new NoLongerAppliesError(
                  'The member is no longer in the organization (the invitation was withdrawn): there is no invitation to resend.',
                  { cause: error },
                )
              }
              if (member.status !== 'invited') {
                throw new NoLongerAppliesError(
                  `The member ${NOT_INVITED_NOW[member.status]}: there is no invitation to resend.`,
                  { cause: error },
                )
              }
              throw new UncertainWriteError(
                'The connection broke after the resend was sent. The member is still invited, and Roster cannot tell whether Tallyfy emailed the invitation again: resending now may send it twice.',
                { cause: error },
              )
            },
            'member',
          )
        }
      }),
    }),

  /**
   * Withdraws the invitation (DELETE …/withdraw-invite, tallyfy-api.md §13): Tallyfy removes the
   * invited member and frees their seat; the caller then takes them out of the cache
   * (cache.ts `removeMember`). After a lost answer the member is read again: gone (404) means done;
   * still invited means not done (the original failure); anything else is uncertain, and the
   * UncertainWriteError says what was found.
   */
  withdrawInvite: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'withdraw-invite', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<void, void>(async () => {
        try {
          // Whatever the answer holds, the member it describes is gone.
          await apiRequest('DELETE', `${userPath(orgId, memberId)}/withdraw-invite`, {
            parse: () => undefined,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<void>> => {
              const member = await readMemberIfAny(orgId, memberId)
              if (!member) return { applied: true, value: undefined }
              if (member.status === 'invited') return { applied: false }
              throw new UncertainWriteError(
                `The connection broke after the withdrawal was sent. The member ${NOT_INVITED_NOW[member.status]}, yet still in the organization, so Roster cannot tell whether Tallyfy withdrew the invitation. Check the member before trying again.`,
                { cause: error },
              )
            },
            'member',
          )
        }
      }),
    }),

  /** Tallyfy uses DELETE for disabling; the member stays in the organization, disabled. */
  disable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'disable', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(() =>
        writeMember(
          orgId,
          memberId,
          () => apiRequest('DELETE', `${userPath(orgId, memberId)}/disable`, { parse: memberAnswer }),
          (member) => member.status === 'disabled',
        ),
      ),
    }),

  /** Enabled means no longer disabled: one never activated comes back as invited (the demo does so). */
  enable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'enable', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(() =>
        writeMember(
          orgId,
          memberId,
          () => apiRequest('PUT', `${userPath(orgId, memberId)}/enable`, { parse: memberAnswer }),
          (member) => member.status !== 'disabled',
        ),
      ),
    }),
}
