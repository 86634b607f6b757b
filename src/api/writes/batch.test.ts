import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { rateLimitGate } from '../client'
import { credentialStore } from '../credentials'
import { errorFromHttp } from '../describe-error'
import { ApiError } from '../errors'
import { retryNotice } from '../retry-notice'
import { activity } from './activity'
import {
  batches,
  batchPolicy,
  startBatch,
  useBatch,
  type BatchSpec,
  type BatchStep,
  type StepAnswer,
} from './batch'
import { journalKey, journalPolicy, readJournal, unfinishedKeys } from './batch-journal'
import { NoLongerAppliesError, UncertainWriteError } from './uncertain'

// The runner with stub steps standing in for Tallyfy: each request is held until the test answers it,
// so what is in flight at any moment is what the test says, and time passes only by fake timers.

const ORG = 'org-1'
const session = { orgId: ORG, token: 'token-0123456789', demo: false }

const spec = (over: Partial<BatchSpec> = {}): BatchSpec => ({
  orgId: ORG,
  kind: 'role',
  params: { role: 'light' },
  label: 'Change members’ role to Light',
  ...over,
})

type Answer = { ok: true; value?: StepAnswer } | { ok: false; error: unknown }

/** A pretend Tallyfy: every step's request waits in `held` until answered. */
function stubServer() {
  let inFlight = 0
  let peak = 0
  const calls: string[] = []
  const held = new Map<string, Array<(answer: Answer) => void>>()
  const step = (key: string, keys: readonly string[] = [key]): BatchStep => ({
    keys,
    run: () => {
      calls.push(key)
      inFlight++
      peak = Math.max(peak, inFlight)
      return new Promise<void | StepAnswer>((resolve, reject) => {
        const answer = (a: Answer) => {
          inFlight--
          if (a.ok) resolve(a.value)
          else reject(a.error)
        }
        held.set(key, [...(held.get(key) ?? []), answer])
      })
    },
  })
  const answer = async (key: string, a: Answer = { ok: true }) => {
    const waiting = held.get(key)
    const next = waiting?.shift()
    if (!next) throw new Error(`No request for ${key} is in flight`)
    next(a)
    await flush()
  }
  return {
    step,
    steps: (keys: readonly string[]) => keys.map((key) => step(key)),
    answer,
    fail: (key: string, error: unknown) => answer(key, { ok: false, error }),
    /** The keys whose request is in flight now. */
    heldKeys: () => [...held].filter(([, list]) => list.length > 0).map(([key]) => key),
    calls,
    get inFlight() {
      return inFlight
    },
    get peak() {
      return peak
    },
  }
}

/** Lets settled promises run (the runner reacts to a step's answer in a microtask). */
const flush = () => vi.advanceTimersByTimeAsync(0)

const keys = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1))

const refusal = (status: number, body: object, headers: Record<string, string> = {}) =>
  errorFromHttp(status, new Headers({ 'Content-Type': 'application/json', ...headers }), JSON.stringify(body))

const seatPoolExhausted = refusal(409, {
  error: {
    code: 'SEAT_POOL_EXHAUSTED',
    message: 'No full seats are left in your plan. Upgrade to add more members.',
    details: { pool_type: 'full' },
  },
})

const rateLimited = (seconds: number) =>
  new ApiError({ kind: 'http', status: 429, retryAfter: seconds, message: 'Tallyfy answered HTTP 429' })

beforeEach(() => {
  vi.useFakeTimers()
  credentialStore.set(session, { remember: false })
})

afterEach(() => {
  vi.useRealTimers()
  rateLimitGate.reset()
  activity.clear()
  credentialStore.clear()
})

