import { useSyncExternalStore } from 'react'
import { rateLimitGate, retryPolicy } from '../client'
import { credentialStore } from '../credentials'
import { tallyfyWords } from '../describe-error'
import { isApiError } from '../errors'
import { retryNotice } from '../retry-notice'
import { activity, type WriteOutcome, type WriteRecord } from './activity'
import {
  isPersonalKey,
  holdBatchLock,
  journalWriter,
  readJournal,
  type JournalItem,
  type JournalWriter,
} from './batch-journal'
import { refusalMessage } from './refusal'
import { isNoLongerApplies, isUncertainFailure, isUncertainWrite } from './uncertain'

// The one runner for many writes (bulk actions, their Undo, Retry failed, Resume). A queue of steps
// with at most 4 requests in flight; one rate-limit gate shared with every other request to Tallyfy;
// a result per person; a journal in the browser (batch-journal.ts) so that a reload resumes without
// doing anything twice; one Activity entry for the whole batch. It knows nothing of members or
// groups: the caller's steps send the requests, and say per person how each went.

export type ItemStatus = 'done' | 'skipped' | 'refused' | 'uncertain' | 'failed' | 'not-sent'

export interface ItemResult {
  key: string
  status: ItemStatus
  /** Tallyfy's words, the skip reason, what the re-read found. */
  detail: string | null
}

export interface StepAnswer {
  /** The detail of every key the step was about (unless `perKey` says otherwise). */
  detail?: string
  perKey?: Record<string, { status: ItemStatus; detail?: string }>
}

export interface BatchStep {
  /** The people this request is about (one for a member write; the whole selection for a group PUT). */
  keys: readonly string[]
  /**
   * Sends the request(s). Resolves with per-key details or nothing (all done). Throws ApiError /
   * UncertainWriteError. A step that throws a 429 is run again from the start once the gate opens,
   * so a 429 must mean that nothing of the step was applied (one write per step, or writes that land
   * in the same state however often they are applied).
   */
  run(signal: AbortSignal): Promise<void | StepAnswer>
}

export interface BatchSpec {
  orgId: string
  /** 'role' | 'disable' | 'enable' | 'group-add' | … : with `params`, what a Resume rebuilds the steps from. */
  kind: string
  /** IDs and enums only (role, groupId): no personal data, it goes into the journal. */
  params: Record<string, string>
  /** The Activity entry, and the journal: names no person ("Change 40 members' role to Light"). */
  label: string
  /**
   * The preview's skips, part of the results (first). Any status is taken as given, so a Resume can
   * list here the people its re-read found already done.
   */
  skipped?: readonly ItemResult[]
  /** Default 4, never more. */
  concurrency?: number
}

export type BatchPhase = 'running' | 'waiting' | 'stopping' | 'finished' | 'stopped' | 'halted'

export interface BatchState {
  id: string
  /** People in the batch (skips included). */
  total: number
  counts: Record<ItemStatus, number>
  /** People whose request has gone (or is going). */
  sent: number
  /** Requests in flight. */
  inFlight: number
  /**
   * 'stopping' lasts while the requests in flight after Stop (or a halt) finish; the last three are
   * the end, and `done` resolves with that state.
   */
  phase: BatchPhase
  /** Epoch ms while a 429 pauses the batch ("Waiting 3 s for Tallyfy's rate limit"). */
  waitingUntil: number | null
  /** Tallyfy's words when a 409 SEAT_POOL_EXHAUSTED stopped it. */
  halt: string | null
  /** The people with an outcome so far, in the order of the steps, skips first. */
  results: readonly ItemResult[]
}

export interface BatchHandle {
  readonly id: string
  readonly orgId: string
  readonly spec: BatchSpec
  /** The batch's Activity entry: `record.setUndo(fn)` once Undo is known, `record.setOpen('Show results', fn)`. */
  readonly record: WriteRecord
  getState(): BatchState
  subscribe(fn: () => void): () => void
  /** Requests in flight finish; nothing more is sent; the rest are 'not-sent'. */
  stop(): void
  done: Promise<BatchState>
}

export const batchPolicy = {
  maxConcurrency: 4,
  /** A step refused with 429 this many times in a row is given up as failed (a guard, not a pace). */
  rateLimitRepeats: 10,
  /** Steps marked 'sent' ahead of need in one journal write (a crash only costs their re-read on Resume). */
  journalLookahead: 8,
  /** Progress is told to the screen at most this often (each telling re-renders the dialog and Activity). */
  notifyEveryMs: 100,
}

