import { mutationOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { guestKey } from '../../lib/email'
import { apiGet, apiRequest } from '../client'
import { isApiError } from '../errors'
import { usersPath } from '../members/queries'
import { parseMember, parseMemberPage } from '../members/schema'
import { readRecords } from '../wire'
import { inAskingSession } from '../writes/session'
import {
  answerOf,
  confirmWrite,
  NoLongerAppliesError,
  readIfAny,
  UncertainWriteError,
  writeThenConfirm,
  type Check,
} from '../writes/uncertain'
import { guestPath, guestQueries, guestsPath } from './queries'
import { guestWireSchema, parseGuest, toGuest } from './schema'
import type { WritableRole } from '../../lib/roles'
import type { Guest, GuestInput, Member } from '../types'

// Guest writes (tallyfy-api.md §4, §13), one `mutationOptions` per action, as members/mutations.ts
// does for members: loaded only with the screens that write, never with the first download.
//
// Tallyfy addresses a guest by email, so every write to one guest shares a mutation scope keyed by
// the email as compared (`guestScope`): a disable and an enable, or a reset and a removal, reach
// Tallyfy in the order they were made. A POST (create, bulk create, convert to member) is never sent
// twice: after a lost answer (the connection broke, or a 5xx) the guest or member is read again and
// what Tallyfy holds decides (api/writes/uncertain.ts), as for members.

/** One queue per guest: TanStack Query runs a scope's mutations one at a time, in order. */
export const guestScope = (orgId: string, email: string) => ({ id: `org:${orgId}:guest:${guestKey(email)}` })

/** What "Convert to member" sends: Tallyfy's body is not documented ([I] first_name, last_name, role). */
export interface GuestToMemberInput {
  firstName: string
  lastName: string
  role: WritableRole
}

/** A write's answer when it carries the guest; null otherwise (the write has happened either way). */
const guestAnswer = answerOf(parseGuest)

/** The same for an answer that should carry a member (a guest turned member). */
const memberAnswer = answerOf(parseMember)

/** The guest as Tallyfy holds them now, or null when it knows no such guest (404). */
const readGuestIfAny = (orgId: string, email: string) =>
  readIfAny(() => apiGet(guestPath(orgId, email.trim()), parseGuest))

/** The member with this email (any status), looked up with `q` and compared here, or null. */
async function findMemberByEmail(orgId: string, email: string): Promise<Member | null> {
  const page = await apiGet(usersPath(orgId), parseMemberPage, {
    query: { q: email.trim(), page: 1, per_page: 100 },
  })
  const wanted = guestKey(email)
  return page.items.find((m) => m.email !== null && guestKey(m.email) === wanted) ?? null
}

/**
 * A lost answer to POST /guests/bulk, read again: Tallyfy has some of the guests (`added`, as read)
 * and none of the others (not added: sending them again repeats nobody). An uncertain outcome for
 * the write as a whole, settled guest by guest.
 */
export class PartlyAddedError extends UncertainWriteError {
  readonly added: Guest[]
  constructor(added: Guest[], message: string, options?: ErrorOptions) {
    super(message, options)
    this.added = added
  }
}

export const isPartlyAdded = (error: unknown): error is PartlyAddedError => error instanceof PartlyAddedError

/** POST /guests's body: the wire names; empty optional fields are left out rather than sent as ''. */
function guestBody(input: GuestInput): Record<string, string> {
  const body: Record<string, string> = { email: input.email.trim() }
  const firstName = input.firstName.trim()
  const lastName = input.lastName.trim()
  const company = input.company.trim()
  if (firstName) body.first_name = firstName
  if (lastName) body.last_name = lastName
  if (company) body.company_name = company
  return body
}

/**
 * Sends a write to one guest; after an uncertain failure, reads the guest again and calls it done
 * when they are as the write intended (`holds`), with the guest as read. A guest gone meanwhile is
 * a write that no longer applies.
 */
const writeGuest = (
  orgId: string,
  email: string,
  send: () => Promise<Guest | null>,
  holds: (guest: Guest) => boolean,
) =>
  writeThenConfirm(
    send,
    async (failure) => {
      const guest = await readGuestIfAny(orgId, email)
      if (!guest)
        throw new NoLongerAppliesError('The guest is no longer in the organization.', { cause: failure })
      return guest
    },
    holds,
    'guest',
  )

/**
 * POST /guests/bulk's answer, read tolerantly ([I]: the shape is not documented): the guests it
 * lists, each read on its own; anything else is an empty list (the guests were still created).
 */
function bulkAnswer(json: unknown): Guest[] {
  const parsed = z.safeParse(z.object({ data: z.array(z.unknown()) }), json)
  if (!parsed.success) return []
  return readRecords(guestWireSchema, toGuest, parsed.data.data).items
}

/**
 * Whether a refusal of POST /guests/bulk says "no such endpoint" (404, 405) or "not the body this
 * endpoint takes" (a 422 whose errors name no guest of the list: Swagger's schema for it has one
 * guest's fields). A 422 about `guests.3.email` is a refusal of that guest, passed on.
 */
function bulkUnsupported(error: unknown): boolean {
  if (!isApiError(error) || error.kind !== 'http') return false
  if (error.status === 404 || error.status === 405) return true
  if (error.status !== 422) return false
  return !Object.keys(error.fieldErrors).some((field) => /^guests\.\d+(\.|$)/.test(field))
}

/** Reads many guests, four at a time, so a check after a lost bulk answer stays within limits. */
async function readGuests(orgId: string, emails: readonly string[]): Promise<(Guest | null)[]> {
  const found: (Guest | null)[] = []
  for (let i = 0; i < emails.length; i += 4) {
    found.push(...(await Promise.all(emails.slice(i, i + 4).map((email) => readGuestIfAny(orgId, email)))))
  }
  return found
}

export const guestMutations = {
  /**
   * Adds a guest (POST /guests, 201 with the guest). A member's email is refused with a 422 on
   * `email`. Never repeated: after a lost answer the guest is read by email; there means done.
   */
  create: (orgId: string) =>
    mutationOptions<Guest | null, Error, GuestInput>({
      mutationKey: [...guestQueries.all(orgId), 'create'] as const,
      mutationFn: inAskingSession(async (input: GuestInput): Promise<Guest | null> => {
        try {
          return await apiRequest('POST', guestsPath(orgId), { body: guestBody(input), parse: guestAnswer })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Guest>> => {
              const guest = await readGuestIfAny(orgId, input.email)
              return guest ? { applied: true, value: guest } : { applied: false }
            },
            'guest',
          )
        }
      }),
    }),

  /**
   * Adds many guests in one call (POST /guests/bulk, body {guests: [...]}, [I]). Resolves with the
   * guests Tallyfy answers (perhaps none: the shape is not documented), or 'unsupported' when
   * Tallyfy does not take the call this way: nothing was created, and the caller adds them one at a
   * time (`create` through startBatch). Never repeated: after a lost answer each guest is read by
   * email; all there means done, none there the original failure, some there an uncertain result.
   */
  createBulk: (orgId: string) =>
    mutationOptions<Guest[] | 'unsupported', Error, GuestInput[]>({
      mutationKey: [...guestQueries.all(orgId), 'create-bulk'] as const,
      mutationFn: inAskingSession(async (inputs: GuestInput[]): Promise<Guest[] | 'unsupported'> => {
        try {
          return await apiRequest('POST', `${guestsPath(orgId)}/bulk`, {
            body: { guests: inputs.map(guestBody) },
            parse: bulkAnswer,
          })
        } catch (error) {
          if (bulkUnsupported(error)) return 'unsupported'
          return confirmWrite(
            error,
            async (): Promise<Check<Guest[]>> => {
              const found = await readGuests(
                orgId,
                inputs.map((input) => input.email),
              )
              const there = found.filter((guest): guest is Guest => guest !== null)
              if (there.length === inputs.length) return { applied: true, value: there }
              if (there.length === 0) return { applied: false }
              throw new PartlyAddedError(
                there,
                `The connection broke after the guests were sent. ${there.length} of ${inputs.length} are in the organization now; the others are not.`,
                { cause: error },
              )
            },
            'guests',
          )
        }
      }),
    }),

  /**
   * Disables the guest (DELETE /guests/{email}/disable): their link stops working. Tallyfy refuses
   * a guest with incomplete tasks with a 403 ("Cannot disable guest with incomplete tasks"): a
   * business refusal, passed on as an ApiError with Tallyfy's words (the client ends a session on
   * 401 only).
   */
  disable: (orgId: string, email: string) =>
    mutationOptions<Guest | null, Error, void>({
      mutationKey: [...guestQueries.all(orgId), 'disable', guestKey(email)] as const,
      scope: guestScope(orgId, email),
      mutationFn: inAskingSession<Guest | null, void>(() =>
        writeGuest(
          orgId,
          email,
          () => apiRequest('DELETE', `${guestPath(orgId, email.trim())}/disable`, { parse: guestAnswer }),
          (guest) => guest.disabledAt !== null,
        ),
      ),
    }),

  /** Enables the guest again (PUT /guests/{email}/enable). */
  enable: (orgId: string, email: string) =>
    mutationOptions<Guest | null, Error, void>({
      mutationKey: [...guestQueries.all(orgId), 'enable', guestKey(email)] as const,
      scope: guestScope(orgId, email),
      mutationFn: inAskingSession<Guest | null, void>(() =>
        writeGuest(
          orgId,
          email,
          () => apiRequest('PUT', `${guestPath(orgId, email.trim())}/enable`, { parse: guestAnswer }),
          (guest) => guest.disabledAt === null,
        ),
      ),
    }),

  /**
   * Gives the guest a new link (PUT /guests/{email}/reset-link); the old one stops working at once.
   * A guest read after a lost answer cannot show whether the link changed (Roster never had the old
   * one), so that ends uncertain, saying that resetting again is harmless.
   */
  resetLink: (orgId: string, email: string) =>
    mutationOptions<Guest | null, Error, void>({
      mutationKey: [...guestQueries.all(orgId), 'reset-link', guestKey(email)] as const,
      scope: guestScope(orgId, email),
      mutationFn: inAskingSession<Guest | null, void>(async () => {
        try {
          return await apiRequest('PUT', `${guestPath(orgId, email.trim())}/reset-link`, {
            parse: guestAnswer,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Guest | null>> => {
              const guest = await readGuestIfAny(orgId, email)
              if (!guest) {
                throw new NoLongerAppliesError('The guest is no longer in the organization.', {
                  cause: error,
                })
              }
              throw new UncertainWriteError(
                'The connection broke after the reset was sent, and Roster cannot tell whether Tallyfy made a new link. Resetting again is safe: the guest gets one new link either way.',
                { cause: error },
              )
            },
            'guest',
          )
        }
      }),
    }),

  /**
   * Takes the guest out of the organization and every task (DELETE /guests/{email}). Tallyfy
   * answers an email it does not know with 422: the guest is read again, and gone means done.
   */
  remove: (orgId: string, email: string) =>
    mutationOptions<void, Error, void>({
      mutationKey: [...guestQueries.all(orgId), 'remove', guestKey(email)] as const,
      scope: guestScope(orgId, email),
      mutationFn: inAskingSession<void, void>(async () => {
        try {
          await apiRequest('DELETE', guestPath(orgId, email.trim()))
        } catch (error) {
          const gone = async (): Promise<Check<void>> =>
            (await readGuestIfAny(orgId, email)) ? { applied: false } : { applied: true, value: undefined }
          if (isApiError(error) && error.kind === 'http' && (error.status === 422 || error.status === 404)) {
            // Unknown email: already gone, unless the read finds them (then the refusal stands).
            let check: Check<void>
            try {
              check = await gone()
            } catch {
              throw error
            }
            if (check.applied) return
            throw error
          }
          return confirmWrite(error, gone, 'guest')
        }
      }),
    }),

  /**
   * Turns the guest into an invited member (POST /guests/{email}/to/member, 201 with the member):
   * they take a seat (409 SEAT_POOL_EXHAUSTED when none is left) and leave the guests. Never
   * repeated: after a lost answer the directory is asked for a member with the email.
   */
  toMember: (orgId: string, email: string) =>
    mutationOptions<Member | null, Error, GuestToMemberInput>({
      mutationKey: [...guestQueries.all(orgId), 'to-member', guestKey(email)] as const,
      scope: guestScope(orgId, email),
      mutationFn: inAskingSession(async (input: GuestToMemberInput): Promise<Member | null> => {
        try {
          return await apiRequest('POST', `${guestPath(orgId, email.trim())}/to/member`, {
            body: { first_name: input.firstName.trim(), last_name: input.lastName.trim(), role: input.role },
            parse: memberAnswer,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Member>> => {
              const member = await findMemberByEmail(orgId, email)
              return member ? { applied: true, value: member } : { applied: false }
            },
            'guest',
          )
        }
      }),
    }),
}

/**
 * When Tallyfy may take the next new guest, after a 429 on adding one (its cap is 30 an hour per
 * organization, tallyfy-api.md §4): now + Retry-After. Null for any other failure, or a 429 without
 * Retry-After (then nobody knows).
 */
export function guestCapRetryAt(error: unknown, now: Date = new Date()): Date | null {
  if (!isApiError(error) || error.kind !== 'http' || error.status !== 429) return null
  if (error.retryAfter === null) return null
  return new Date(now.getTime() + error.retryAfter * 1000)
}
