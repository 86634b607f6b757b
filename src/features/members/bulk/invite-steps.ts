// The requests of an import (#22): one invitation per row (POST /users/invite, never repeated: a
// lost answer is settled by looking the email up, api/members/mutations.ts), then ONE membership PUT
// per group adding the people invited whose rows named it.
//
// A row is the batch's key (`r12`: the row's number in the pasted text or file), since only Tallyfy
// knows a new member's ID. The rows themselves (email, names, role, group IDs) and the message ride
// in the batch's params, so a Resume after a reload can send them: this is the one kind whose
// journal holds personal data, and only while the batch has something left to do (the journal goes
// when it ends with nothing unfinished, on Discard, and at sign-out, as every journal does).
//
// The group step is the batch's first step and holds one of the runner's four places while the
// invitations go through the other three: started first, it is always there to finish the job, and
// it sends its PUTs only once every invitation has settled. Stop and a full seat pool end the
// invitations; those already invited still get their groups (a PUT per group, as at the end), so an
// import never leaves people invited but outside the groups their rows named. A session that ends
// sends nothing more.
//
// In a Retry or a Resume every row is looked up by email before anything is sent: someone invited
// already (perhaps by the run that was cut short) is done without a second invitation, and only the
// groups are left to do.
import { apiGet } from '../../../api/client'
import { isApiError } from '../../../api/errors'
import { addInvited } from '../../../api/members/cache'
import { cachedGroup } from '../../../api/groups/cache'
import { groupWriteMessage } from '../../../api/groups/mutations'
import { memberMutations } from '../../../api/members/mutations'
import { usersPath } from '../../../api/members/queries'
import { parseMemberPage } from '../../../api/members/schema'
import { tallyfyWords } from '../../../api/describe-error'
import type { Member } from '../../../api/types'
import {
  isWorseOutcome,
  type BatchHandle,
  type BatchStep,
  type ItemStatus,
  type StepAnswer,
} from '../../../api/writes/batch'
import { refusalMessage } from '../../../api/writes/refusal'
import { runWrite } from '../../../api/writes/run-write'
import { isUncertainWrite, UncertainWriteError } from '../../../api/writes/uncertain'
import { roleLabel } from '../../../components/domain/badge'
import { canonicalMemberId } from '../../../lib/member-id'
import { isWritableRole, type WritableRole } from '../../../lib/roles'
import type { CacheContext } from '../member-write-actions'
import { sendGroupChange } from './bulk-steps'

/** One person to invite, as the batch's params keep them. */
export interface InviteRow {
  /** The batch's key for this row: `r` and the row's number. */
  key: string
  email: string
  firstName: string
  lastName: string
  role: WritableRole
  groupIds: string[]
}

export const rowKey = (line: number) => `r${line}`

/** "Row 12", for a key whose row is no longer known (a skipped row after a reload). */
export const rowLabel = (key: string) => (/^r\d+$/.test(key) ? `Row ${key.slice(1)}` : key)

