// What "Go to" can open: pages, members, guests and groups, each made searchable once per data
// array (normalised texts for rankMatches), never per keystroke and not again on the next open:
// the entries are remembered per array (the query cache hands back the same one until it changes).
import type { Group, Guest, Member } from '../../api/types'
import { guestKey } from '../../lib/email'
import { paths } from '../../lib/paths'
import { toRankable, type RankableEntry } from '../../lib/rank-matches'
import type { ViewCatalog } from '../../components/views/views-menu'
import type { SavedView } from '../../lib/saved-views'

type PaletteKind = 'page' | 'member' | 'guest' | 'group' | 'view'

export interface PaletteTarget {
  key: string
  kind: PaletteKind
  label: string
  /** A second line: the email, or what the page is. */
  detail: string | null
  /** Where Enter goes; null for an action (Sign out). */
  to: string | null
  /** A view: opened with its columns on this device (components/views/open-view.ts). */
  view?: SavedView
}

export type PaletteEntry = RankableEntry<PaletteTarget>

const page = (label: string, to: string | null, detail: string): PaletteEntry =>
  toRankable({ key: `page:${label}`, kind: 'page', label, detail, to }, label, [label])

export const pageEntries: readonly PaletteEntry[] = [
  page('Overview', paths.overview(), 'Seats, sign-ins and loose ends at a glance'),
  page('Members', paths.members(), 'Every member of the organization'),
  page('Groups', paths.groups(), 'Groups and who is in them'),
  page('Guests', paths.guests(), 'People outside the organization'),
  page('Sign out', null, 'End this session on this device'),
]

/** Entries built once per source array; a new array (a refetch, another page) builds anew. */
function cachedPer<S extends object>(
  build: (source: S) => PaletteEntry[],
): (source: S) => readonly PaletteEntry[] {
  const cache = new WeakMap<S, readonly PaletteEntry[]>()
  return (source) => {
    let entries = cache.get(source)
    if (!entries) {
      entries = build(source)
      cache.set(source, entries)
    }
    return entries
  }
}

export const memberEntries = cachedPer((members: readonly Member[]) =>
  members.map((m) =>
    toRankable(
      { key: `member:${m.id}`, kind: 'member', label: m.fullName, detail: m.email, to: paths.member(m.id) },
      m.fullName,
      [m.fullName, m.email],
    ),
  ),
)

export const guestEntries = cachedPer((guests: readonly Guest[]) =>
  guests.map((g) => {
    const label = g.name ?? g.email
    return toRankable(
      {
        key: `guest:${guestKey(g.email)}`,
        kind: 'guest',
        label,
        detail: g.name ? g.email : g.company,
        to: paths.guest(g.email),
      },
      label,
      [g.name, g.email],
    )
  }),
)

export const groupEntries = cachedPer((groups: readonly Group[]) =>
  groups.map((g) =>
    toRankable(
      { key: `group:${g.id}`, kind: 'group', label: g.name, detail: null, to: paths.group(g.id) },
      g.name,
      [g.name],
    ),
  ),
)

const viewEntry = (catalog: ViewCatalog, view: SavedView, saved: boolean): PaletteEntry =>
  toRankable(
    {
      key: `view:${saved ? 'saved' : 'built-in'}:${view.list}:${view.name}`,
      kind: 'view',
      label: view.name,
      detail: saved ? `${catalog.listNames[view.list]}, saved on this device` : catalog.listNames[view.list],
      to: catalog.viewUrl(view),
      view,
    },
    view.name,
    [view.name],
  )

/** The built-in views of every list, found by name as the Views menus name them (one array per catalog). */
export const builtInViewEntries = cachedPer((catalog: ViewCatalog) =>
  catalog.builtInViews.map((view) => viewEntry(catalog, view, false)),
)

const savedEntries = new WeakMap<readonly SavedView[], readonly PaletteEntry[]>()

/** The organization's saved views on this device (lib/saved-views.ts hands back one array per stored text). */
export function savedViewEntries(catalog: ViewCatalog, views: readonly SavedView[]): readonly PaletteEntry[] {
  let entries = savedEntries.get(views)
  if (!entries) {
    entries = views.map((view) => viewEntry(catalog, view, true))
    savedEntries.set(views, entries)
  }
  return entries
}
