// The header's way into the session's record of writes. Only this button is in the first download;
// the panel (and the record's words) load on the first press.
import { useIsMutating } from '@tanstack/react-query'
import { lazy, Suspense, useEffect, useState } from 'react'

const ActivityPanel = lazy(() => import('./activity-panel').then((m) => ({ default: m.ActivityPanel })))

export function ActivityButton() {
  const [open, setOpen] = useState(false)
  const inFlight = useIsMutating()
  useLeaveWarning(inFlight > 0)
  return (
    <>
      <button
        type="button"
        className="button button--ghost app-activity"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span className="app-activity__label">Activity</span>
        {inFlight > 0 ? (
          <span className="app-activity__busy" title="Changes are being saved">
            <span className="visually-hidden">, {inFlight} in progress</span>
          </span>
        ) : null}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ActivityPanel onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}

/**
 * Closing or reloading the tab while a change is still being sent (or queued behind a rate limit)
 * asks first: the browser's own "Leave site?" question, the only one it lets a page ask.
 */
function useLeaveWarning(active: boolean) {
  useEffect(() => {
    if (!active) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      // Older browsers need returnValue set to show the question.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [active])
}