const STATUSES: readonly ItemStatus[] = ['done', 'skipped', 'refused', 'uncertain', 'failed', 'not-sent']

const zeroCounts = (): Record<ItemStatus, number> => ({
  done: 0,
  skipped: 0,
  refused: 0,
  uncertain: 0,
  failed: 0,
  'not-sent': 0,
})

// A person in several steps (rare: the same person in two requests) is done only when every request
// about them was; otherwise the worse outcome stands.
const severity: Record<ItemStatus, number> = {
  done: 0,
  skipped: 1,
  'not-sent': 2,
  failed: 3,
  refused: 4,
  uncertain: 5,
}

/** Whether `status` is a worse outcome for a person than `than` (the worse one stands). */
export const isWorseOutcome = (status: ItemStatus, than: ItemStatus) => severity[status] > severity[than]

const isSeatPoolExhausted = (error: unknown) =>
  isApiError(error) && error.status === 409 && error.code === 'SEAT_POOL_EXHAUSTED'

const isRateLimited = (error: unknown) => isApiError(error) && error.kind === 'http' && error.status === 429

const NOT_SENT = {
  stopped: 'Not sent: the batch was stopped first.',
  halted: 'Not sent: the batch stopped when Tallyfy refused to go on.',
  session: 'Not sent: the session that made this change ended first.',
}

/** How a step's failure reads for each of its people. */
function failureOf(error: unknown): { status: ItemStatus; detail: string } {
  if (isUncertainWrite(error)) return { status: 'uncertain', detail: error.message }
  // The answer was lost, and the re-read found the person no longer in the state the write was for
  // (an invitation accepted meanwhile): nothing is left to do, which is a skip with the reason.
  if (isNoLongerApplies(error)) return { status: 'skipped', detail: error.message }
  if (isApiError(error) && error.kind === 'aborted') return { status: 'not-sent', detail: NOT_SENT.session }
  // The step did not settle a lost answer itself: the change may have been made, so the person is
  // never reported as failed (a Resume or "Retry failed" checks first).
  if (isUncertainFailure(error))
    return {
      status: 'uncertain',
      detail: `${refusalMessage(error, { what: 'member' })} Roster could not tell whether Tallyfy made this change; check before trying again.`,
    }
  const detail = refusalMessage(error, { what: 'member' })
  return { status: tallyfyWords(error) ? 'refused' : 'failed', detail }
}

/** A person an earlier run of a resumed batch settled, or left and this run does not take up. */
function carriedResult(key: string, item: JournalItem): ItemResult {
  if (item === 'pending') return { key, status: 'not-sent', detail: null }
  if (item === 'sent')
    return { key, status: 'uncertain', detail: 'Sent before the page was closed, and not checked since.' }
  return { key, status: item, detail: null }
}

/** When the shared rate-limit gate opens, while it is closed. */
const gateUntil = () => (rateLimitGate.until > Date.now() ? rateLimitGate.until : null)

const withoutFinalStop = (text: string) => text.replace(/[.!]+$/, '')

function rateLimitSeconds(retryAfter: number | null): number {
  return Math.min(
    Math.max(retryAfter ?? retryPolicy.defaultRetryAfterSeconds, retryPolicy.minRetryAfterSeconds),
    retryPolicy.maxRetryAfterSeconds,
  )
}

let lastId = 0
function newBatchId(): string {
  // Unique across reloads (the journal outlives the page) and within one millisecond.
  lastId = Math.max(lastId + 1, Date.now())
  return `b${lastId.toString(36)}${Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`
}

const registry = new Map<string, BatchHandle>()

export const batches = {
  get(id: string): BatchHandle | undefined {
    return registry.get(id)
  },
  /** The organization's most recently started batch in this tab. */
  latest(orgId: string): BatchHandle | undefined {
    let latest: BatchHandle | undefined
    for (const handle of registry.values()) if (handle.orgId === orgId) latest = handle
    return latest
  },
}

// An explicit sign-out forgets the organization's batches, as Activity forgets their entries.
let signedIn = credentialStore.get()
credentialStore.subscribe(() => {
  const next = credentialStore.get()
  if (signedIn && next === null && credentialStore.endingReason() !== 'expired') {
    const orgId = signedIn.orgId
    for (const [id, handle] of registry) if (handle.orgId === orgId) registry.delete(id)
  }
  signedIn = next
})

