// A view is a name for a list's URL: the list (members, groups, guests) and its search params. The
// built-in views are the overview's links (overview-links.ts), so a view and the figure it answers
// open the very same list; saved views (saved-views.ts) are what a person named on this device.
import { memberListCodec } from './list-state'
import { groupListCodec, guestListCodec } from './list-filters'
import { overviewLinks } from './overview-links'
import { paths } from './paths'

export const viewLists = ['members', 'groups', 'guests'] as const
export type ViewList = (typeof viewLists)[number]

export function isViewList(value: unknown): value is ViewList {
  return typeof value === 'string' && (viewLists as readonly string[]).includes(value)
}

export interface ViewTarget {
  list: ViewList
  name: string
  /** The list's search params: '' or '?…'. */
  search: string
}

export type BuiltInViewId =
  | 'administrators'
  | 'stale-invitations'
  | 'never-signed-in'
  | 'inactive-90'
  | 'guests-in-no-group'
  | 'disabled-guests'
  | 'empty-groups'

export interface BuiltInView extends ViewTarget {
  id: BuiltInViewId
}

function searchOf(url: string): string {
  const at = url.indexOf('?')
  return at < 0 ? '' : url.slice(at)
}

const builtIn = (id: BuiltInViewId, list: ViewList, name: string, url: string): BuiltInView => ({
  id,
  list,
  name,
  search: searchOf(url),
})

/** In menu order, per list. */
export const builtInViews: readonly BuiltInView[] = [
  builtIn('administrators', 'members', 'Administrators', overviewLinks.administrators()),
  builtIn('stale-invitations', 'members', 'Invitations over 14 days', overviewLinks.staleInvitations()),
  builtIn('never-signed-in', 'members', 'Never signed in', overviewLinks.neverSignedIn()),
  builtIn('inactive-90', 'members', 'Inactive 90 days', overviewLinks.inactive(90)),
  builtIn('guests-in-no-group', 'guests', 'Guests in no group', overviewLinks.guestsInNoGroup()),
  builtIn('disabled-guests', 'guests', 'Disabled guests', overviewLinks.disabledGuests()),
  builtIn('empty-groups', 'groups', 'Empty groups', overviewLinks.emptyGroups()),
]

export function builtInViewsOf(list: ViewList): readonly BuiltInView[] {
  return builtInViews.filter((view) => view.list === list)
}

const listPaths: Record<ViewList, () => string> = {
  members: () => paths.members(),
  groups: () => paths.groups(),
  guests: () => paths.guests(),
}

/** Where a view opens: its list's path and search. */
export function viewUrl(view: Pick<ViewTarget, 'list' | 'search'>): string {
  return listPaths[view.list]() + view.search
}

export const listNames: Record<ViewList, string> = {
  members: 'Members',
  groups: 'Groups',
  guests: 'Guests',
}

const codecs = { members: memberListCodec, groups: groupListCodec, guests: guestListCodec }

/**
 * The search a list reads from a URL's, written as the list writes it: only the parameters its codec
 * knows (nothing else of the address is ever kept), unknown values and defaults left out. Two
 * searches that show the same view give the same string.
 */
export function canonicalSearch(list: ViewList, search: string): string {
  const codec = codecs[list] as {
    parse: (params: URLSearchParams) => object
    serialize: (state: never) => URLSearchParams
  }
  const query = codec.serialize(codec.parse(new URLSearchParams(search)) as never).toString()
  return query ? `?${query}` : ''
}

/** The same name, as a person reads it: spaces at the ends and runs of spaces aside, any case. */
export function viewNameKey(name: string): string {
  return normalizeViewName(name).toLocaleLowerCase()
}

/** The name as stored and shown: trimmed, each run of whitespace one space. */
export function normalizeViewName(name: string): string {
  return name.trim().replace(/\s+/g, ' ')
}
