// Search and filters over the whole directory, in the browser. The normalised text of every member
// is built once per directory (buildSearchIndex) and laid out in display order once per sort
// (createMemberSearch); a keystroke is then one plain loop over strings, over the previous matches
// when the query only grew, which also counts each role and status for the filter options.
import type { Member, MemberStatus, Role } from '../../api/types'
import { matchesAllTerms, normalize } from '../../lib/text'
import type { RoleFilter, StatusFilter } from '../../lib/list-state'
import { writableRoles } from '../../lib/roles'

/** Separates the fields, so a term never matches across the end of a name and the start of an email. */
const FIELD_SEPARATOR = '\u0000'

const roleCodes: readonly Role[] = [...writableRoles, 'unknown']
const statusCodes: readonly MemberStatus[] = ['active', 'invited', 'disabled', 'unknown']

/** What a search reads of each member, aligned with `members` by index, built once per directory. */
interface SearchIndex {
  /** The normalised "name<sep>email". */
  text: readonly string[]
  /** Role and status as small integers (positions in roleCodes and statusCodes): counting them per key is a typed-array walk. */
  role: Uint8Array
  status: Uint8Array
}

export function buildSearchIndex(members: readonly Member[]): SearchIndex {
  return extendSearchIndex(null, members)
}

/** The index of `members`, reusing `from` for its first `from.text.length` members (already checked to be the same). */
function extendSearchIndex(from: SearchIndex | null, members: readonly Member[]): SearchIndex {
  const n = members.length
  const start = from?.text.length ?? 0
  const text = from ? from.text.slice() : []
  const role = new Uint8Array(n)
  const status = new Uint8Array(n)
  if (from) {
    role.set(from.role)
    status.set(from.status)
  }
  for (let i = start; i < n; i++) {
    const member = members[i]!
    text.push(normalize(`${member.fullName}${FIELD_SEPARATOR}${member.email ?? ''}`))
    role[i] = Math.max(0, roleCodes.indexOf(member.role))
    status[i] = Math.max(0, statusCodes.indexOf(member.status))
  }
  return { text, role, status }
}

// Indexes live as long as their members array (sign-out and an organization change drop the cache,
// and with it every array and its index); the last array indexed is only weakly remembered, to extend.
const indexes = new WeakMap<readonly Member[], SearchIndex>()
let lastIndexed: WeakRef<readonly Member[]> | null = null

/**
 * buildSearchIndex, for a directory that grows page by page: when `members` begins with the very
 * members (the same objects) that the last call indexed, only the new ones are normalised. A write
 * that replaced any member (a role change) fails that check and the index is built anew.
 */
export function searchIndexFor(members: readonly Member[]): SearchIndex {
  const known = indexes.get(members)
  if (known) return known
  const previous = lastIndexed?.deref()
  const previousIndex = previous ? indexes.get(previous) : undefined
  const index =
    previous && previousIndex && members.length >= previous.length && startsWith(members, previous)
      ? extendSearchIndex(previousIndex, members)
      : buildSearchIndex(members)
  indexes.set(members, index)
  lastIndexed = new WeakRef(members)
  return index
}

function startsWith(members: readonly Member[], prefix: readonly Member[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (members[i] !== prefix[i]) return false
  return true
}

export interface MemberFilter {
  terms: readonly string[]
  role: RoleFilter | null
  status: StatusFilter | null
  /** The overview's filters (sign-in, invitation age, seat, join month), already applied: 1 for each member, by position in the indexed array, that they keep; null keeps everyone. */
  keep?: Uint8Array | null
}

interface FilteredMembers<R> {
  rows: readonly R[]
  /** Matches per role with the search and the status filter applied (what picking that role would show). */
  roleCounts: Record<Role, number>
  /** Matches per status with the search and the role filter applied. */
  statusCounts: Record<MemberStatus, number>
}

function countsOf<K extends string>(codes: readonly K[], counts: Int32Array): Record<K, number> {
  return Object.fromEntries(codes.map((code, i) => [code, counts[i]!])) as Record<K, number>
}

/** True when every match of `after` is also a match of `before`: each old term lies inside a new one. */
export function narrows(before: readonly string[], after: readonly string[]): boolean {
  return before.every((old) => after.some((term) => term.includes(old)))
}

interface MemberSearch<R> {
  filter: (filter: MemberFilter) => FilteredMembers<R>
}

/**
 * A search over rows already in display order, built once per order (each sort, each directory
 * version). A keystroke walks plain arrays, not row objects: the rows' positions in the array the
 * search index was built from are read once here. Typing forward ("an" → "ann") only walks the
 * previous matches, since a longer term can only match fewer members; a key that changes nothing
 * costs nothing. `indexOf(row)` gives the row's position in the array the search index was built from.
 */
export function createMemberSearch<R>(
  rows: readonly R[],
  indexOf: (row: R) => number,
  index: SearchIndex,
): MemberSearch<R> {
  const n = rows.length
  // Per display position, the member's position in the index: the one pass over row objects.
  const order = new Int32Array(n)
  for (let p = 0; p < n; p++) order[p] = indexOf(rows[p]!)
  const { text, role: roles, status: statuses } = index
  // The last search's terms and the display positions that matched them (null: everyone).
  let lastTerms: readonly string[] = []
  let lastMatches: Int32Array | null = null

  const matchesOf = (terms: readonly string[]): Int32Array | null => {
    if (terms.length === 0) return null
    if (lastTerms.length === terms.length && lastTerms.every((t, i) => t === terms[i])) return lastMatches
    const from = lastTerms.length > 0 && lastMatches && narrows(lastTerms, terms) ? lastMatches : null
    const size = from ? from.length : n
    const found = new Int32Array(size)
    let count = 0
    for (let k = 0; k < size; k++) {
      const p = from ? from[k]! : k
      if (matchesAllTerms(text[order[p]!] ?? '', terms)) found[count++] = p
    }
    lastTerms = terms
    lastMatches = found.subarray(0, count)
    return lastMatches
  }

  return {
    filter: ({ terms, role, status, keep }) => {
      const matches = matchesOf(terms)
      // Nothing filtered out: the rows as they are, only counted.
      const all = matches === null && role === null && status === null && !keep
      const wantRole = role === null ? -1 : roleCodes.indexOf(role)
      const wantStatus = status === null ? -1 : statusCodes.indexOf(status)
      const roleCounts = new Int32Array(roleCodes.length)
      const statusCounts = new Int32Array(statusCodes.length)
      const kept: R[] = []
      const size = matches ? matches.length : n
      for (let k = 0; k < size; k++) {
        const p = matches ? matches[k]! : k
        const i = order[p]!
        if (keep && !keep[i]) continue
        const r = roles[i]!
        const st = statuses[i]!
        const roleOk = wantRole < 0 || r === wantRole
        const statusOk = wantStatus < 0 || st === wantStatus
        if (statusOk) roleCounts[r]!++
        if (roleOk) statusCounts[st]!++
        if (!all && roleOk && statusOk) kept.push(rows[p]!)
      }
      return {
        rows: all ? rows : kept,
        roleCounts: countsOf(roleCodes, roleCounts),
        statusCounts: countsOf(statusCodes, statusCounts),
      }
    },
  }
}
