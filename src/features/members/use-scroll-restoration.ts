// Back from a member returns to the same place in a list of thousands. The window's scroll position
// is saved per history entry (React Router's location.key) in sessionStorage when the list goes
// away or the page unloads, and restored on Back/Forward/reload once the rows are there.
import { useLayoutEffect, useRef, type RefObject } from 'react'
import { useLocation, useNavigationType } from 'react-router'

const storageKey = (locationKey: string) => `roster.scroll.${locationKey}`

function save(locationKey: string, y: number) {
  try {
    sessionStorage.setItem(storageKey(locationKey), String(Math.round(y)))
  } catch {
    // Storage full or blocked: losing the position is better than breaking the page.
  }
}

function load(locationKey: string): number | null {
  try {
    const value = Number(sessionStorage.getItem(storageKey(locationKey)))
    return Number.isFinite(value) && value > 0 ? value : null
  } catch {
    return null
  }
}

/**
 * `ready` turns true when the list has its rows (the page is tall enough to scroll back into).
 * `headingRef` is focused without scrolling after a restore: the shell focuses the page heading
 * after navigation, and focusing an element that already has focus does not scroll, so the
 * restored position survives that.
 */
export function useScrollRestoration(ready: boolean, headingRef: RefObject<HTMLElement | null>) {
  const { key } = useLocation()
  const navigationType = useNavigationType()
  const restored = useRef<string | null>(null)

  // The position as the last scroll event left it: reading window.scrollY when the entry changes (each
  // keystroke of a search replaces it) would make the browser lay the page out mid-commit.
  const scrollY = useRef(0)
  useLayoutEffect(() => {
    scrollY.current = window.scrollY
    const onScroll = () => {
      scrollY.current = window.scrollY
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => window.removeEventListener('scroll', onScroll)
  }, [])

  // Save while this entry is shown; the layout cleanup runs before the page is torn down, when the
  // position still belongs to the list.
  useLayoutEffect(() => {
    const onPageHide = () => save(key, window.scrollY)
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('pagehide', onPageHide)
      save(key, scrollY.current)
    }
  }, [key])

  useLayoutEffect(() => {
    if (!ready || restored.current === key) return
    restored.current = key
    // Only history moves restore; a fresh visit (a link, a new search) starts at the top.
    if (navigationType !== 'POP') return
    const y = load(key)
    if (y === null) return
    headingRef.current?.focus({ preventScroll: true })
    window.scrollTo({ top: y, behavior: 'instant' })
  }, [ready, key, navigationType, headingRef])
}
