import type { QueryClient } from '@tanstack/react-query'
import { groupQueries } from '../groups/queries'
import { guestQueries, withGuest } from '../guests/queries'
import { meQueries } from '../me'
import { journalMemberRemoval, journalMemberWrite, type JournaledWrite } from './directory-loader'
import { memberQueries } from './queries'
import type { WritableRole } from '../../lib/roles'
import type { Group, Guest, Member, MemberDirectory } from '../types'

// What a member write does to the cache, as pure functions over the cached values (unit-tested in
// cache.test.ts) plus the small steps that apply them to a QueryClient. Only the row of the
// changed member becomes a new object: every other row keeps its identity, so the table's memoised
// work survives, and the filters' counts (computed from the directory) follow the badges at once.

export type MemberPatch = Partial<Pick<Member, 'role' | 'rawRole' | 'status' | 'groups'>>

/** Role and rawRole together, so the table never shows one spelling and filters by another. */
export const rolePatch = (role: WritableRole): MemberPatch => ({ role, rawRole: role })

// Writes to the directory while a batch runs are gathered and applied together. Every change of the
// cached directory re-renders /members over the whole of it (search index, sort, filters): at a
// hundred writes a second that work, not Tallyfy, was what held a batch back (24 a second at 2,000
// members, fewer the larger the directory). Gathered, the table follows at most every
// max(150 ms, rows / 25 ms), as the directory's loader merges its pages; the updates apply in the
// order they were made, so the outcome is the one immediate writes would give. A member's page and
// the groups follow at once (small values, seldom on screen during a batch).
type DirectoryUpdate = (directory: MemberDirectory) => MemberDirectory

interface Gathering {
  qc: QueryClient
  depth: number
  updates: DirectoryUpdate[]
  /** Members with an update waiting: reading one of them (a snapshot) applies the waiting ones first. */
  ids: Set<number>
  timer: ReturnType<typeof setTimeout> | null
}

const gatherings = new Map<string, Gathering>()

export const directoryGatherPolicy = { minMs: 150, msPerRow: 1 / 25 }

function flushDirectory(orgId: string) {
  const gathering = gatherings.get(orgId)
  if (!gathering) return
  if (gathering.timer !== null) clearTimeout(gathering.timer)
  gathering.timer = null
  const updates = gathering.updates
  if (updates.length === 0) return
  gathering.updates = []
  gathering.ids.clear()
  gathering.qc.setQueryData(memberQueries.directory(orgId).queryKey, (d) =>
    d ? updates.reduce((directory, update) => update(directory), d) : d,
  )
}

/** Applies `update` to the cached directory now, or with the batch's next gathered write. */
function updateDirectory(qc: QueryClient, orgId: string, memberId: number, update: DirectoryUpdate) {
  const gathering = gatherings.get(orgId)
  if (!gathering || gathering.qc !== qc) {
    qc.setQueryData(memberQueries.directory(orgId).queryKey, (d) => (d ? update(d) : d))
    return
  }
  gathering.updates.push(update)
  gathering.ids.add(memberId)
  if (gathering.timer !== null) return
  const rows = qc.getQueryData(memberQueries.directory(orgId).queryKey)?.members.length ?? 0
  const wait = Math.max(directoryGatherPolicy.minMs, rows * directoryGatherPolicy.msPerRow)
  gathering.timer = setTimeout(() => flushDirectory(orgId), wait)
}

/**
 * From now until the returned function is called (once the batch ended), the organization's
 * directory writes are gathered (above). Nested calls share one gathering; the last to end applies
 * what waits.
 */
export function gatherDirectoryWrites(qc: QueryClient, orgId: string): () => void {
  const gathering = gatherings.get(orgId)
  if (gathering && gathering.qc === qc) gathering.depth++
  else {
    if (gathering) flushDirectory(orgId)
    gatherings.set(orgId, { qc, depth: 1, updates: [], ids: new Set(), timer: null })
  }
  let ended = false
  return () => {
    if (ended) return
    ended = true
    const current = gatherings.get(orgId)
    if (!current || current.qc !== qc) return
    current.depth--
    if (current.depth > 0) return
    flushDirectory(orgId)
    gatherings.delete(orgId)
  }
}

/** The member's row as the directory will hold it: what waits for them is applied first. */
function directoryRow(qc: QueryClient, orgId: string, id: number): Member | undefined {
  if (gatherings.get(orgId)?.ids.has(id)) flushDirectory(orgId)
  return qc.getQueryData(memberQueries.directory(orgId).queryKey)?.members.find((m) => m.id === id)
}