describe('the batch runner', () => {
  it('never has more than 4 requests in flight, and lists every person in the order of the steps', async () => {
    const server = stubServer()
    const handle = startBatch(spec({ concurrency: 10 }), server.steps(keys(10)))
    expect(server.heldKeys()).toEqual(['1', '2', '3', '4'])
    // Answered out of order: a slot freed by any request goes to the next step.
    await server.answer('3')
    expect(server.heldKeys()).toEqual(['1', '2', '4', '5'])
    for (const key of ['5', '1', '2', '4', '6', '7', '8', '9', '10']) await server.answer(key)
    const state = await handle.done
    expect(server.peak).toBe(4)
    expect(server.calls).toHaveLength(10)
    expect(state.phase).toBe('finished')
    expect(state.results.map((r) => r.key)).toEqual(keys(10))
    expect(state.counts.done).toBe(10)
  })

  it('lists the preview’s skips first, and counts everyone', async () => {
    const server = stubServer()
    const handle = startBatch(
      spec({ skipped: [{ key: '9', status: 'skipped', detail: 'Already Light' }] }),
      server.steps(['1', '2']),
    )
    expect(handle.getState()).toMatchObject({ total: 3, sent: 2, inFlight: 2, phase: 'running' })
    expect(handle.getState().results).toEqual([{ key: '9', status: 'skipped', detail: 'Already Light' }])
    await server.answer('2')
    await server.answer('1')
    expect((await handle.done).results.map((r) => [r.key, r.status])).toEqual([
      ['9', 'skipped'],
      ['1', 'done'],
      ['2', 'done'],
    ])
  })

  it('after a 429 on a request the client does not repeat, pauses everything and repeats only that one', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    const start = Date.now()
    await server.fail('2', rateLimited(3))

    // Tallyfy applied nothing: the gate is closed for everyone, nothing new goes, the others finish.
    expect(rateLimitGate.until).toBe(start + 3000)
    expect(handle.getState()).toMatchObject({ phase: 'waiting', waitingUntil: start + 3000, inFlight: 3 })
    await server.answer('1')
    await server.answer('3')
    expect(server.heldKeys()).toEqual(['4'])
    await vi.advanceTimersByTimeAsync(2999)
    expect(server.heldKeys()).toEqual(['4'])

    await vi.advanceTimersByTimeAsync(1)
    // The refused request goes first, then the steps that waited.
    expect(server.calls).toEqual(['1', '2', '3', '4', '2', '5', '6'])
    expect(handle.getState()).toMatchObject({ phase: 'running', waitingUntil: null })
    for (const key of ['2', '4', '5', '6']) await server.answer(key)
    const state = await handle.done
    expect(state.counts.done).toBe(6)
    expect(server.calls.filter((key) => key === '2')).toHaveLength(2)
    expect(server.calls.filter((key) => key !== '2')).toEqual(['1', '3', '4', '5', '6'])
  })

  it('waits while the client itself waits behind the gate (a PUT’s 429), and says until when', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    const until = Date.now() + 2000
    // What api/client.ts does for a PUT refused with 429: closes the gate, waits, publishes the wait.
    rateLimitGate.close(2)
    const clearNotice = retryNotice.publish({ reason: 'rate-limited', retryAt: until })
    expect(handle.getState()).toMatchObject({ phase: 'waiting', waitingUntil: until })
    await server.answer('1')
    expect(server.heldKeys()).toEqual(['2', '3', '4'])
    await vi.advanceTimersByTimeAsync(2000)
    clearNotice()
    expect(handle.getState().phase).toBe('running')
    expect(server.heldKeys()).toEqual(['2', '3', '4', '5'])
  })

  it('says what happened to each person: uncertain, refused in Tallyfy’s words, failed, not sent, per key', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), [
      ...server.steps(['u', 'r', 'f', 'a', 'n', 'l']),
      server.step('group', ['g1', 'g2', 'g3']),
    ])
    await server.fail('u', new UncertainWriteError('Roster could not read the member again.'))
    await server.fail('r', refusal(403, { message: "You can't disable the default administrator." }))
    await server.fail('f', new ApiError({ kind: 'invalid-response', message: 'x' }))
    await server.fail('a', new ApiError({ kind: 'aborted', message: 'x' }))
    await server.fail('n', new ApiError({ kind: 'network', message: 'x' }))
    await server.fail('l', new NoLongerAppliesError('Not resent: Ann Lee is active now, not invited.'))
    await server.answer('group', {
      ok: true,
      value: {
        detail: 'Added',
        perKey: { g2: { status: 'skipped', detail: 'Already in the group' } },
      },
    })
    const { results } = await handle.done
    expect(results).toEqual([
      { key: 'u', status: 'uncertain', detail: 'Roster could not read the member again.' },
      { key: 'r', status: 'refused', detail: "You can't disable the default administrator." },
      { key: 'f', status: 'failed', detail: expect.any(String) },
      { key: 'a', status: 'not-sent', detail: expect.stringMatching(/^Not sent/) },
      { key: 'n', status: 'uncertain', detail: expect.stringMatching(/could not tell/) },
      { key: 'l', status: 'skipped', detail: 'Not resent: Ann Lee is active now, not invited.' },
      { key: 'g1', status: 'done', detail: 'Added' },
      { key: 'g2', status: 'skipped', detail: 'Already in the group' },
      { key: 'g3', status: 'done', detail: 'Added' },
    ])
  })

  it('halts when the seat pool runs out: nothing more is sent, the rest are not sent, in Tallyfy’s words', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(10)))
    await server.answer('1')
    await server.fail('2', seatPoolExhausted)
    const words = 'No full seats are left in your plan. Upgrade to add more members.'
    expect(handle.getState()).toMatchObject({ phase: 'stopping', halt: words })
    // What was in flight finishes; nothing new leaves.
    expect(server.heldKeys()).toEqual(['3', '4', '5'])
    for (const key of ['3', '4', '5']) await server.answer(key)
    const state = await handle.done
    expect(server.calls).toEqual(['1', '2', '3', '4', '5'])
    expect(state).toMatchObject({ phase: 'halted', halt: words })
    expect(state.counts).toMatchObject({ done: 4, refused: 1, 'not-sent': 5 })
    expect(state.results.find((r) => r.key === '2')).toEqual({ key: '2', status: 'refused', detail: words })
    // A halted batch keeps its journal: the five not sent are for a Resume.
    const journal = readJournal(ORG)
    expect(journal && unfinishedKeys(journal).toSend).toEqual(['6', '7', '8', '9', '10'])
  })

  it('Stop lets the requests in flight finish and sends nothing more', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(8)))
    await server.answer('1')
    handle.stop()
    expect(handle.getState()).toMatchObject({ phase: 'stopping', inFlight: 4 })
    for (const key of ['2', '3', '4', '5']) await server.answer(key)
    const state = await handle.done
    expect(server.calls).toEqual(['1', '2', '3', '4', '5'])
    expect(state.phase).toBe('stopped')
    expect(state.counts).toMatchObject({ done: 5, 'not-sent': 3 })
    expect(state.results.at(-1)).toEqual({
      key: '8',
      status: 'not-sent',
      detail: 'Not sent: the batch was stopped first.',
    })
  })

  it('a 429 that comes back after Stop is not sent again', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(2)))
    handle.stop()
    await server.answer('1')
    await server.fail('2', rateLimited(1))
    await vi.advanceTimersByTimeAsync(5000)
    const state = await handle.done
    expect(server.calls).toEqual(['1', '2'])
    expect(state.counts).toMatchObject({ done: 1, 'not-sent': 1 })
  })

  it('stops sending when the session that started it ends', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    credentialStore.endSession('expired')
    for (const key of ['1', '2', '3', '4'])
      await server.fail(key, new ApiError({ kind: 'aborted', message: 'x' }))
    const state = await handle.done
    expect(server.calls).toEqual(['1', '2', '3', '4'])
    expect(state.phase).toBe('stopped')
    expect(state.counts['not-sent']).toBe(6)
  })
})

