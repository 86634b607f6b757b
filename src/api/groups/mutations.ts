import { MutationObserver, mutationOptions, type QueryClient } from '@tanstack/react-query'
import { guestKey } from '../../lib/email'
import {
  applyMembershipChange,
  effectiveMembershipChange,
  isEmptyChange,
  type MembershipChange,
} from '../../lib/group-membership'
import { canonicalMemberId, toWireMemberId } from '../../lib/member-id'
import { apiGet, apiRequest } from '../client'
import { tallyfyWords } from '../describe-error'
import { ApiError, isApiError, isNotFound } from '../errors'
import { memberQueries } from '../members/queries'
import type { Group } from '../types'
import { activity, type WriteRecord } from '../writes/activity'
import { refusalMessage } from '../writes/refusal'
import { inAskingSession } from '../writes/session'
import { confirmWrite, type Check } from '../writes/uncertain'
import { cachedGroup, settleGroup } from './cache'
import { groupPath, groupQueries, groupsPath } from './queries'
import { parseGroupPage, parseGroupRead, type GroupRead } from './schema'

// Writes, one `mutationOptions` per action (docs/contracts.md, "Mutations"). The key names the
// record, so `useIsMutating` can tell whether that group has a change in flight; what the cache does
// around the request (optimistic patch, rollback, invalidation) is added by the caller.
//
// Every write to one group shares a mutation `scope`: TanStack Query runs mutations of one scope
// one after another, in the order they were made. That is the per-group queue: two PUTs for one
// group are never in flight together, and each one's fresh read sees the previous one's result.
//
// A PUT replaces the group's `members` and `guests`, so its body is built when it goes (the body
// builder of `apiRequest`), from a read made then: a PUT held back by a 429 for a minute carries what
// the group holds after that minute, never what it held before. A read without either list refuses
// the write (sending `[]` would empty the group). When the answer is lost (network drop, 5xx) the
// group is read again to see whether the change is there. Every write lands in the Activity panel:
// create, edit, delete and the logo record themselves here; a membership change is recorded by its
// caller (features/groups/membership-actions.ts), which owns its notice and its Undo.

/** What the group form edits. Both are always sent on PUT (the sources disagree on which is required). */
export interface GroupDetails {
  name: string
  description: string
}

/** An update: new details, a membership change as intent, or both. */
export interface GroupUpdate {
  details?: GroupDetails
  change?: MembershipChange
  /**
   * The caller records this write in the Activity panel itself (a membership change, an Undo).
   * Otherwise the update records itself: "Edit group Engineering", with an Undo that restores the
   * details it replaced.
   */
  recorded?: boolean
  /** Where a self-recorded update's Undo says how it went (the notice host's `notify`). */
  notify?: (notice: { message: string; tone?: 'success' | 'error' }) => unknown
}

/** What an update did, measured against the group as the server held it when the PUT was built. */
export interface GroupUpdateResult {
  /** The group as the server holds it now. */
  group: Group
  /** The group as read just before the PUT that went (what Undo restores). */
  before: Group
  /** The part of the intent that changed the group: Undo inverts exactly this. */
  change: MembershipChange
  /** Member IDs Tallyfy refused as no longer in the organization, taken out to let the change through. */
  dropped: string[]
  /** False when the group already held what was asked: no PUT went. */
  sent: boolean
  /** The Activity entry of a self-recorded update (see `GroupUpdate.recorded`). */
  activityId: number | null
}

const groupScope = (orgId: string, groupId: string) => ({ id: `org:${orgId}:group:${groupId}` })

/** Tallyfy's docs say the write answers with the group; accept an empty 200/201/204 as well. */
const parseGroupReadOrNothing = (json: unknown): GroupRead | null =>
  json === undefined ? null : parseGroupRead(json)

const readGroup = (orgId: string, groupId: string, signal?: AbortSignal) =>
  apiGet(groupPath(orgId, groupId), parseGroupRead, { signal, query: { with: 'assets' } })

/**
 * The group was read without a list a PUT would replace. An ApiError (an answer Roster cannot use),
 * with words that say what was at stake; `groupWriteMessage` shows them.
 */