/** The directory with one member's row replaced by `update(row)`; the same object when absent. */
function replaceRow(
  directory: MemberDirectory,
  id: number,
  update: (row: Member) => Member,
): MemberDirectory {
  const index = directory.members.findIndex((m) => m.id === id)
  if (index < 0) return directory
  const row = directory.members[index] as Member
  const next = update(row)
  if (next === row) return directory
  const members = directory.members.slice()
  members[index] = next
  return { ...directory, members }
}

function patchMember(member: Member, patch: MemberPatch): Member {
  const keys = Object.keys(patch) as (keyof MemberPatch)[]
  return keys.every((k) => member[k] === patch[k]) ? member : { ...member, ...patch }
}

export function patchDirectoryMember(
  directory: MemberDirectory,
  id: number,
  patch: MemberPatch,
): MemberDirectory {
  return replaceRow(directory, id, (row) => patchMember(row, patch))
}

/**
 * Puts back the fields a failed write had patched, from the row as it was before; other fields
 * (and other rows, perhaps changed by a write that succeeded meanwhile) stay as they are now.
 */
export function rollbackDirectoryMember(
  directory: MemberDirectory,
  previous: Member,
  patch: MemberPatch,
): MemberDirectory {
  return replaceRow(directory, previous.id, (row) => patchMember(row, pick(previous, patch)))
}

function rollbackMember(current: Member, previous: Member, patch: MemberPatch): Member {
  return patchMember(current, pick(previous, patch))
}

function pick(previous: Member, patch: MemberPatch): MemberPatch {
  const out: MemberPatch = {}
  for (const key of Object.keys(patch) as (keyof MemberPatch)[]) {
    ;(out as Record<string, unknown>)[key] = previous[key]
  }
  return out
}

/**
 * Tallyfy's answer to a write, laid over what we had. A write's answer usually comes without the
 * `groups` include: then the groups we knew stay (null in the answer means "not asked", not "none").
 */
export function mergeAnswer(current: Member, answer: Member): Member {
  return { ...answer, groups: answer.groups ?? current.groups }
}

function replaceDirectoryMember(directory: MemberDirectory, answer: Member): MemberDirectory {
  return replaceRow(directory, answer.id, (row) => mergeAnswer(row, answer))
}

/** A newly invited member joins the directory (once, even if a refetch already brought them). */
export function addDirectoryMember(directory: MemberDirectory, member: Member): MemberDirectory {
  if (directory.members.some((m) => m.id === member.id)) return replaceDirectoryMember(directory, member)
  return { ...directory, members: [...directory.members, member], total: directory.total + 1 }
}

/** The directory without one member (a withdrawn invitation); the same object when absent. */
export function removeDirectoryMember(directory: MemberDirectory, id: number): MemberDirectory {
  const index = directory.members.findIndex((m) => m.id === id)
  if (index < 0) return directory
  const members = directory.members.slice()
  members.splice(index, 1)
  return { ...directory, members, total: Math.max(0, directory.total - 1) }
}

/** Disabled members leave every group (tallyfy-api.md §2.6): the group without that member ID. */
function withoutMember(group: Group, memberId: number): Group {
  const id = String(memberId)
  return group.memberIds.includes(id)
    ? { ...group, memberIds: group.memberIds.filter((m) => m !== id) }
    : group
}

export function groupsWithoutMember(groups: Group[], memberId: number): Group[] {
  let changed = false
  const next = groups.map((group) => {
    const patched = withoutMember(group, memberId)
    if (patched !== group) changed = true
    return patched
  })
  return changed ? next : groups
}

// ─── applying them to the cache ──────────────────────────────────────────────

/** What a write needs to undo its optimistic patch, and its entry in the directory's journal. */
export interface MemberSnapshot {
  directory: Member | undefined
  detail: Member | undefined
  patch: MemberPatch
  /** Keeps a directory load or refresh running meanwhile from putting the old values back. */
  write: JournaledWrite
}

/**
 * Stops a refetch of the member's profile from landing on top of the patch, then patches the
 * profile and the directory. The directory's loader is not cancelled (it would go on reading
 * anyway): the write is journaled, and every page or swap the loader writes while the write may be
 * missing from it gets the patch too (directory-loader.ts).
 */