describe('the batch in Activity', () => {
  it('is one entry with its progress, then the counts', async () => {
    const server = stubServer()
    const handle = startBatch(
      spec({ skipped: [{ key: '9', status: 'skipped', detail: 'Already Light' }] }),
      server.steps(keys(3)),
    )
    const entry = () => activity.list(ORG)[0]
    expect(activity.list(ORG)).toHaveLength(1)
    expect(entry()).toMatchObject({ outcome: 'pending', progress: { done: 1, total: 4 } })
    await server.answer('1')
    // Told to the screen at most every notifyEveryMs, not at every answer.
    expect(entry()?.progress).toEqual({ done: 1, total: 4 })
    await vi.advanceTimersByTimeAsync(batchPolicy.notifyEveryMs)
    expect(entry()?.progress).toEqual({ done: 2, total: 4 })
    await server.answer('2')
    await server.fail('3', refusal(403, { message: 'No.' }))
    await handle.done
    expect(entry()).toMatchObject({ outcome: 'done', detail: '2 done, 1 skipped, 1 refused' })

    // The caller offers Undo and the way back to the results once it knows them.
    const undo = vi.fn<() => void>()
    const show = vi.fn<() => void>()
    handle.record.setUndo(undo)
    handle.record.setOpen('Show results', show)
    expect(entry()).toMatchObject({ canUndo: true, open: { label: 'Show results' } })
    expect(activity.undo(handle.record.id)).toBe(true)
    expect(undo).toHaveBeenCalledTimes(1)
  })

  it('tells who shows it at most every notifyEveryMs while answers pour in, and at once when it ends', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    const heard = vi.fn<() => void>()
    handle.subscribe(heard)
    await server.answer('1')
    await server.answer('2')
    await server.answer('3')
    expect(heard).not.toHaveBeenCalled()
    expect(handle.getState().counts.done).toBe(3)
    await vi.advanceTimersByTimeAsync(batchPolicy.notifyEveryMs)
    expect(heard).toHaveBeenCalledTimes(1)
    await server.answer('4')
    await server.answer('5')
    await server.answer('6')
    await handle.done
    expect(heard).toHaveBeenCalledTimes(2)
    expect(handle.getState().phase).toBe('finished')
  })

  it('says how it went wrong when nobody was done', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(2)))
    await server.fail('1', refusal(403, { message: 'No.' }))
    await server.fail('2', seatPoolExhausted)
    await handle.done
    expect(activity.list(ORG)[0]).toMatchObject({
      outcome: 'refused',
      detail: 'Stopped: No full seats are left in your plan. Upgrade to add more members. 2 refused',
    })
  })
})

