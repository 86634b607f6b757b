import { afterEach, describe, expect, it, vi } from 'vitest'

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

  it('stops the worker and can start again', async () => {
    await startDemo()
    stopDemo()
    expect(workerStop).toHaveBeenCalledTimes(1)
    expect(window.rosterDemo).toBeUndefined()
    await startDemo()
    expect(setupWorker).toHaveBeenCalledTimes(2)
  })
})