export async function applyOptimistic(
  queryClient: QueryClient,
  orgId: string,
  id: number,
  patch: MemberPatch,
): Promise<MemberSnapshot> {
  const directoryKey = memberQueries.directory(orgId).queryKey
  const detailKey = memberQueries.detail(orgId, id).queryKey
  await queryClient.cancelQueries({ queryKey: detailKey })
  const snapshot: MemberSnapshot = {
    directory: directoryRow(queryClient, orgId, id),
    detail: queryClient.getQueryData(detailKey),
    patch,
    write: journalMemberWrite(queryClient, directoryKey, id, patch),
  }
  updateDirectory(queryClient, orgId, id, (d) => patchDirectoryMember(d, id, patch))
  queryClient.setQueryData(detailKey, (m) => (m ? patchMember(m, patch) : m))
  return snapshot
}

export function rollback(queryClient: QueryClient, orgId: string, snapshot: MemberSnapshot | undefined) {
  if (!snapshot) return
  const { directory, detail, patch, write } = snapshot
  write.forget()
  if (directory) {
    updateDirectory(queryClient, orgId, directory.id, (d) => rollbackDirectoryMember(d, directory, patch))
  }
  if (detail) {
    queryClient.setQueryData(memberQueries.detail(orgId, detail.id).queryKey, (m) =>
      m ? rollbackMember(m, detail, patch) : m,
    )
  }
}

/**
 * Tallyfy's answer, when it sent the member back, replaces our guess in both places. With the
 * write's snapshot, the journal learns that the write settled, with the patched fields as answered.
 */
export function applyAnswer(
  queryClient: QueryClient,
  orgId: string,
  answer: Member | null,
  snapshot?: MemberSnapshot,
) {
  snapshot?.write.settle(answer ? pick(answer, snapshot.patch) : undefined)
  if (!answer) return
  updateDirectory(queryClient, orgId, answer.id, (d) => replaceDirectoryMember(d, answer))
  queryClient.setQueryData(memberQueries.detail(orgId, answer.id).queryKey, (m) =>
    m ? mergeAnswer(m, answer) : m,
  )
}

export function addInvited(queryClient: QueryClient, orgId: string, member: Member) {
  const directoryKey = memberQueries.directory(orgId).queryKey
  // A refresh that read the pages before the invitation landed must not drop the new row.
  journalMemberWrite(queryClient, directoryKey, member.id, {}, member).settle()
  queryClient.setQueryData(directoryKey, (d) => (d ? addDirectoryMember(d, member) : d))
  queryClient.setQueryData(memberQueries.detail(orgId, member.id).queryKey, member)
}

/**
 * After a disable: the member is in no group any more. Their own row says so, and every cached
 * group (list and details) loses their ID, so group pages agree without a refetch.
 */
export function removeFromGroups(
  queryClient: QueryClient,
  orgId: string,
  memberId: number,
  snapshot?: MemberSnapshot,
) {
  const noGroups: MemberPatch = { groups: [] }
  snapshot?.write.settle(noGroups)
  updateDirectory(queryClient, orgId, memberId, (d) => patchDirectoryMember(d, memberId, noGroups))
  queryClient.setQueryData(memberQueries.detail(orgId, memberId).queryKey, (m) =>
    m ? patchMember(m, noGroups) : m,
  )
  dropFromCachedGroups(queryClient, orgId, memberId)
}

/** Every cached group (the list and each group's page) without the member. */
function dropFromCachedGroups(queryClient: QueryClient, orgId: string, memberId: number) {
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, (groups) =>
    groups ? groupsWithoutMember(groups, memberId) : groups,
  )
  for (const [key, group] of queryClient.getQueriesData<Group>({
    queryKey: [...groupQueries.all(orgId), 'detail'],
  })) {
    if (group) queryClient.setQueryData<Group>(key, withoutMember(group, memberId))
  }
}

/**
 * After Tallyfy withdrew an invitation: the member leaves the directory (its total and the filters'
 * counts follow), their page's cached read, and every cached group, so every screen agrees without a
 * reload. Journaled, so a directory load or refresh whose pages were read before the withdrawal
 * landed does not bring them back. Call it once Tallyfy has agreed (memberMutations.withdrawInvite
 * resolved): a row that vanished and came back after a refusal would be worse than a moment's wait.
 */
export function removeMember(queryClient: QueryClient, orgId: string, memberId: number) {
  const directoryKey = memberQueries.directory(orgId).queryKey
  journalMemberRemoval(queryClient, directoryKey, memberId).settle()
  updateDirectory(queryClient, orgId, memberId, (d) => removeDirectoryMember(d, memberId))
  // Their page, if open, reads them again and finds nobody (404); if not, it holds nothing stale.
  queryClient.removeQueries({ queryKey: memberQueries.detail(orgId, memberId).queryKey, exact: true })
  dropFromCachedGroups(queryClient, orgId, memberId)
}