class GroupListsNotReadError extends ApiError {
  constructor(groupName: string, missing: { members: boolean; guests: boolean }) {
    const what =
      missing.members && missing.guests
        ? 'its member and guest lists'
        : missing.members
          ? 'its member list'
          : 'its guest list'
    super({
      kind: 'invalid-response',
      message: `Tallyfy sent ${groupName} without ${what}, so nothing was saved: saving now could empty the group. Try again.`,
      details: `group read without ${[missing.members && 'members', missing.guests && 'guests'].filter(Boolean).join(', ')}`,
    })
  }
}

/** The lists a refused PUT carried, so a refusal about `members.3` can name the person. */
const sentWith = new WeakMap<object, { memberIds: readonly string[]; guests: readonly string[] }>()

/** `members.3` → the member ID sent at index 3 of the refused PUT; `guests.1` → that email. */
function subjectOfField(error: unknown, field: string): { member: string } | { guest: string } | null {
  const sent = typeof error === 'object' && error !== null ? sentWith.get(error) : undefined
  const match = /^(members|guests)\.(\d+)$/.exec(field)
  if (!sent || !match) return null
  const index = Number(match[2])
  if (match[1] === 'members') {
    const id = sent.memberIds[index]
    return id === undefined ? null : { member: id }
  }
  const email = sent.guests[index]
  return email === undefined ? null : { guest: email }
}

/** "Bob Smith", or "Unknown member #424242" for an ID the directory does not hold. */
export function memberName(qc: QueryClient, orgId: string, id: string): string {
  const directory = qc.getQueryData(memberQueries.directory(orgId).queryKey)
  const member = directory?.members.find((m) => canonicalMemberId(m.id) === canonicalMemberId(id))
  return member?.fullName ?? `Unknown member #${id}`
}

/**
 * The one message for a failed group write: Tallyfy's words (an index mapped back to the person it
 * was about: "Bob Smith: The selected members.3 is invalid."), or Roster's own when the write was
 * stopped before it went (a read without a list).
 */
export function groupWriteMessage(qc: QueryClient, orgId: string, error: unknown): string {
  if (error instanceof GroupListsNotReadError) return error.message
  const words = tallyfyWords(error)
  return refusalMessage(error, {
    what: 'group',
    nameOfField: (field) => {
      const subject = subjectOfField(error, field)
      if (!subject) return null
      if ('member' in subject) return memberName(qc, orgId, subject.member)
      // Tallyfy's words about a guest usually quote the address already.
      return words?.message.toLowerCase().includes(subject.guest.toLowerCase()) ? null : subject.guest
    },
  })
}

/** "Also removed Unknown member #424242, who is no longer in the organization" */
export function droppedNote(qc: QueryClient, orgId: string, dropped: readonly string[]): string | null {
  if (dropped.length === 0) return null
  const names = dropped.map((id) => memberName(qc, orgId, id))
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `Also removed ${list}, who ${names.length === 1 ? 'is' : 'are'} no longer in the organization`
}

/**
 * The member IDs a 422 refused as unknown, when the complete directory agrees that none of them is
 * in the organization; null when anything else was refused, or the directory cannot tell.
 */
function staleMembersOf(qc: QueryClient, orgId: string, error: unknown): string[] | null {
  if (!isApiError(error) || error.status !== 422) return null
  const sent = sentWith.get(error)
  const fields = Object.keys(error.fieldErrors)
  const directory = qc.getQueryData(memberQueries.directory(orgId).queryKey)
  if (!sent || fields.length === 0 || directory?.complete !== true) return null
  const known = new Set(directory.members.map((m) => canonicalMemberId(m.id)))
  const stale: string[] = []
  for (const field of fields) {
    const subject = subjectOfField(error, field)
    if (!subject || !('member' in subject) || known.has(canonicalMemberId(subject.member))) return null
    stale.push(canonicalMemberId(subject.member))
  }
  return stale
}

