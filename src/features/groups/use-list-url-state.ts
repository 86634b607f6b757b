import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'

interface ListUrlStateOptions<S> {
  parseSort: (param: string | null) => S
  formatSort: (sort: S) => string | null
}

/**
 * Search text and sort of a list, kept in the URL (`?q=`, `?sort=`) so a list can be shared,
 * reloaded and returned to with Back.
 *
 * The input shows a local draft that updates on every keystroke; the URL follows with `replace`
 * (typing is not a history step). Router updates land in a transition, possibly after the next
 * keystroke, so a URL value we wrote ourselves must not overwrite the draft; any other change
 * (Back, Forward, a nav link to the bare list) does.
 */
export function useListUrlState<S>({ parseSort, formatSort }: ListUrlStateOptions<S>) {
  const [searchParams, setSearchParams] = useSearchParams()
  const urlQuery = searchParams.get('q') ?? ''
  const sortParam = searchParams.get('sort')
  // One parsed value per URL value: tables treat a new sort object as a reason to re-sort every row.
  // parseSort must be stable (module scope).
  const sort = useMemo(() => parseSort(sortParam), [parseSort, sortParam])

  const [draft, setDraft] = useState(urlQuery)
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery)
  // URL values this hook wrote since the last outside change.
  const [written, setWritten] = useState<ReadonlySet<string>>(() => new Set())

  // Adjusting state while rendering (not in an effect) so the input never shows a stale value.
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery)
    if (!written.has(urlQuery)) {
      setWritten(new Set())
      setDraft(urlQuery)
    }
  }

  const setQuery = (value: string) => {
    setDraft(value)
    const stored = value.trim() === '' ? '' : value
    setWritten((prev) => new Set(prev).add(stored))
    setSearchParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        if (stored === '') next.delete('q')
        else next.set('q', stored)
        return next
      },
      { replace: true, preventScrollReset: true },
    )
  }

  // A sort click is a deliberate step, so it gets its own history entry.
  const setSort = (next: S) => {
    setSearchParams(
      (prev) => {
        const params = new URLSearchParams(prev)
        const value = formatSort(next)
        if (value === null) params.delete('sort')
        else params.set('sort', value)
        return params
      },
      { preventScrollReset: true },
    )
  }

  return { query: draft, setQuery, sort, setSort }
}
