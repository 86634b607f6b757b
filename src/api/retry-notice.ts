import { useSyncExternalStore } from 'react'

// While the client waits before retrying (429 or a 5xx), the app shell says so, so a slow screen is
// explained instead of looking frozen. Several requests can wait at once (pages load in parallel),
// so each wait is tracked separately and the notice shows the one that ends last.

export interface RetryNotice {
  reason: 'rate-limited' | 'unavailable'
  /** Epoch ms. */
  retryAt: number
}

const waits = new Map<symbol, RetryNotice>()
const listeners = new Set<() => void>()
let snapshot: RetryNotice | null = null

function recompute() {
  let latest: RetryNotice | null = null
  for (const wait of waits.values()) {
    if (!latest || wait.retryAt > latest.retryAt) latest = wait
  }
  if (latest?.reason !== snapshot?.reason || latest?.retryAt !== snapshot?.retryAt) {
    snapshot = latest
    for (const listener of listeners) listener()
  }
}

export const retryNotice = {
  /** Publishes a wait; call the returned function when the wait ends (however it ends). */
  publish(notice: RetryNotice): () => void {
    const id = Symbol('retry-wait')
    waits.set(id, notice)
    recompute()
    return () => {
      if (waits.delete(id)) recompute()
    }
  },
  get(): RetryNotice | null {
    return snapshot
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => {
      listeners.delete(listener)
    }
  },
}

const getServerSnapshot = () => null

export function useRetryNotice(): RetryNotice | null {
  return useSyncExternalStore(retryNotice.subscribe, retryNotice.get, getServerSnapshot)
}