/** Whether `group` holds what the PUT asked for (after a lost answer). */
function holds(group: GroupRead, change: MembershipChange, details: GroupDetails | null): boolean {
  if (!group.read.members || !group.read.guests) throw new Error('The group was read without its lists.')
  const members = new Set(group.group.memberIds.map(canonicalMemberId))
  const guests = new Set(group.group.guests.map(guestKey))
  return (
    (change.addMembers ?? []).every((id) => members.has(canonicalMemberId(id))) &&
    (change.removeMembers ?? []).every((id) => !members.has(canonicalMemberId(id))) &&
    (change.addGuests ?? []).every((g) => guests.has(guestKey(g))) &&
    (change.removeGuests ?? []).every((g) => !guests.has(guestKey(g))) &&
    (details === null ||
      (group.group.name.trim() === details.name.trim() &&
        (group.group.description ?? '').trim() === details.description.trim()))
  )
}

const sameDetails = (group: Group, details: GroupDetails) =>
  group.name === details.name && (group.description ?? '') === details.description

/** Thrown by the body builder when the fresh read shows there is nothing to send. */
class NothingToSend {
  constructor(readonly fresh: Group) {}
}

interface Built {
  fresh: Group
  change: MembershipChange
  details: GroupDetails
  memberIds: string[]
  guests: string[]
  dropped: string[]
}

/**
 * One PUT, built from a read made when it goes (again after every wait), with `drop` taken out of
 * the members. A lost answer is settled by reading the group again.
 */
async function putGroup(
  orgId: string,
  groupId: string,
  { details, change }: GroupUpdate,
  drop: ReadonlySet<string>,
): Promise<Omit<GroupUpdateResult, 'activityId'>> {
  // What the last build sent; `building` while a read is under way (its failure sent nothing).
  const state: { built: Built | null; building: boolean } = { built: null, building: false }
  const build = async (signal: AbortSignal | undefined) => {
    state.building = true
    const fresh = await readGroup(orgId, groupId, signal)
    const { group } = fresh
    if (!fresh.read.members || !fresh.read.guests)
      throw new GroupListsNotReadError(group.name, {
        members: !fresh.read.members,
        guests: !fresh.read.guests,
      })
    const effective = change ? effectiveMembershipChange(group, change) : {}
    const lists = applyMembershipChange(group, effective)
    const memberIds = lists.memberIds.filter((id) => !drop.has(canonicalMemberId(id)))
    const nextDetails = details ?? { name: group.name, description: group.description ?? '' }
    if (
      isEmptyChange(effective) &&
      memberIds.length === lists.memberIds.length &&
      sameDetails(group, nextDetails)
    )
      throw new NothingToSend(group)
    state.built = {
      fresh: group,
      change: effective,
      details: nextDetails,
      memberIds,
      guests: lists.guests,
      dropped: lists.memberIds.filter((id) => drop.has(canonicalMemberId(id))),
    }
    state.building = false
    return {
      name: nextDetails.name,
      description: nextDetails.description,
      members: memberIds.map(toWireMemberId),
      guests: [...lists.guests],
    }
  }

  const result = (b: Built, group: Group) => ({
    group,
    before: b.fresh,
    change: b.change,
    dropped: b.dropped,
    sent: true,
  })
  try {
    const answer = await apiRequest('PUT', groupPath(orgId, groupId), {
      body: build,
      parse: parseGroupReadOrNothing,
    })
    const b = state.built as Built
    return result(b, withSentLists(answer, b))
  } catch (error) {
    if (error instanceof NothingToSend)
      return { group: error.fresh, before: error.fresh, change: {}, dropped: [], sent: false }
    // The read before the PUT failed: nothing was sent, so nothing is uncertain.
    const b = state.built
    if (state.building || b === null) throw error
    if (isApiError(error)) sentWith.set(error, { memberIds: b.memberIds, guests: b.guests })
    const group = await confirmWrite(
      error,
      async (): Promise<Check<Group>> => {
        const now = await readGroup(orgId, groupId)
        return holds(now, b.change, details ?? null)
          ? { applied: true, value: now.group }
          : { applied: false }
      },
      'group',
    )
    return result(b, group)
  }
}

/** The PUT's answer, its lists filled from what was sent when it came without them (or with no body). */
function withSentLists(answer: GroupRead | null, b: Built): Group {
  const base = answer?.group ?? { ...b.fresh, name: b.details.name, description: b.details.description }
  return {
    ...base,
    memberIds: answer?.read.members ? base.memberIds : [...b.memberIds],
    guests: answer?.read.guests ? base.guests : [...b.guests],
    membersKnown: true,
    guestsKnown: true,
  }
}

