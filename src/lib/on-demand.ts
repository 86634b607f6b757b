import { useEffect, useState } from 'react'

/**
 * Code that only runs when something goes wrong (the views and words of a failure), kept out of
 * the first download. `preload()` fetches it ahead of need (once the first page is on screen, so
 * it is there when a failure comes, offline included); `useModule()` returns it at once when it is
 * here, null while it is being fetched, and 'failed' when the fetch failed.
 *
 * Not React.lazy: a lazy component throws a failed download to the nearest error boundary, and a
 * view that shows a failure must never fail itself. The next component that asks tries again.
 */
export function onDemand<M>(load: () => Promise<M>) {
  let loaded: M | null = null
  let loading: Promise<M> | null = null

  const preload = (): Promise<M> =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        loading = null
        throw error
      },
    ))

  function useModule(): M | null | 'failed' {
    const [state, setState] = useState<M | null | 'failed'>(loaded)
    const missing = state === null && loaded === null
    // Loading code, not data: the effect only runs while the module is not here yet.
    useEffect(() => {
      if (!missing) return
      let current = true
      preload().then(
        (module) => current && setState(module),
        () => current && setState('failed'),
      )
      return () => {
        current = false
      }
    }, [missing])
    return state ?? loaded
  }

  return { preload, useModule }
}
