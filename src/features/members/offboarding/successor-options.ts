// Who can take over a leaver's work, in the order the "Reassign to" combobox offers them: active
// members only (Tallyfy refuses anyone else as `to`), never the leaver; people who share a group
// with the leaver first (they most likely know the work), then everyone else, each part by name.
import type { Member } from '../../../api/types'
import { matchesAllTerms, normalize, splitTerms } from '../../../lib/text'

export interface SuccessorOption {
  member: Member
  /** The leaver's groups this person is also in, by name; empty when they share none. */
  sharedGroups: string[]
}

/** More would be a wall of names: typing narrows the list to anyone else. */
export const MAX_SUCCESSOR_OPTIONS = 20

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/**
 * The candidates matching `text` (every word, in the name or the email, accents and case ignored),
 * in the combobox's order, at most `limit`. The leaver's groups come from their own record; a
 * candidate's from the directory's.
 */
export function successorOptions(
  members: readonly Member[],
  leaver: Pick<Member, 'id' | 'groups'>,
  text: string,
  limit = MAX_SUCCESSOR_OPTIONS,
): SuccessorOption[] {
  const terms = splitTerms(text)
  const leaverGroups = new Map((leaver.groups ?? []).map((g) => [g.id, g.name]))
  const sharing: SuccessorOption[] = []
  const others: SuccessorOption[] = []
  for (const member of members) {
    if (member.status !== 'active' || member.id === leaver.id) continue
    if (
      terms.length > 0 &&
      !matchesAllTerms(normalize(`${member.fullName}\u0000${member.email ?? ''}`), terms)
    )
      continue
    const sharedGroups = (member.groups ?? []).filter((g) => leaverGroups.has(g.id)).map((g) => g.name)
    if (sharedGroups.length > 0) sharing.push({ member, sharedGroups })
    else others.push({ member, sharedGroups })
  }
  const order = (a: SuccessorOption, b: SuccessorOption) =>
    byName.compare(a.member.fullName, b.member.fullName) || a.member.id - b.member.id
  // oxlint-disable-next-line unicorn/no-array-sort -- lists built above
  sharing.sort(order)
  // oxlint-disable-next-line unicorn/no-array-sort -- lists built above
  others.sort(order)
  return [...sharing, ...others].slice(0, limit)
}