/** The Activity entry's closing words: "38 done, 2 skipped, 1 refused". */
export function describeCounts(counts: Record<ItemStatus, number>): string {
  const words: Record<ItemStatus, string> = {
    done: 'done',
    skipped: 'skipped',
    refused: 'refused',
    uncertain: 'uncertain',
    failed: 'failed',
    'not-sent': 'not sent',
  }
  const parts = STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${words[s]}`)
  return parts.length > 0 ? parts.join(', ') : 'Nobody to change'
}

function activityOutcome(counts: Record<ItemStatus, number>): Exclude<WriteOutcome, 'pending' | 'undone'> {
  const acted = counts.done + counts.refused + counts.uncertain + counts.failed + counts['not-sent']
  if (counts.done > 0 || acted === 0) return 'done'
  if (counts.uncertain > 0) return 'uncertain'
  if (counts.refused > 0) return 'refused'
  if (counts.failed > 0) return 'failed'
  return 'not-sent'
}

/** Runs `steps`; with `resumeOf` (the journal's id), continues that batch and its journal. */
export function startBatch(
  spec: BatchSpec,
  steps: readonly BatchStep[],
  opts: { resumeOf?: string } = {},
): BatchHandle {
  const { orgId } = spec
  const concurrency = Math.max(
    1,
    Math.min(batchPolicy.maxConcurrency, Math.floor(spec.concurrency ?? batchPolicy.maxConcurrency)),
  )
  const previous = opts.resumeOf !== undefined ? readJournal(orgId) : null
  const resumed = previous !== null && previous.id === opts.resumeOf ? previous : null
  const id = resumed?.id ?? newBatchId()
  const startedAt = resumed?.startedAt ?? Date.now()

  // Every person once, in the order results are listed: skips, then what an earlier run of this batch
  // settled (a Resume), then the steps' people. A person both skipped and in a step stays skipped (the
  // preview decided first).
  const skipKeys = new Set((spec.skipped ?? []).map((skip) => skip.key))
  const stepKeys = (step: BatchStep) => step.keys.filter((key) => !skipKeys.has(key))
  const order: string[] = []
  const results = new Map<string, ItemResult>()
  const journalItems = new Map<string, JournalItem>()
  const inSteps = new Set<string>()
  for (const step of steps) for (const key of stepKeys(step)) inSteps.add(key)

  for (const skip of spec.skipped ?? []) {
    if (results.has(skip.key)) continue
    order.push(skip.key)
    results.set(skip.key, { key: skip.key, status: skip.status, detail: skip.detail })
    journalItems.set(skip.key, skip.status)
  }
  if (resumed) {
    for (const [key, item] of Object.entries(resumed.items)) {
      if (results.has(key) || inSteps.has(key)) continue
      order.push(key)
      // What this run does not take up stays as it was in the journal, for the next Resume.
      journalItems.set(key, item)
      results.set(key, carriedResult(key, item))
    }
  }
  for (const key of inSteps) {
    order.push(key)
    // Perhaps sent by the earlier run: it stays so in the journal until this run settles it, so that a
    // crash before then still has the next Resume check first.
    const before = resumed?.items[key]
    journalItems.set(key, before === 'sent' || before === 'uncertain' ? before : 'pending')
  }

  const journal: JournalWriter | null = order.some(isPersonalKey)
    ? null
    : journalWriter(
        orgId,
        { id, kind: spec.kind, params: spec.params, label: spec.label, startedAt },
        journalItems,
      )

  const record = activity.start(orgId, spec.label)
  const asking = credentialStore.get()
  const controller = new AbortController()

  // The steps not yet sent: those refused with 429 (sent again first), then from `nextStep` on.
  const repeatFirst: number[] = []
  let nextStep = 0
  const hasNext = () => repeatFirst.length > 0 || nextStep < steps.length
  const takeNext = () => repeatFirst.shift() ?? nextStep++
  const upcoming = (count: number) => {
    const list = repeatFirst.slice(0, count)
    for (let index = nextStep; list.length < count && index < steps.length; index++) list.push(index)
    return list
  }
  const rateLimitRepeats = new Map<number, number>()
  const sentKeys = new Set<string>()
  let inFlight = 0
  let stopRequested = false
  let sessionEnded = false
  let halt: string | null = null
  let ended = false
  let gateTimer: ReturnType<typeof setTimeout> | null = null
  const listeners = new Set<() => void>()

  const sending = () => !stopRequested && halt === null && !sessionEnded

  const counts = zeroCounts()
  for (const result of results.values()) counts[result.status]++
  let settledCount = results.size

  /** The people with an outcome, in order: read only when wanted (the results view), once per state. */
  const settledInOrder = () => {
    const list: ItemResult[] = []
    for (const key of order) {
      const result = results.get(key)
      if (result) list.push(result)
    }
    return list
  }

  function buildState(phase?: BatchPhase): BatchState {
    const waitingUntil = gateUntil()
    let list: readonly ItemResult[] | null = null
    const current: BatchPhase =
      phase ?? (!sending() ? 'stopping' : waitingUntil !== null ? 'waiting' : 'running')
    return {
      id,
      total: order.length,
      counts: { ...counts },
      sent: sentKeys.size,
      inFlight,
      phase: current,
      waitingUntil: current === 'waiting' ? waitingUntil : null,
      halt,
      // Listing 100,000 people at every settled request would cost more than the requests.
      get results() {
        list ??= settledInOrder()
        return list
      },
    }
  }

  let state = buildState()

  // Answers land many times a second: the state is always current (getState), but who shows it (the
  // dialog, Activity) hears at most every `batchPolicy.notifyEveryMs`; a change of phase at once.
  let notifyTimer: ReturnType<typeof setTimeout> | null = null
  let lastNotified = Number.NEGATIVE_INFINITY
  function notify() {
    if (notifyTimer !== null) clearTimeout(notifyTimer)
    notifyTimer = null
    lastNotified = Date.now()
    record.progress(settledCount, state.total)
    for (const listener of Array.from(listeners)) listener()
  }
  function publish(phase?: BatchPhase) {
    const before = state.phase
    state = buildState(phase)
    if (state.phase !== before || Date.now() - lastNotified >= batchPolicy.notifyEveryMs) notify()
    else notifyTimer ??= setTimeout(notify, lastNotified + batchPolicy.notifyEveryMs - Date.now())
  }

  /**
   * The gate closed or opened: the client is waiting behind it (a PUT's 429, any request's), or a
   * step's 429 closed it here. Nothing new is sent until it opens, and the state says for how long.
   */
  function onGateChange() {
    if (ended) return
    if ((state.phase === 'running' || state.phase === 'waiting') && gateUntil() !== state.waitingUntil)
      publish()
    watchGate()
  }

  /** Wakes the batch when the gate opens. */
  function watchGate() {
    if (gateTimer !== null) clearTimeout(gateTimer)
    gateTimer = null
    const until = gateUntil()
    if (until === null || ended) return
    gateTimer = setTimeout(() => {
      gateTimer = null
      if (gateUntil() !== null) watchGate()
      else pump()
    }, until - Date.now())
  }

  const stopWatchingGate = retryNotice.subscribe(onGateChange)
  const stopWatchingSession = credentialStore.subscribe(() => {
    if (ended || sessionEnded || credentialStore.get() === asking) return
    // Waits at the gate end at once; the client refuses a write the session no longer owns.
    sessionEnded = true
    controller.abort()
    pump()
  })

  function setResult(key: string, status: ItemStatus, detail: string | null) {
    const current = results.get(key)
    // A person in two steps: done only when both were.
    if (current && isWorseOutcome(current.status, status)) return
    if (current) counts[current.status]--
    else settledCount++
    counts[status]++
    results.set(key, { key, status, detail })
    journalItems.set(key, status)
  }

  /**
   * Marks the step's people 'sent' in storage before its request leaves. The next few steps are
   * marked in the same write, so that writing does not cost one full journal per request: a crash
   * then only costs a re-read of theirs on Resume. (Only this marks 'sent', and it writes at once,
   * so 'sent' in the map is 'sent' in storage.)
   */
  function markSent(step: BatchStep) {
    if (!journal) return
    const keys = stepKeys(step)
    if (keys.every((key) => journalItems.get(key) === 'sent')) return
    for (const key of keys) journalItems.set(key, 'sent')
    for (const index of upcoming(batchPolicy.journalLookahead))
      for (const key of stepKeys(steps[index] as BatchStep))
        if (journalItems.get(key) === 'pending') journalItems.set(key, 'sent')
    journal.writeNow()
  }

  type StepOutcome = { ok: true; value: void | StepAnswer } | { ok: false; error: unknown }

  function settleStep(index: number, outcome: StepOutcome) {
    const keys = stepKeys(steps[index] as BatchStep)
    if (outcome.ok) {
      const answer = outcome.value ?? {}
      for (const key of keys) {
        const own = answer.perKey?.[key]
        if (own) setResult(key, own.status, own.detail ?? null)
        else setResult(key, 'done', answer.detail ?? null)
      }
      return
    }
    const { error } = outcome
    if (isApiError(error) && isRateLimited(error)) {
      if (!sending()) {
        // Stopped or halted meanwhile: the refused request is not sent again.
        for (const key of keys) setResult(key, 'not-sent', halt !== null ? NOT_SENT.halted : NOT_SENT.stopped)
        return
      }
      const repeats = (rateLimitRepeats.get(index) ?? 0) + 1
      rateLimitRepeats.set(index, repeats)
      if (repeats <= batchPolicy.rateLimitRepeats) {
        // Tallyfy refused before acting, so nothing of the step was applied. Everything waits for the
        // announced time (the gate holds every request to Tallyfy), then only this step goes again.
        // Its people stay 'sent' in the journal: an earlier run's lost answer may still be behind them.
        rateLimitGate.close(rateLimitSeconds(error.retryAfter))
        repeatFirst.unshift(index)
        return
      }
      for (const key of keys) setResult(key, 'failed', refusalMessage(error, { what: 'member' }))
      return
    }
    if (isSeatPoolExhausted(error)) {
      const words = refusalMessage(error, { what: 'member' })
      for (const key of keys) setResult(key, 'refused', words)
      halt ??= words
      return
    }
    const { status, detail } = failureOf(error)
    for (const key of keys) setResult(key, status, detail)
  }

  function startStep(index: number) {
    const step = steps[index] as BatchStep
    markSent(step)
    for (const key of stepKeys(step)) sentKeys.add(key)
    inFlight++
    let running: Promise<void | StepAnswer>
    try {
      running = step.run(controller.signal)
    } catch (error) {
      running = Promise.reject(error)
    }
    running.then(
      (value) => settled(index, { ok: true, value }),
      (error: unknown) => settled(index, { ok: false, error }),
    )
  }

  function settled(index: number, outcome: StepOutcome) {
    inFlight--
    settleStep(index, outcome)
    journal?.changed()
    pump()
  }

  /** Sends what may be sent now, and ends the batch when nothing is left in flight or to send. */
  function pump() {
    if (ended) return
    if (!sessionEnded && credentialStore.get() !== asking) {
      sessionEnded = true
      controller.abort()
    }
    if (sending()) {
      while (inFlight < concurrency && hasNext() && gateUntil() === null) startStep(takeNext())
      watchGate()
    }
    if (inFlight === 0 && (!hasNext() || !sending())) finish()
    else publish()
  }

  let resolveDone: (state: BatchState) => void
  const done = new Promise<BatchState>((resolve) => {
    resolveDone = resolve
  })

  function finish() {
    ended = true
    if (gateTimer !== null) clearTimeout(gateTimer)
    stopWatchingGate()
    stopWatchingSession()
    const reason = sessionEnded ? NOT_SENT.session : halt !== null ? NOT_SENT.halted : NOT_SENT.stopped
    for (const index of upcoming(steps.length))
      for (const key of stepKeys(steps[index] as BatchStep))
        if (!results.has(key)) setResult(key, 'not-sent', reason)
    repeatFirst.length = 0
    nextStep = steps.length
    const phase: BatchPhase =
      halt !== null ? 'halted' : stopRequested || sessionEnded ? 'stopped' : 'finished'
    state = buildState(phase)
    if (notifyTimer !== null) clearTimeout(notifyTimer)
    notifyTimer = null
    journal?.finish()
    const summary = describeCounts(state.counts)
    record.progress(settledCount, state.total)
    record.settle(
      activityOutcome(state.counts),
      phase === 'halted'
        ? `Stopped: ${withoutFinalStop(halt ?? '')}. ${summary}`
        : phase === 'stopped'
          ? `Stopped. ${summary}`
          : summary,
    )
    for (const listener of Array.from(listeners)) listener()
    resolveDone(state)
  }

  const handle: BatchHandle = {
    id,
    orgId,
    spec,
    record,
    getState: () => state,
    subscribe(fn) {
      listeners.add(fn)
      return () => {
        listeners.delete(fn)
      }
    },
    stop() {
      if (ended || stopRequested) return
      stopRequested = true
      pump()
    },
    done,
  }
  registry.delete(id)
  registry.set(id, handle)

  // The skips and a Resume's earlier outcomes are in the journal before anything is sent; while it
  // runs, this tab holds the batch's lock, so another tab offers no Resume of it.
  if (journal) holdBatchLock(orgId, id, done)
  journal?.writeNow()
  pump()
  return handle
}

const noBatch = () => () => {}
const nullState = () => null

export function useBatch(handle: BatchHandle | null): BatchState | null {
  return useSyncExternalStore(
    handle ? handle.subscribe : noBatch,
    handle ? handle.getState : nullState,
    handle ? handle.getState : nullState,
  )
}
