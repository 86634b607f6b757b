// The member list's state, read from and written to the URL. The search box is the one control
// that does not write the URL at once: its text lives in local state (so typing is never slowed by
// navigation) and reaches the URL after a short pause, with `replace` so Back skips the keystrokes.
// Deliberate actions (sort, filter, clear) push, so Back undoes them one at a time.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import {
  parseListState,
  serializeListState,
  type ListState,
  type RoleFilter,
  type SortEntry,
  type StatusFilter,
} from '../../lib/list-state'

export const URL_DEBOUNCE_MS = 250

/** React Router's index of the current history entry, to notice Back/Forward before a timer fires. */
function historyIndex(): unknown {
  const state: unknown = window.history.state
  return typeof state === 'object' && state !== null && 'idx' in state ? state.idx : null
}

export interface MemberListUrl {
  /** The state to show: the URL's, with the search box's current text as `q`. */
  state: ListState
  setQuery: (q: string) => void
  clearQuery: () => void
  setSort: (sort: SortEntry[]) => void
  setRole: (role: RoleFilter | null) => void
  setStatus: (status: StatusFilter | null) => void
  clearFilters: () => void
  /** "?q=…&sort=…" for the current view (including unsaved typing), for links that come back here. */
  search: string
}

export function useMemberListUrl(): MemberListUrl {
  const [searchParams, setSearchParams] = useSearchParams()
  const urlState = useMemo(() => parseListState(searchParams), [searchParams])

  const [draft, setDraft] = useState(urlState.q)
  // When the URL's q changes from outside (Back, Forward, a link), the box follows it. Adjusting
  // state during render, not in an effect, so the box and the table never disagree for a frame.
  const [seenUrlQ, setSeenUrlQ] = useState(urlState.q)
  if (urlState.q !== seenUrlQ) {
    setSeenUrlQ(urlState.q)
    setDraft(urlState.q)
  }

  const timer = useRef<number | undefined>(undefined)
  const cancelPending = () => {
    window.clearTimeout(timer.current)
    timer.current = undefined
  }
  // A timer is not data: clearing it on unmount keeps a late write from landing on another page.
  useEffect(() => {
    const pending = timer
    return () => window.clearTimeout(pending.current)
  }, [])

  const state: ListState = { ...urlState, q: draft }

  const write = (next: ListState, replace: boolean) => {
    cancelPending()
    setSearchParams(serializeListState(next), { replace, preventScrollReset: true })
  }

  return {
    state,
    search: (() => {
      const query = serializeListState(state).toString()
      return query ? `?${query}` : ''
    })(),
    setQuery: (q) => {
      setDraft(q)
      cancelPending()
      const scheduledAt = historyIndex()
      timer.current = window.setTimeout(() => {
        timer.current = undefined
        // The person went Back or Forward meanwhile: that entry is not ours to rewrite.
        if (historyIndex() !== scheduledAt) return
        setSearchParams((current) => serializeListState({ ...parseListState(current), q }), {
          replace: true,
          preventScrollReset: true,
        })
      }, URL_DEBOUNCE_MS)
    },
    clearQuery: () => {
      setDraft('')
      write({ ...state, q: '' }, true)
    },
    setSort: (sort) => write({ ...state, sort }, false),
    setRole: (role) => write({ ...state, role }, false),
    setStatus: (status) => write({ ...state, status }, false),
    clearFilters: () => {
      setDraft('')
      write({ ...state, q: '', role: null, status: null }, false)
    },
  }
}
