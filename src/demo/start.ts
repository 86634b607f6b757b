// Demo mode in the browser: the demo handlers behind MSW's service worker, so the app's real
// API client talks to /api exactly as it would with Tallyfy. Loaded with a dynamic import only
// when someone opens the demo, so real users never download the generator or MSW.

import { setupWorker } from 'msw/browser'
import { DEMO_ORG_ID, DEMO_TOKEN } from './credentials'
import { createDemoOrg, MAX_DEMO_MEMBERS } from './data'
import { createFaultController, parseFaults, type DemoStats, type Faults } from './faults'
import { createHandlers } from './handlers'

/** The session the sign-in page stores once the demo runs; it comes with the demo, not before it. */
export const demoCredentials = { orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true } as const

export const DEMO_SIZE_KEY = 'roster.demo.members'
const DEFAULT_DEMO_MEMBERS = 300

/** What end-to-end tests drive through `window.rosterDemo`. */
interface RosterDemoControls {
  /**
   * Replaces the active faults; throws on an unknown key or a bad value, or on a `staleGroupMember`
   * that names no group or an ID that is a member's (then nothing changes).
   */
  setFaults(faults: Faults): void
  resetFaults(): void
  /**
   * Same as resetFaults (the name in docs/contracts.md). Also takes a `staleGroupMember` ID out of its
   * group again and starts the write statistics over; other writes stay until the page reloads.
   */
  reset(): void
  getFaults(): Faults
  /**
   * Every write the demo answered since the last reset (method, path without `/api`, status) and
   * the most that were in flight at once. reset(), resetFaults() and resetStats() start it over.
   */
  stats(): DemoStats
  resetStats(): void
  /** Number of members in the demo directory. */
  size: number
}

declare global {
  interface Window {
    rosterDemo?: RosterDemoControls
  }
}

let running: Promise<void> | null = null
let stopWorker: (() => void) | null = null

/** The size stored under `roster.demo.members`, e.g. 10000 or 50000; the default otherwise. */
export function demoSize(storage: Pick<Storage, 'getItem'> | null = safeLocalStorage()): number {
  const raw = storage?.getItem(DEMO_SIZE_KEY)
  if (!raw || !/^\s*\d+\s*$/.test(raw)) return DEFAULT_DEMO_MEMBERS
  const n = Number.parseInt(raw, 10)
  return n >= 1 ? Math.min(n, MAX_DEMO_MEMBERS) : DEFAULT_DEMO_MEMBERS
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    // Storage can throw when blocked (privacy settings, sandboxed frames); the default size is fine.
    return null
  }
}

/** Starts the demo service worker once; later calls return the same promise. */
export function startDemo(): Promise<void> {
  running ??= (async () => {
    const size = demoSize()
    const org = createDemoOrg({ members: size, now: Date.now() })
    const faults = createFaultController()
    const worker = setupWorker(...createHandlers(org, faults))
    await worker.start({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
    })
    stopWorker = () => worker.stop()
    window.rosterDemo = {
      setFaults(next) {
        const parsed = parseFaults(next)
        if ('error' in parsed) throw new Error(`rosterDemo.setFaults: ${parsed.error}`)
        try {
          faults.set(parsed.faults)
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error)
          throw new Error(`rosterDemo.setFaults: ${reason}`, { cause: error })
        }
      },
      resetFaults: () => faults.reset(),
      reset: () => faults.reset(),
      getFaults: () => faults.get(),
      stats: () => faults.stats(),
      resetStats: () => faults.resetStats(),
      size,
    }
  })().catch((error: unknown) => {
    // Let a later call try again (e.g. after the user reloads with service workers allowed).
    running = null
    throw error
  })
  return running
}

/** Stops the worker so requests reach the network again (signing out of the demo). */
export function stopDemo(): void {
  stopWorker?.()
  stopWorker = null
  running = null
  delete window.rosterDemo
}