/** A group just created holds the empty lists its POST sent, whether or not the answer shows them. */
const withCreatedLists = (group: Group): Group => ({
  ...group,
  memberIds: group.membersKnown ? group.memberIds : [],
  guests: group.guestsKnown ? group.guests : [],
  membersKnown: true,
  guestsKnown: true,
})

/**
 * An update, and once more when Tallyfy refuses member IDs that the complete directory does not
 * hold either (members deleted since they were put in the group: every change to it would fail).
 * Only those IDs are taken out, and only once.
 */
async function updateGroup(
  client: QueryClient,
  orgId: string,
  groupId: string,
  update: GroupUpdate,
): Promise<Omit<GroupUpdateResult, 'activityId'>> {
  try {
    return await putGroup(orgId, groupId, update, new Set())
  } catch (error) {
    const stale = staleMembersOf(client, orgId, error)
    if (!stale) throw error
    return putGroup(orgId, groupId, update, new Set(stale))
  }
}

const groupNameFor = (client: QueryClient, orgId: string, groupId: string) =>
  cachedGroup(client, orgId, groupId)?.name ?? 'a group'

/** Records a write of the group's own (not a membership change) in the Activity panel. */
async function recorded<T>(orgId: string, label: string, write: () => Promise<T>): Promise<T> {
  const record = activity.start(orgId, label)
  try {
    const value = await write()
    record.done()
    return value
  } catch (error) {
    record.fail(error, 'group')
    throw error
  }
}

/**
 * After a lost answer to a DELETE: the group (or its logo) is gone when a read says so.
 * `gone(group)` decides for a group that is still there.
 */
function confirmDelete(error: unknown, orgId: string, groupId: string, gone: (g: Group) => boolean) {
  return confirmWrite(
    error,
    async (): Promise<Check<void>> => {
      try {
        const now = await readGroup(orgId, groupId)
        return gone(now.group) ? { applied: true, value: undefined } : { applied: false }
      } catch (readError) {
        if (isNotFound(readError)) return { applied: true, value: undefined }
        throw readError
      }
    },
    'group',
  )
}