/** The params of an import: the message, and the rows to send, compactly. */
export function inviteParams(message: string, rows: readonly InviteRow[]): Record<string, string> {
  return {
    message,
    rows: JSON.stringify(rows.map((r) => [r.key, r.email, r.firstName, r.lastName, r.role, r.groupIds])),
  }
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** The rows back from the params (a journal may have been edited by hand: anything odd is left out). */
export function inviteRowsFromParams(params: Record<string, string>): Map<string, InviteRow> {
  const rows = new Map<string, InviteRow>()
  let raw: unknown
  try {
    raw = JSON.parse(params.rows ?? '[]')
  } catch {
    return rows
  }
  if (!Array.isArray(raw)) return rows
  for (const entry of raw) {
    if (!Array.isArray(entry)) continue
    const [key, email, firstName, lastName, role, groupIds] = entry as unknown[]
    if (typeof key !== 'string' || typeof email !== 'string') continue
    if (typeof firstName !== 'string' || typeof lastName !== 'string') continue
    if (typeof role !== 'string' || !isWritableRole(role) || !isStrings(groupIds)) continue
    rows.set(key, { key, email, firstName, lastName, role, groupIds })
  }
  return rows
}

/** A person's name as their row gives it, for the results. */
export const rowName = (row: Pick<InviteRow, 'firstName' | 'lastName' | 'email'>) =>
  `${row.firstName} ${row.lastName}`.trim() || row.email

/** Whoever Tallyfy holds with this email (any status), or null. */
async function findByEmail(orgId: string, email: string, signal: AbortSignal): Promise<Member | null> {
  const page = await apiGet(usersPath(orgId), parseMemberPage, {
    signal,
    query: { q: email, with: 'groups', page: 1, per_page: 100 },
  })
  const wanted = email.trim().toLowerCase()
  return page.items.find((m) => m.email?.trim().toLowerCase() === wanted) ?? null
}

const one = (key: string, status: ItemStatus, detail: string): StepAnswer => ({
  perKey: { [key]: { status, detail } },
})

const isRateLimited = (error: unknown) => isApiError(error) && error.kind === 'http' && error.status === 429

/** "Sales", "Sales and Support", "Sales, Support and Ops". */
function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

export interface InviteSteps {
  steps: BatchStep[]
  /** Gives the steps the batch's handle (the group step watches it for Stop and a halt). */
  attach(handle: BatchHandle): void
}

/**
 * The steps of an import about `keys` (rows from the params). `verify`: look every row up first
 * (a Retry, a Resume).
 */
export function buildInviteSteps(
  ctx: CacheContext,
  params: Record<string, string>,
  keys: readonly string[],
  { verify }: { verify: boolean },
): InviteSteps {
  const rows = inviteRowsFromParams(params)
  const message = params.message ?? ''
  const inviteKeys = keys.filter((key) => rows.has(key))
  /** Rows invited (or found already there), with the member's ID. */
  const memberIds = new Map<string, number>()
  /** Rows invited whose member Tallyfy's answer did not name, and the email did not find. */
  const unnamed = new Set<string>()
  /** Rows whose invitation has its outcome (a 429 is not one: the runner sends it again). */
  const settled = new Set<string>()
  let inFlight = 0
  let handle: BatchHandle | null = null
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of Array.from(listeners)) listener()
  }

  async function invite(row: InviteRow, signal: AbortSignal): Promise<StepAnswer> {
    const { qc, orgId } = ctx
    const as = roleLabel(row.role)
    if (verify) {
      let found: Member | null
      try {
        found = await findByEmail(orgId, row.email, signal)
      } catch (error) {
        throw new UncertainWriteError(
          'Roster could not look the address up to see whether it was invited before, so nothing was sent. Try again.',
          { cause: error },
        )
      }
      if (found) {
        memberIds.set(row.key, found.id)
        addInvited(qc, orgId, found)
        return one(
          row.key,
          'done',
          found.status === 'invited'
            ? 'Already invited when looked up again'
            : 'Already a member when looked up again',
        )
      }
    }
    const member = await runWrite(qc, memberMutations.invite(orgId), {
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      role: row.role,
      message,
    })
    // Tallyfy's answer normally holds the new member; when it does not, the email finds them.
    const known = member ?? (await findByEmail(orgId, row.email, signal).catch(() => null))
    if (known) {
      memberIds.set(row.key, known.id)
      addInvited(qc, orgId, known)
    } else unnamed.add(row.key)
    return one(row.key, 'done', `Invited as ${as}`)
  }

  const inviteStep = (key: string): BatchStep => ({
    keys: [key],
    run: async (signal) => {
      const row = rows.get(key) as InviteRow
      inFlight++
      try {
        const answer = await invite(row, signal)
        settled.add(key)
        return answer
      } catch (error) {
        if (!isRateLimited(error)) settled.add(key)
        throw error
      } finally {
        inFlight--
        changed()
      }
    },
  })

  /** Resolves once every invitation has its outcome, or none is in flight after Stop or a halt. */
  function invitationsSettled(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let unsubscribe: (() => void) | null = null
      let finished = false
      const check = () => {
        if (finished) return
        // The handle's own changes (Stop, a halt) are heard from when it is attached (attach() calls this).
        if (handle && !unsubscribe) unsubscribe = handle.subscribe(check)
        const state = handle?.getState()
        const ending = state !== undefined && state.phase !== 'running' && state.phase !== 'waiting'
        if (signal.aborted || settled.size >= inviteKeys.length || (ending && inFlight === 0)) {
          finished = true
          listeners.delete(check)
          unsubscribe?.()
          signal.removeEventListener('abort', check)
          resolve()
        }
      }
      listeners.add(check)
      signal.addEventListener('abort', check)
      check()
    })
  }

  const groupName = (id: string) => cachedGroup(ctx.qc, ctx.orgId, id)?.name ?? 'the group'
  const groupKeys = inviteKeys.filter((key) => (rows.get(key)?.groupIds.length ?? 0) > 0)

  const groupStep: BatchStep = {
    keys: groupKeys,
    run: async (signal) => {
      await invitationsSettled(signal)
      const perKey: Record<string, { status: ItemStatus; detail?: string }> = {}
      const notSent = (key: string, why: string) => {
        perKey[key] = { status: 'not-sent', detail: why }
      }
      const stateNow = handle?.getState()
      const notSentWhy =
        stateNow?.halt != null
          ? 'Not sent: the batch stopped when Tallyfy refused to go on.'
          : 'Not sent: the batch was stopped first.'
      // Who was not invited keeps the invitation's outcome; who never got that far was not sent.
      for (const key of groupKeys) {
        if (memberIds.has(key)) continue
        if (unnamed.has(key))
          perKey[key] = {
            status: 'failed',
            detail: `Invited as ${roleLabel((rows.get(key) as InviteRow).role)}, but not added to any group: Tallyfy's answer did not say which member it made, and looking the email up found nobody yet. Retry failed looks again.`,
          }
        else if (settled.has(key)) perKey[key] = { status: 'skipped' }
        else notSent(key, notSentWhy)
      }
      const byGroup = new Map<string, string[]>()
      for (const key of groupKeys) {
        if (!memberIds.has(key)) continue
        for (const groupId of rows.get(key)?.groupIds ?? []) {
          const list = byGroup.get(groupId) ?? []
          list.push(key)
          byGroup.set(groupId, list)
        }
      }
      const added = new Map<string, string[]>()
      const problems = new Map<string, { status: ItemStatus; detail: string }>()
      const problem = (key: string, status: ItemStatus, detail: string) => {
        const before = problems.get(key)
        if (!before || isWorseOutcome(status, before.status)) problems.set(key, { status, detail })
        else problems.set(key, { status: before.status, detail: `${before.detail} ${detail}` })
      }
      for (const [groupId, keysOfGroup] of byGroup) {
        const name = groupName(groupId)
        if (signal.aborted) {
          for (const key of keysOfGroup)
            problem(key, 'not-sent', `Invited, but not added to ${name}: the session ended first.`)
          continue
        }
        const ids = keysOfGroup.map((key) => canonicalMemberId(String(memberIds.get(key))))
        try {
          const result = await sendGroupChange(ctx, groupId, { addMembers: ids })
          const wanted = new Set(ids)
          for (const key of keysOfGroup) {
            const id = canonicalMemberId(String(memberIds.get(key)))
            if (wanted.has(id)) added.set(key, [...(added.get(key) ?? []), result.group.name || name])
          }
        } catch (error) {
          const words = tallyfyWords(error)
            ? groupWriteMessage(ctx.qc, ctx.orgId, error)
            : refusalMessage(error, { what: 'group' })
          const status: ItemStatus = isUncertainWrite(error)
            ? 'uncertain'
            : tallyfyWords(error)
              ? 'refused'
              : 'failed'
          for (const key of keysOfGroup) problem(key, status, `Invited, but not added to ${name}: ${words}`)
        }
      }
      for (const key of groupKeys) {
        if (!memberIds.has(key)) continue
        const row = rows.get(key) as InviteRow
        const wrong = problems.get(key)
        if (wrong) perKey[key] = wrong
        else
          perKey[key] = {
            status: 'done',
            detail: `Invited as ${roleLabel(row.role)}, added to ${listOf(added.get(key) ?? [])}`,
          }
      }
      return { perKey }
    },
  }

  return {
    steps: [...(groupKeys.length > 0 ? [groupStep] : []), ...inviteKeys.map(inviteStep)],
    attach(next) {
      handle = next
      changed()
    },
  }
}
