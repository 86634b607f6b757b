import { getResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_ORG_ID, DEMO_TOKEN } from './credentials'

const workerStart = vi.fn<(options: unknown) => Promise<undefined>>(async () => undefined)
const workerStop = vi.fn<() => void>()
const setupWorker = vi.fn<(...handlers: unknown[]) => { start: typeof workerStart; stop: typeof workerStop }>(
  () => ({ start: workerStart, stop: workerStop }),
)

// jsdom has no service workers; what matters here is what startDemo asks MSW for.
vi.mock('msw/browser', () => ({ setupWorker: (...handlers: unknown[]) => setupWorker(...handlers) }))

const { DEMO_SIZE_KEY, demoSize, startDemo, stopDemo } = await import('./start')

afterEach(() => {
  stopDemo()
  vi.clearAllMocks()
})

const storage = (value: string | null) => ({ getItem: () => value })

describe('demoSize', () => {
  it('reads the size from localStorage and falls back to 300', () => {
    expect(demoSize(storage(null))).toBe(300)
    expect(demoSize(storage('10000'))).toBe(10_000)
    expect(demoSize(storage('50000'))).toBe(50_000)
    expect(demoSize(storage('lots'))).toBe(300)
    expect(demoSize(storage('0'))).toBe(300)
    expect(demoSize(storage('5000000'))).toBe(100_000)
  })
})

describe('startDemo', () => {
  it('starts the worker once, quietly, bypassing requests it does not handle', async () => {
    localStorage.setItem(DEMO_SIZE_KEY, '1200')
    await Promise.all([startDemo(), startDemo()])
    await startDemo()
    expect(setupWorker).toHaveBeenCalledTimes(1)
    expect(setupWorker.mock.calls[0]?.length).toBeGreaterThan(5)
    expect(workerStart).toHaveBeenCalledWith({
      onUnhandledRequest: 'bypass',
      quiet: true,
      serviceWorker: { url: '/mockServiceWorker.js' },
    })
    expect(window.rosterDemo?.size).toBe(1200)
  })

  it('exposes fault controls that validate their input', async () => {
    await startDemo()
    const demo = window.rosterDemo
    demo?.setFaults({ status: 429, retryAfter: 2, times: 1 })
    expect(demo?.getFaults()).toEqual({ status: 429, retryAfter: 2, times: 1 })
    expect(() => demo?.setFaults({ status: 418 } as never)).toThrow(/status must be one of/)
    demo?.resetFaults()
    expect(demo?.getFaults()).toEqual({})
  })

  it('takes the write-path switches, and refuses a stale member who is not stale', async () => {
    await startDemo()
    const demo = window.rosterDemo
    const switches = {
      staleGroupMember: { memberId: 990_003 },
      omitGroupLists: 'null',
      omitGroupListsOnly: 'members',
      dropAfterWrite: true,
      method: 'PUT',
      times: 1,
    } as const
    demo?.setFaults(switches)
    expect(demo?.getFaults()).toEqual(switches)
    expect(() => demo?.setFaults({ omitGroupLists: 'gone' } as never)).toThrow(/omitGroupLists must be/)
    expect(() => demo?.setFaults({ staleGroupMember: { memberId: 1001 } })).toThrow(/not stale/)
    expect(demo?.getFaults()).toEqual(switches)
    demo?.reset()
    expect(demo?.getFaults()).toEqual({})
  })

  it('takes the seat pool and the rate-limit switch, and counts the writes its handlers answer', async () => {
    await startDemo()
    const demo = window.rosterDemo
    demo?.setFaults({ seats: { full: 10, light: 2 }, rateLimitEvery: 2 })
    expect(demo?.getFaults()).toEqual({ seats: { full: 10, light: 2 }, rateLimitEvery: 2 })
    expect(() => demo?.setFaults({ rateLimitEvery: 0 })).toThrow(/rateLimitEvery must be/)
    expect(() => demo?.setFaults({ seats: { full: -1 } })).toThrow(/seats.full must be/)
    demo?.reset()

    // What the worker would answer, asked of the handlers startDemo gave it.
    const handlers = setupWorker.mock.calls[0] as Parameters<typeof getResponse>[0]
    const setRole = () =>
      getResponse(
        handlers,
        new Request(`http://localhost/api/organizations/${DEMO_ORG_ID}/users/1031/role`, {
          method: 'PUT',
          headers: {
            Authorization: `Bearer ${DEMO_TOKEN}`,
            Accept: 'application/json',
            'X-Tallyfy-Client': 'APIClient',
          },
          body: JSON.stringify({ role: 'standard' }),
        }),
      )
    expect((await setRole())?.status).toBe(200)
    expect(demo?.stats()).toEqual({
      writes: [{ method: 'PUT', path: `/organizations/${DEMO_ORG_ID}/users/1031/role`, status: 200 }],
      peakWritesInFlight: 1,
    })
    demo?.resetStats()
    expect(demo?.stats()).toEqual({ writes: [], peakWritesInFlight: 0 })
    await setRole()
    demo?.reset()
    expect(demo?.stats()).toEqual({ writes: [], peakWritesInFlight: 0 })
  })

  it('stops the worker and can start again', async () => {
    await startDemo()
    stopDemo()
    expect(workerStop).toHaveBeenCalledTimes(1)
    expect(window.rosterDemo).toBeUndefined()
    await startDemo()
    expect(setupWorker).toHaveBeenCalledTimes(2)
  })
})
