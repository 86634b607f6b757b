// Saved views: names a person gave to a list's URL, kept on this device per organization in
// localStorage (`roster.views.<orgId>` → [{ list, name, search, hidden? }]). Only the list, the
// name, the list's own URL parameters and column IDs are stored: never a token, never a record
// (a name or email of the organization's people) beyond what the person typed in the search box.
// Whatever else is found under the key (another version's shape, a hand edit) is skipped entry by
// entry, so one bad entry never costs the others.
import {
  builtInViews,
  canonicalSearch,
  isViewList,
  normalizeViewName,
  viewNameKey,
  type ViewList,
  type ViewTarget,
} from './views'

export interface SavedView extends ViewTarget {
  /**
   * The columns hidden in the list's table when the view was saved (lists with a Columns menu:
   * /members). Column choice is a device setting, not a URL parameter, so these apply when the view
   * is opened from the menu or the palette on this device; its URL opened elsewhere shows that
   * device's own columns.
   */
  hidden?: readonly string[]
}

export const MAX_VIEW_NAME = 60
/** More than anyone keeps by hand; a bound on what one key may grow to. */
export const MAX_SAVED_VIEWS = 100
const MAX_SEARCH = 2000
const columnId = /^[a-z][a-z0-9_]{0,39}$/

export function viewsStorageKey(orgId: string): string {
  return `roster.views.${orgId}`
}

function toSavedView(value: unknown): SavedView | null {
  if (typeof value !== 'object' || value === null) return null
  const { list, name, search, hidden } = value as Record<string, unknown>
  if (!isViewList(list) || typeof name !== 'string' || typeof search !== 'string') return null
  const cleanName = normalizeViewName(name)
  if (cleanName === '' || cleanName.length > MAX_VIEW_NAME || search.length > MAX_SEARCH) return null
  if (search !== '' && !search.startsWith('?')) return null
  const view: SavedView = { list, name: cleanName, search: canonicalSearch(list, search) }
  if (Array.isArray(hidden)) {
    view.hidden = hidden.filter((id): id is string => typeof id === 'string' && columnId.test(id))
  }
  return view
}

/** Entries with the same list and name: the first one wins. */
function sameView(a: Pick<ViewTarget, 'list' | 'name'>, b: Pick<ViewTarget, 'list' | 'name'>) {
  return a.list === b.list && viewNameKey(a.name) === viewNameKey(b.name)
}

function parseSavedViews(raw: string | null): readonly SavedView[] {
  if (raw === null) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  const views: SavedView[] = []
  for (const entry of parsed.slice(0, MAX_SAVED_VIEWS)) {
    const view = toSavedView(entry)
    if (view && !views.some((other) => sameView(other, view))) views.push(view)
  }
  return views
}

function readRaw(orgId: string): string | null {
  try {
    return window.localStorage.getItem(viewsStorageKey(orgId))
  } catch {
    return null
  }
}

// The last read per organization, so the same stored text gives the same array
// (useSyncExternalStore compares snapshots by identity).
const lastRead = new Map<string, { raw: string | null; views: readonly SavedView[] }>()

/** Every saved view of the organization on this device, in the order they were saved. */
export function readSavedViews(orgId: string): readonly SavedView[] {
  const raw = readRaw(orgId)
  const last = lastRead.get(orgId)
  if (last && last.raw === raw) return last.views
  const views = parseSavedViews(raw)
  lastRead.set(orgId, { raw, views })
  return views
}

const listeners = new Set<() => void>()

/** Calls `listener` when this tab or another one changes the saved views. */
export function subscribeSavedViews(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('storage', onStorage)
  }
}

function onStorage(event: StorageEvent) {
  if (event.key === null || event.key.startsWith('roster.views.')) notify()
}

function notify() {
  // A copy: a listener may unsubscribe while being told.
  for (const listener of Array.from(listeners)) listener()
}

function write(orgId: string, views: readonly SavedView[]): boolean {
  try {
    const key = viewsStorageKey(orgId)
    if (views.length === 0) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, JSON.stringify(views))
  } catch {
    return false
  }
  notify()
  return true
}

export type SaveViewRefusal = 'empty' | 'too-long' | 'built-in' | 'exists' | 'too-many' | 'storage'
export type SaveViewResult =
  { ok: true; view: SavedView; replaced: boolean } | { ok: false; reason: SaveViewRefusal }

/**
 * Saves a view under its name for the organization. A name already saved for the list is refused
 * with `exists` unless `replace` (the person confirmed); a built-in view's name always is.
 */
export function saveView(orgId: string, input: SavedView, { replace = false } = {}): SaveViewResult {
  const name = normalizeViewName(input.name)
  if (name === '') return { ok: false, reason: 'empty' }
  if (name.length > MAX_VIEW_NAME) return { ok: false, reason: 'too-long' }
  const view: SavedView = { list: input.list, name, search: canonicalSearch(input.list, input.search) }
  if (input.hidden) view.hidden = input.hidden.filter((id) => columnId.test(id))
  if (builtInViews.some((builtIn) => sameView(builtIn, view))) return { ok: false, reason: 'built-in' }

  const views = readSavedViews(orgId)
  const existing = views.findIndex((other) => sameView(other, view))
  if (existing >= 0 && !replace) return { ok: false, reason: 'exists' }
  if (existing < 0 && views.length >= MAX_SAVED_VIEWS) return { ok: false, reason: 'too-many' }
  // A replaced view keeps its place in the menu.
  const next = existing >= 0 ? views.map((v, i) => (i === existing ? view : v)) : [...views, view]
  if (!write(orgId, next)) return { ok: false, reason: 'storage' }
  return { ok: true, view, replaced: existing >= 0 }
}

/** Whether a view of that name is saved for the list. */
export function findSavedView(orgId: string, list: ViewList, name: string): SavedView | null {
  return readSavedViews(orgId).find((view) => sameView(view, { list, name })) ?? null
}

/** Deletes the list's view of that name; the deleted view (for Undo), or null if there was none. */
export function deleteView(orgId: string, list: ViewList, name: string): SavedView | null {
  const views = readSavedViews(orgId)
  const deleted = views.find((view) => sameView(view, { list, name }))
  if (!deleted) return null
  return write(
    orgId,
    views.filter((view) => view !== deleted),
  )
    ? deleted
    : null
}

/** Words for a refusal, shown under the "View name" field. */
export function saveViewMessage(reason: SaveViewRefusal, name: string): string {
  const shown = normalizeViewName(name)
  switch (reason) {
    case 'empty':
      return 'Enter a name for the view.'
    case 'too-long':
      return `Use at most ${MAX_VIEW_NAME} characters.`
    case 'built-in':
      return `“${shown}” is a built-in view. Choose another name.`
    case 'exists':
      return `A view named “${shown}” already exists. Save again to replace it.`
    case 'too-many':
      return `You can keep at most ${MAX_SAVED_VIEWS} views. Delete one first.`
    case 'storage':
      return 'This browser did not let Roster store the view (private browsing or full storage).'
  }
}
