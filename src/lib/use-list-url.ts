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
import { useSearchParams } from 'react-router'

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

  const [draft, setDraft] = useState(urlState.q)
  const [seenUrlQ, setSeenUrlQ] = useState(urlState.q)
  // Search texts this hook wrote that the router has not rendered yet, oldest first. The router
  // renders in a transition, possibly after the next keystroke, so a location carrying one of our
  // own older texts must not overwrite the box; any other change (Back, a link to the bare list) does.
  const [unacknowledged, setUnacknowledged] = useState<readonly string[]>([])

  let q = draft
  // Adjusting state while rendering (not in an effect), so the box and the rows never disagree.
  if (urlState.q !== seenUrlQ) {
    setSeenUrlQ(urlState.q)
    const ours = unacknowledged.indexOf(urlState.q)
    if (ours >= 0) {
      setUnacknowledged(unacknowledged.slice(ours + 1))
    } else {
      setUnacknowledged([])
      setDraft(urlState.q)
      q = urlState.q
    }
  }

  const state = useMemo<S>(() => ({ ...urlState, q }), [urlState, q])
  const search = useMemo(() => {
    const query = codec.serialize(state).toString()
    return query ? `?${query}` : ''
  }, [codec, state])

  const write = (next: S, replace: boolean) => {
    if (next.q !== urlState.q) setUnacknowledged((pending) => [...pending, next.q])
    setSearchParams(codec.serialize(next), { replace, preventScrollReset: true })
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
      write(next, options?.replace ?? false)
    },
  }
}
