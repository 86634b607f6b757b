// The strips under the header that tell the person about the connection, not about a page: offline,
// a wait before a retry, and data on screen whose last refresh failed.
import { onlineManager, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { useRetryNotice, type RetryNotice } from '../../api/retry-notice'

export function Banners() {
  return (
    <div className="app-banners">
      <OfflineBanner />
      <RetryBanner />
      <StaleDataBanner />
    </div>
  )
}

// TanStack Query's own online signal: the same one that pauses and resumes its fetches.
const subscribeOnline = (onChange: () => void) => onlineManager.subscribe(onChange)
const isOnline = () => onlineManager.isOnline()

function OfflineBanner() {
  const online = useSyncExternalStore(subscribeOnline, isOnline, () => true)
  return (
    <output className="app-banner-slot">
      {!online && (
        <span className="banner banner--warning banner--strip">
          You're offline. Roster will refresh when you're back.
        </span>
      )}
    </output>
  )
}

/**
 * True when a page shows data whose last refresh failed: the query keeps its old data (and the page
 * keeps showing it), so the person must be told it may be out of date. A directory that stopped
 * part-way is not "out of date" but incomplete, and the page that shows it says so in its own words
 * (how many of how many, with Retry): one notice, not two.
 */
export function hasFailedRefresh(queryClient: QueryClient): boolean {
  return queryClient
    .getQueryCache()
    .getAll()
    .some(
      (q) =>
        q.getObserversCount() > 0 &&
        q.state.status === 'error' &&
        q.state.data !== undefined &&
        !isIncomplete(q.state.data),
    )
}

function isIncomplete(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'complete' in data && data.complete === false
}

function StaleDataBanner() {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) => queryClient.getQueryCache().subscribe(onChange),
    [queryClient],
  )
  const failed = useSyncExternalStore(
    subscribe,
    () => hasFailedRefresh(queryClient),
    () => false,
  )
  const retry = () =>
    void queryClient.refetchQueries({
      type: 'active',
      predicate: (q) => q.state.status === 'error' && q.state.data !== undefined,
    })
  return (
    <output className="app-banner-slot">
      {failed && (
        <span className="banner banner--warning banner--strip">
          Roster couldn't refresh from Tallyfy, so what you see may be out of date.
          <button type="button" className="button button--small" onClick={retry}>
            Refresh
          </button>
        </span>
      )}
    </output>
  )
}

export function retryMessage(notice: RetryNotice, now: number): string {
  const seconds = Math.max(0, Math.ceil((notice.retryAt - now) / 1000))
  const when = seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'
  return notice.reason === 'rate-limited'
    ? `Tallyfy asked us to slow down, ${when}`
    : `Tallyfy isn't answering right now, ${when}`
}

function RetryBanner() {
  const notice = useRetryNotice()
  return (
    <output className="app-banner-slot">
      {notice && <RetryCountdown key={notice.retryAt} notice={notice} />}
    </output>
  )
}

/** Keyed by retryAt, so each wait starts from a fresh clock; ticks four times a second until it ends. */
function RetryCountdown({ notice }: { notice: RetryNotice }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 250)
    return () => window.clearInterval(id)
  }, [])
  return <span className="banner banner--info banner--strip">{retryMessage(notice, now)}</span>
}