describe('useBatch and the registry', () => {
  it('gives React the same state until something changes, and finds the batch again', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(2)))
    const { result } = renderHook(() => useBatch(handle))
    const first = result.current
    expect(first).toBe(handle.getState())
    expect(handle.getState()).toBe(first)
    await act(async () => {
      await server.answer('1')
      await vi.advanceTimersByTimeAsync(batchPolicy.notifyEveryMs)
    })
    expect(result.current).not.toBe(first)
    expect(result.current?.counts.done).toBe(1)
    expect(batches.get(handle.id)).toBe(handle)
    expect(batches.latest(ORG)).toBe(handle)
    const later = startBatch(spec(), [])
    expect(batches.latest(ORG)).toBe(later)
    expect(renderHook(() => useBatch(null)).result.current).toBeNull()
  })
})

describe('the journal', () => {
  it('marks a person sent before the request leaves, and writes outcomes at most every 250 ms', async () => {
    const seenAtSend: Array<string | undefined> = []
    const server = stubServer()
    const steps = keys(12).map((key): BatchStep => {
      const inner = server.step(key)
      return {
        keys: [key],
        run: (signal) => {
          seenAtSend.push(readJournal(ORG)?.items[key])
          return inner.run(signal)
        },
      }
    })
    const handle = startBatch(spec(), steps)
    expect(seenAtSend).toEqual(['sent', 'sent', 'sent', 'sent'])
    // A crash now: the four in flight (and a few next, marked in the same write) are checked first;
    // the rest are sent on Resume.
    const atCrash = readJournal(ORG)
    expect(atCrash?.id).toBe(handle.id)
    expect(atCrash && unfinishedKeys(atCrash).verifyFirst).toEqual(
      expect.arrayContaining(['1', '2', '3', '4']),
    )
    expect(atCrash && unfinishedKeys(atCrash).toSend).toContain('12')
    expect(JSON.stringify(atCrash)).not.toMatch(/Light’s|token/)

    await server.answer('1')
    expect(readJournal(ORG)?.items['1']).toBe('sent')
    await vi.advanceTimersByTimeAsync(journalPolicy.throttleMs)
    expect(readJournal(ORG)?.items['1']).toBe('done')
    for (const key of keys(12).slice(1)) await server.answer(key)
    expect(seenAtSend.every((item) => item === 'sent')).toBe(true)
    await handle.done
    // Finished with nothing left to do: no Resume to offer.
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
  })

  it('Resume continues the same journal: checks the perhaps-sent first, never repeats the done', async () => {
    localStorage.setItem(
      journalKey(ORG),
      JSON.stringify({
        id: 'b-earlier',
        kind: 'role',
        params: { role: 'light' },
        label: 'Change 7 members’ role to Light',
        startedAt: 1,
        items: {
          1: 'done',
          2: 'sent',
          3: 'pending',
          4: 'uncertain',
          5: 'refused',
          6: 'skipped',
          7: 'not-sent',
        },
      }),
    )
    const journal = readJournal(ORG)
    if (!journal) throw new Error('journal not read')
    const { verifyFirst, toSend, refusedOrFailed } = unfinishedKeys(journal)
    expect({ verifyFirst, toSend, refusedOrFailed }).toEqual({
      verifyFirst: ['2', '4'],
      toSend: ['3', '7'],
      refusedOrFailed: ['5'],
    })

    const server = stubServer()
    const handle = startBatch(spec(), server.steps([...verifyFirst, ...toSend]), { resumeOf: journal.id })
    expect(handle.id).toBe('b-earlier')
    expect(server.calls).toEqual(['2', '4', '3', '7'])
    // Still checked first if this run crashes before their answer.
    expect(readJournal(ORG)?.items).toMatchObject({ 1: 'done', 2: 'sent', 4: 'sent', 5: 'refused' })
    for (const key of ['2', '4', '3']) await server.answer(key)
    handle.stop()
    await server.fail('7', refusal(422, { message: 'The given data was invalid.' }))
    const state = await handle.done
    expect(state.results.map((r) => [r.key, r.status])).toEqual([
      ['1', 'done'],
      ['5', 'refused'],
      ['6', 'skipped'],
      ['2', 'done'],
      ['4', 'done'],
      ['3', 'done'],
      ['7', 'refused'],
    ])
    // Nothing left for a Resume (the refused are for "Retry failed"): the journal goes.
    expect(readJournal(ORG)).toBeNull()
  })

  it('on Resume, a perhaps-sent person far down the queue stays to be checked until their turn', async () => {
    const waiting = keys(20)
    localStorage.setItem(
      journalKey(ORG),
      JSON.stringify({
        id: 'b-long',
        kind: 'role',
        params: { role: 'light' },
        label: 'Change 21 members’ role to Light',
        startedAt: 1,
        items: { ...Object.fromEntries(waiting.map((key) => [key, 'pending'])), late: 'sent' },
      }),
    )
    const server = stubServer()
    startBatch(spec(), server.steps([...waiting, 'late']), { resumeOf: 'b-long' })
    // A crash now must not turn 'late' into a person to send without checking.
    expect(readJournal(ORG)?.items.late).toBe('sent')
    expect(readJournal(ORG)?.items['20']).toBe('pending')
  })

  it('a stopped batch keeps its journal for Resume', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    handle.stop()
    for (const key of keys(4)) await server.answer(key)
    await handle.done
    const journal = readJournal(ORG)
    expect(journal?.items).toEqual({
      1: 'done',
      2: 'done',
      3: 'done',
      4: 'done',
      5: 'not-sent',
      6: 'not-sent',
    })
  })

  it('keeps no journal for keys that are emails (a guest batch)', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(['ada@example.com']))
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
    handle.stop()
    await server.answer('ada@example.com')
    await handle.done
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
  })

  it('an explicit sign-out removes it, and a batch still running does not write it back', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    expect(readJournal(ORG)).not.toBeNull()
    credentialStore.endSession('signed-out')
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
    for (const key of keys(4)) await server.fail(key, new ApiError({ kind: 'aborted', message: 'x' }))
    await vi.advanceTimersByTimeAsync(1000)
    await handle.done
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
    // Nor does the batch stay findable for whoever signs in next.
    expect(batches.get(handle.id)).toBeUndefined()
  })

  it('an expired session keeps it, to resume after signing in again', async () => {
    const server = stubServer()
    const handle = startBatch(spec(), server.steps(keys(6)))
    credentialStore.endSession('expired')
    for (const key of keys(4)) await server.fail(key, new ApiError({ kind: 'aborted', message: 'x' }))
    await handle.done
    const journal = readJournal(ORG)
    expect(journal && unfinishedKeys(journal).toSend).toEqual(keys(6))
  })
})
