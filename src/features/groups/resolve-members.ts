import type { Member } from '../../api/types'
import { canonicalMemberId } from '../../lib/member-id'

/** One line of a group's member table: a directory record, or an ID the directory does not know. */
export type GroupMemberEntry =
  { kind: 'member'; id: string; member: Member } | { kind: 'unknown'; id: string }

interface ResolvedGroupMembers {
  entries: GroupMemberEntry[]
  /**
   * IDs not found yet while the directory is still filling. They are not called unknown until the
   * last page has arrived: the member may simply be on a page that has not loaded.
   */
  pending: number
}

/** Built once per directory snapshot, so resolving a group is a lookup per ID, not a scan. */
export function indexMembers(members: readonly Member[]): Map<string, Member> {
  const index = new Map<string, Member>()
  for (const member of members) index.set(canonicalMemberId(member.id), member)
  return index
}

/**
 * A group's member IDs, in the group's order, each exactly once. An ID the complete directory does
 * not contain is kept as "unknown" (removed members linger in groups) rather than silently dropped,
 * so the counts on the page always add up to what Tallyfy reports.
 */
export function resolveGroupMembers(
  memberIds: readonly string[],
  index: ReadonlyMap<string, Member>,
  directoryComplete: boolean,
): ResolvedGroupMembers {
  const seen = new Set<string>()
  const entries: GroupMemberEntry[] = []
  let pending = 0
  for (const raw of memberIds) {
    const id = canonicalMemberId(raw)
    if (id === '' || seen.has(id)) continue
    seen.add(id)
    const member = index.get(id)
    if (member) entries.push({ kind: 'member', id, member })
    else if (directoryComplete) entries.push({ kind: 'unknown', id })
    else pending++
  }
  return { entries, pending }
}

/** The distinct, non-empty member IDs of a group: what "12 members" counts. */
export function distinctMemberCount(memberIds: readonly string[]): number {
  const ids = new Set<string>()
  for (const raw of memberIds) {
    const id = canonicalMemberId(raw)
    if (id !== '') ids.add(id)
  }
  return ids.size
}
