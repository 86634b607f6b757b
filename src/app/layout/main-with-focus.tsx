import { Suspense, useEffect, useRef } from 'react'
import { Outlet, useLocation } from 'react-router'
import { LoadingState } from '../../components/states'
import { RouteErrorBoundary } from '../route-error'

/**
 * After a client-side navigation to another page, focus goes to the new page's <h1> so screen-reader
 * and keyboard users start at the content. Not on first load, and not when only the search params
 * change (typing in a search box must keep focus).
 */
export function MainWithFocus() {
  const { pathname } = useLocation()
  const mainRef = useRef<HTMLElement>(null)
  const lastPathname = useRef(pathname)

  useEffect(() => {
    if (lastPathname.current === pathname) return
    lastPathname.current = pathname
    const main = mainRef.current
    if (!main) return
    const focusHeading = (h1: HTMLElement) => {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1')
      h1.focus({ preventScroll: false })
    }
    const h1 = main.querySelector<HTMLElement>('h1')
    if (h1) {
      focusHeading(h1)
      return
    }
    // The page is still loading: hold focus on main and move to the heading when it appears, unless
    // the person has moved focus themselves in the meantime.
    main.focus()
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>('h1')
      if (!late) return
      observer.disconnect()
      if (document.activeElement === main) focusHeading(late)
    })
    observer.observe(main, { childList: true, subtree: true })
    const timeout = window.setTimeout(() => observer.disconnect(), 5000)
    return () => {
      observer.disconnect()
      window.clearTimeout(timeout)
    }
  }, [pathname])

  return (
    <main id="main" className="app-main" tabIndex={-1} ref={mainRef}>
      <RouteErrorBoundary resetKey={pathname}>
        {/* On a direct visit this shows while the page's code downloads; on a navigation the
            router's transition keeps the previous page on screen instead. The loading state stays
            blank for its first moments, so a quick download shows nothing. */}
        <Suspense fallback={<LoadingState label="Loading page…" />}>
          <Outlet />
        </Suspense>
      </RouteErrorBoundary>
    </main>
  )
}