export const groupMutations = {
  /** POST: never retried (apiRequest), so a double click or a flaky network cannot create two. */
  create: (orgId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'create'] as const,
      mutationFn: inAskingSession<Group, GroupDetails>((details) =>
        recorded(orgId, `Create group ${details.name}`, async () => {
          const created = await apiRequest('POST', groupsPath(orgId), {
            body: { name: details.name, description: details.description, members: [], guests: [] },
            parse: parseGroupReadOrNothing,
          }).catch((error: unknown) => confirmCreated(error, orgId, details))
          // An empty 201 would leave us without the new ID; Tallyfy documents the group in the body.
          if (!created) throw new Error('Tallyfy created the group but did not say which one it is.')
          return withCreatedLists(created.group)
        }),
      ),
    }),

  /**
   * PUT built from a fresh read plus the person's intent (see `putGroup`): `change` is applied as a
   * set operation to the group as it is on the server when the PUT goes, so a member someone else
   * added meanwhile stays. The result says what changed, measured against that read.
   */
  update: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'update', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: inAskingSession<GroupUpdateResult, GroupUpdate>(async (update, { client }) => {
        if (update.recorded)
          return { ...(await updateGroup(client, orgId, groupId, update)), activityId: null }
        const name = groupNameFor(client, orgId, groupId)
        const label = update.details ? `Edit group ${name}` : `Change the members of ${name}`
        const record = activity.start(orgId, label)
        try {
          const result = await updateGroup(client, orgId, groupId, update)
          const restore =
            update.details && result.sent
              ? undoDetails(client, orgId, groupId, result, record, update.notify)
              : null
          record.done({ detail: droppedNote(client, orgId, result.dropped), undo: restore })
          return { ...result, activityId: record.id }
        } catch (error) {
          record.fail(error, { what: 'group', message: groupWriteMessage(client, orgId, error) })
          throw error
        }
      }),
    }),

  /** Permanent. Tallyfy answers 204, or 200 with the deleted group; both count as done. */
  remove: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'remove', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: inAskingSession<void, void>((_, { client }) =>
        recorded(orgId, `Delete group ${groupNameFor(client, orgId, groupId)}`, () =>
          apiRequest('DELETE', groupPath(orgId, groupId)).catch((error: unknown) =>
            confirmDelete(error, orgId, groupId, () => false),
          ),
        ),
      ),
    }),

  /** multipart/form-data with the file in the field `logo` (tallyfy-api.md §10). */
  uploadLogo: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'logo', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: inAskingSession<Group | null, File>((file, { client }) =>
        recorded(orgId, `Upload a logo for ${groupNameFor(client, orgId, groupId)}`, async () => {
          const body = new FormData()
          body.append('logo', file)
          const answer = await apiRequest('POST', `${groupPath(orgId, groupId)}/logo`, {
            body,
            parse: parseGroupReadOrNothing,
          })
          if (!answer) return null
          if (answer.read.members && answer.read.guests) return answer.group
          // An answer without a list must not empty the one on screen: it keeps what the cache knows
          // (the upload changed no list), or the caller reads the group again.
          const known = cachedGroup(client, orgId, groupId)
          if (!known) return null
          return {
            ...answer.group,
            memberIds: answer.read.members ? answer.group.memberIds : known.memberIds,
            guests: answer.read.guests ? answer.group.guests : known.guests,
            membersKnown: answer.read.members || known.membersKnown,
            guestsKnown: answer.read.guests || known.guestsKnown,
          }
        }),
      ),
    }),

  /**
   * INFERRED: Tallyfy's 2024-08-19 changelog says group logos can be removed through the API, but
   * no endpoint is documented (tallyfy-api.md §10). We use `DELETE .../groups/{id}/logo`, the
   * REST counterpart of the documented upload; the demo implements the same. Verify on a real org.
   */
  removeLogo: (orgId: string, groupId: string) =>
    mutationOptions({
      mutationKey: [...groupQueries.all(orgId), 'logo', groupId] as const,
      scope: groupScope(orgId, groupId),
      mutationFn: inAskingSession<void, void>((_, { client }) =>
        recorded(orgId, `Remove the logo of ${groupNameFor(client, orgId, groupId)}`, () =>
          apiRequest('DELETE', `${groupPath(orgId, groupId)}/logo`).catch((error: unknown) =>
            confirmDelete(error, orgId, groupId, (g) => g.logo === null),
          ),
        ),
      ),
    }),
}

/**
 * After a lost answer to a create: names are unique in an organization (and a create with a taken
 * name is refused), so a group with exactly this name now is the one we created.
 */
function confirmCreated(error: unknown, orgId: string, details: GroupDetails) {
  return confirmWrite(
    error,
    async (): Promise<Check<GroupRead>> => {
      const page = await apiGet(groupsPath(orgId), parseGroupPage, {
        query: { q: details.name, per_page: 100 },
      })
      const key = details.name.trim().toLowerCase()
      const found = page.items.find((g) => g.name.trim().toLowerCase() === key)
      return found
        ? { applied: true, value: { group: found, read: { members: true, guests: true } } }
        : { applied: false }
    },
    'group',
  )
}

/**
 * The Undo of a details edit: puts back the name and description the edit replaced (as read just
 * before it), through the group's queue; the entry says whether that worked.
 */
function undoDetails(
  client: QueryClient,
  orgId: string,
  groupId: string,
  result: Omit<GroupUpdateResult, 'activityId'>,
  record: WriteRecord,
  notify: GroupUpdate['notify'],
) {
  const previous = { name: result.before.name, description: result.before.description ?? '' }
  return () => {
    const observer = new MutationObserver(client, {
      ...groupMutations.update(orgId, groupId),
      onSuccess: ({ group }) => settleGroup(client, orgId, group),
    })
    observer.mutate({ details: previous, recorded: true }).then(
      () => {
        const message = `${result.group.name} is ${previous.name} again.`
        record.undone(message)
        notify?.({ message })
      },
      (error: unknown) => {
        record.undoFailed(error, 'group')
        notify?.({
          tone: 'error',
          message: `Could not undo the change. ${groupWriteMessage(client, orgId, error)}`,
        })
      },
    )
  }
}
