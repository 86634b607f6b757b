// What "Go to" can open: pages, members, guests and groups, each made searchable once per data
// change (normalised texts for rankMatches), never per keystroke.
import type { Group, Guest, Member } from '../../api/types'
import { paths } from '../../lib/paths'
import { toRankable, type RankableEntry } from '../../lib/rank-matches'

export type PaletteKind = 'page' | 'member' | 'guest' | 'group'

export interface PaletteTarget {
  key: string
  kind: PaletteKind
  label: string
  /** A second line: the email, or what the page is. */
  detail: string | null
  /** Where Enter goes; null for an action (Sign out). */
  to: string | null
}

export type PaletteEntry = RankableEntry<PaletteTarget>

const page = (label: string, to: string | null, detail: string): PaletteEntry =>
  toRankable({ key: `page:${label}`, kind: 'page', label, detail, to }, label, [label])

export const SIGN_OUT_KEY = 'page:Sign out'

export const pageEntries: readonly PaletteEntry[] = [
  page('Members', paths.members(), 'Every member of the organization'),
  page('Groups', paths.groups(), 'Groups and who is in them'),
  page('Guests', paths.guests(), 'People outside the organization'),
  page('Sign out', null, 'End this session on this device'),
]

export function memberEntries(members: readonly Member[]): PaletteEntry[] {
  return members.map((m) =>
    toRankable(
      { key: `member:${m.id}`, kind: 'member', label: m.fullName, detail: m.email, to: paths.member(m.id) },
      m.fullName,
      [m.fullName, m.email],
    ),
  )
}

export function guestEntries(guests: readonly Guest[]): PaletteEntry[] {
  return guests.map((g) => {
    const label = g.name ?? g.email
    return toRankable(
      {
        key: `guest:${g.email.toLowerCase()}`,
        kind: 'guest',
        label,
        detail: g.name ? g.email : g.company,
        to: paths.guest(g.email),
      },
      label,
      [g.name, g.email],
    )
  })
}

export function groupEntries(groups: readonly Group[]): PaletteEntry[] {
  return groups.map((g) =>
    toRankable(
      { key: `group:${g.id}`, kind: 'group', label: g.name, detail: null, to: paths.group(g.id) },
      g.name,
      [g.name],
    ),
  )
}
