// The one URL-state hook behind every list in Roster (members, groups, a group's members, guests).
// The URL holds a list's view, so reload, Back, Forward and a shared link all show the same rows.
//
// One behaviour everywhere: the search box answers at once (its text is local state, so typing is
// never slowed by the router) and the URL follows in the same event, with `replace` so Back skips
// the keystrokes. React Router writes the browser's history synchronously and renders the new
// location in a transition, so the address bar already holds what is on screen before any click,
// reload or `pagehide` that could follow. Deliberate actions (sort, filter, clear all) push, so Back
// undoes them one at a time.
import { useMemo, useState } from 'react'
import { useLocation, useNavigationType, useSearchParams } from 'react-router'

/** Every list state has a search text; the rest (sort, filters) is the list's own. */
export interface ListUrlState {
  q: string
}

/** The two pure mappers between a list's URL and its state. Keep the object at module scope. */
export interface ListUrlCodec<S extends ListUrlState> {
  parse: (params: URLSearchParams) => S
  /** Defaults left out, keys in a fixed order, so equal states give equal URLs. */
  serialize: (state: S) => URLSearchParams
}

export interface ListUrl<S extends ListUrlState> {
  /** What to show: the URL's state, with the search box's current text as `q`. */
  state: S
  /** Typing: the box changes now, the URL follows with replace. */
  setQuery: (q: string) => void
  /** A deliberate change (sort, filter, clear): pushes a history entry unless `replace`. */
  update: (patch: Partial<S>, options?: { replace?: boolean }) => void
  /** "?q=…&sort=…" for the current view, for links that come back here (back links, exports). */
  search: string
}

export function useListUrl<S extends ListUrlState>(codec: ListUrlCodec<S>): ListUrl<S> {
  const [searchParams, setSearchParams] = useSearchParams()
  const urlState = useMemo(() => codec.parse(searchParams), [codec, searchParams])
  const urlKey = useMemo(() => codec.serialize(urlState).toString(), [codec, urlState])

  const [draft, setDraft] = useState(urlState.q)
  // A deliberate change (sort, filter) shows at once too: the router renders the new location in a
  // transition, which yields to the browser and would put a frame or two between the click and the
  // re-sorted rows. Until the router catches up, the state this hook wrote is shown instead.
  const [override, setOverride] = useState<S | null>(null)
  // URLs this hook wrote that the router has not rendered yet, oldest first. The router renders in
  // a transition, possibly after the next keystroke, so a location carrying one of our own older
  // writes must not overwrite the box; any other change (Back, a link to the bare list) does.
  const [unacknowledged, setUnacknowledged] = useState<readonly string[]>([])
  // Each navigation has its own key, also one that lands on the URL already shown (two quick writes
  // that end where they started), so that is what tells a new location, not the search string.
  const { key: locationKey } = useLocation()
  const navigationType = useNavigationType()
  const [seenLocationKey, setSeenLocationKey] = useState(locationKey)

  let q = draft
  let shown = override
  // Adjusting state while rendering (not in an effect), so the box and the rows never disagree.
  if (locationKey !== seenLocationKey) {
    setSeenLocationKey(locationKey)
    // Back and Forward are never ours, whatever URL they land on.
    const ours = navigationType === 'POP' ? -1 : unacknowledged.lastIndexOf(urlKey)
    if (ours >= 0) {
      const rest = unacknowledged.slice(ours + 1)
      setUnacknowledged(rest)
      // The newest write has landed: the URL holds what the override showed.
      if (rest.length === 0 && shown) {
        shown = null
        setOverride(null)
      }
    } else {
      if (unacknowledged.length > 0) setUnacknowledged([])
      if (draft !== urlState.q) setDraft(urlState.q)
      q = urlState.q
      if (shown) {
        shown = null
        setOverride(null)
      }
    }
  }

  const base = shown ?? urlState
  const state = useMemo<S>(() => ({ ...base, q }), [base, q])
  const search = useMemo(() => {
    const query = codec.serialize(state).toString()
    return query ? `?${query}` : ''
  }, [codec, state])

  const write = (next: S, replace: boolean): URLSearchParams => {
    const params = codec.serialize(next)
    setUnacknowledged((pending) => [...pending, params.toString()])
    setSearchParams(params, { replace, preventScrollReset: true })
    return params
  }

  return {
    state,
    search,
    setQuery: (value) => {
      setDraft(value)
      write({ ...state, q: value }, true)
    },
    update: (patch, options) => {
      const next = { ...state, ...patch }
      if (patch.q !== undefined) setDraft(patch.q)
      const params = write(next, options?.replace ?? false)
      const { q: _q, ...rest } = patch
      // Only what the router renders late needs holding; the search text has its own draft. Held as
      // the URL will parse, so the router's own parse later hands the table the same sort array.
      if (Object.keys(rest).length > 0) setOverride({ ...codec.parse(params), q: next.q })
    },
  }
}