/**
 * A role change of the signed-in person is a change of what they may do: GET /me's cached answer
 * follows, so admin-only controls disappear at once when they gave up the administrator role.
 */
export function syncMe(queryClient: QueryClient, orgId: string, memberId: number, role: WritableRole) {
  queryClient.setQueryData(meQueries.current(orgId).queryKey, (me) =>
    me && me.id === memberId ? { ...me, role, rawRole: role } : me,
  )
}

// ─── the lifecycle: removal, deletion, conversion to a guest, the default administrator ─────────

/** What the member owned changed hands: every cached reassignment read is out of date. */
function forgetReassignments(queryClient: QueryClient, orgId: string) {
  queryClient.removeQueries({ queryKey: [...memberQueries.all(orgId), 'reassignment'] })
}

/**
 * After Tallyfy removed a member (memberMutations.remove resolved): they stay listed, disabled, in
 * no group (tallyfy-api.md §13), in the directory, on their page and in every cached group; the
 * filters' counts follow. Tallyfy's answer, when it sent the member, is laid over the row.
 * Journaled, so a directory refresh whose pages were read before the removal keeps it.
 */
export function markRemoved(
  queryClient: QueryClient,
  orgId: string,
  memberId: number,
  answer: Member | null,
) {
  const patch: MemberPatch = { status: 'disabled', groups: [] }
  const update = (row: Member): Member =>
    answer && answer.id === memberId ? { ...mergeAnswer(row, answer), ...patch } : patchMember(row, patch)
  journalMemberWrite(queryClient, memberQueries.directory(orgId).queryKey, memberId, patch).settle()
  updateDirectory(queryClient, orgId, memberId, (d) => replaceRow(d, memberId, update))
  queryClient.setQueryData(memberQueries.detail(orgId, memberId).queryKey, (m) => (m ? update(m) : m))
  dropFromCachedGroups(queryClient, orgId, memberId)
  forgetReassignments(queryClient, orgId)
}

/**
 * After Tallyfy turned a member into a guest: they leave the directory, their page and every
 * group (removeMember), and join the guests list when it is loaded (with the guest as Tallyfy
 * answered; without an answer the list is read again when next shown).
 */
export function memberBecameGuest(
  queryClient: QueryClient,
  orgId: string,
  memberId: number,
  guest: Guest | null,
) {
  removeMember(queryClient, orgId, memberId)
  forgetReassignments(queryClient, orgId)
  if (!guest) {
    void queryClient.invalidateQueries({ queryKey: guestQueries.list(orgId).queryKey })
    return
  }
  queryClient.setQueryData(guestQueries.list(orgId).queryKey, (list) =>
    list ? withGuest(list, guest) : list,
  )
  queryClient.setQueryData(guestQueries.detail(orgId, guest.email).queryKey, guest)
}

/**
 * After a permanent deletion. Tallyfy may go on listing the record ("(Deleted)", a changed email,
 * §13), but it is nobody any more: Roster takes it out, as after a withdrawn invitation.
 */
export function memberDeleted(queryClient: QueryClient, orgId: string, memberId: number) {
  removeMember(queryClient, orgId, memberId)
  forgetReassignments(queryClient, orgId)
}

/**
 * After Tallyfy made `newAdminId` the default administrator: they are marked so, and nobody else
 * is, in the directory and on every cached member page. Only the rows that change are replaced.
 */
export function defaultAdminMoved(queryClient: QueryClient, orgId: string, newAdminId: number) {
  const directoryKey = memberQueries.directory(orgId).queryKey
  const fix = (m: Member): Member =>
    m.isDefaultAdmin === (m.id === newAdminId) ? m : { ...m, isDefaultAdmin: m.id === newAdminId }
  const directory = queryClient.getQueryData(directoryKey)
  for (const m of directory?.members ?? []) {
    if (fix(m) !== m)
      journalMemberWrite(queryClient, directoryKey, m.id, { isDefaultAdmin: m.id === newAdminId }).settle()
  }
  updateDirectory(queryClient, orgId, newAdminId, (d) => {
    let changed = false
    const members = d.members.map((m) => {
      const next = fix(m)
      if (next !== m) changed = true
      return next
    })
    return changed ? { ...d, members } : d
  })
  for (const [key, member] of queryClient.getQueriesData<Member>({
    queryKey: [...memberQueries.all(orgId), 'detail'],
  })) {
    if (member && fix(member) !== member) queryClient.setQueryData<Member>(key, fix(member))
  }
}
