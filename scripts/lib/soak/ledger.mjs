// The soak's record of every write it asked Roster for, checked against three witnesses: the Activity
// panel (what the person was told), the demo's data (what Tallyfy holds) and the demo's request log
// (what reached the server, and which fault met it).
//
// An intent names its effects as ledger keys (see truth.mjs `valueOf`) with the value each has once
// the write is done, and the value before. Once the write has settled:
// - Done: every effect holds, and exactly one write request was applied;
// - Undone: every effect is back to its value before;
// - Refused, Failed, Not sent: nothing changed, no write request applied;
// - Uncertain: either, but the effects are unknown until a later write settles them;
// - a write whose answer was lost (dropped, 5xx) shown Done, Refused or Failed must have been
//   followed by a read of the record: anything else is a guess shown as a fact.
// The model keeps the last known value of every key, checked again at the end after a full reload.

import { isSignedOut, poll, readActivity, writesInFlight } from './ui.mjs'

const UNKNOWN = Symbol('unknown')
/** What a write changes: its own effects, and each person's of a batch. */
export const effectsOf = (entry) => [...entry.effects, ...(entry.items ?? []).flatMap((item) => item.effects)]
const show = (v) => (v === UNKNOWN ? 'unknown' : JSON.stringify(v))
const LOST_ANSWER = new Set(['drop', '500', '502', '503', '504'])
const OUTCOMES = {
  'In progress': 'pending',
  Done: 'done',
  'Refused by Tallyfy': 'refused',
  Uncertain: 'uncertain',
  Undone: 'undone',
  Failed: 'failed',
  'Not sent': 'not-sent',
}

export function createLedger({ world, truth, mismatch }) {
  /** Every write asked for (undo excluded: it settles on its write's own entry), oldest first. */
  const intents = []
  /** Key → last value the person was told is there (or UNKNOWN after an uncertain outcome). */
  const model = new Map()
  const tally = { writes: 0, undos: 0, outcomes: {} }
  /** Intents made before the last full reload: the Activity record (memory only) no longer has them. */
  let activityBase = 0
  /** The last shortfall of Activity entries reported (each is said once). */
  let shortfall = 0

  const statsLength = () => world.writeStats()?.writes.length ?? 0

  function holds(effects, which) {
    return effects.filter((e) => truth.valueOf(e.key) !== e[which])
  }

  /** The write requests of one intent, and what the server answered each (H1's stats when present). */
  function requestsOf(entry, from, to) {
    const writes = world.requests
      .slice(from.requests, to.requests)
      .filter((r) => r.method !== 'GET' && entry.writePath.test(r.path))
    const stats = world.writeStats()
    const answered = stats
      ? stats.writes.slice(from.stats, to.stats).filter((w) => entry.writePath.test(w.path))
      : null
    // Without statistics, a write that met no fault counts as applied (the demo answers it).
    const applied = answered
      ? answered.filter((w) => w.status >= 200 && w.status < 300).length
      : writes.filter((r) => r.fault === null || r.fault === 'drop').length
    return { writes, applied }
  }

  /** Whether a write whose answer was lost was followed by a read of its record, before `to`. */
  function rereadAfterLoss(entry, from, to) {
    const slice = world.requests.slice(from.requests, to.requests)
    const lost = slice.filter(
      (r) => r.method !== 'GET' && entry.writePath.test(r.path) && LOST_ANSWER.has(r.fault ?? ''),
    )
    if (lost.length === 0) return { lost: false, reread: true }
    const last = lost.at(-1).seq
    return {
      lost: true,
      reread: slice.some((r) => r.seq > last && r.method === 'GET' && entry.readPath.test(r.path)),
    }
  }

  /** Each effect with the value it has before the write (unless the action knows it). */
  const withBefore = (effects) => effects.map((e) => ({ ...e, before: e.before ?? truth.valueOf(e.key) }))

  const mark = () => ({ requests: world.requests.length, stats: statsLength() })

  return {
    intents,
    tally,
    model,

    /**
     * Called right before the click that sends a write. `effects`: [{ key, after, before? }];
     * `label`: words the Activity entry must contain.
     */
    begin(intent) {
      const effects = withBefore(intent.effects)
      // A batch: one Activity entry, and per person what it changes (outcomes from its results).
      const items = intent.items?.map((item) => ({ ...item, effects: withBefore(item.effects) }))
      const entry = {
        ...intent,
        effects,
        items,
        index: intents.length,
        from: mark(),
        outcome: 'pending',
        undo: null,
      }
      intents.push(entry)
      tally.writes++
      return entry
    },

    /** The write was never started (the form refused it before sending): forget it. */
    abandon(entry) {
      if (intents.at(-1) !== entry) return
      intents.pop()
      tally.writes--
    },

    /** Performs the click that sends `entry`; if it cannot be done, nothing was sent. */
    async send(entry, click) {
      try {
        await click()
      } catch (error) {
        this.abandon(entry)
        throw error
      }
    },

    /** Called right before pressing Undo on a settled, done write. */
    beginUndo(entry) {
      entry.undo = { from: mark(), settled: false }
      tally.undos++
    },

    /**
     * Waits until nothing is in flight, then reads the Activity panel and settles every intent that
     * has an outcome, checking each against the data and the request log. `limitMs`: how long a write
     * may take under the faults (Retry-After, retries, latency) before it counts as stuck.
     */
    async settle(page, { limitMs = 120_000 } = {}) {
      const deadline = Date.now() + limitMs
      for (;;) {
        // The session ended (a 401): the run signs in again and settles then, from the kept record.
        if (isSignedOut(page)) return
        const idle = await poll(
          () => writesInFlight(page),
          (busy) => busy === false,
          { timeout: Math.max(0, deadline - Date.now()), interval: 300 },
        )
        if (isSignedOut(page)) return
        const final = !idle.ok || Date.now() >= deadline
        if (!idle.ok) mismatch('stuck', `a write was still in progress after ${limitMs / 1000} s`)
        // A write may show In progress a moment before the header counts it (or after): read again
        // until every entry has its outcome, and call it stuck only when the time is up.
        const waiting = this.compare(await readActivity(page), { final })
        if (!waiting || final) return
        await new Promise((resolve) => setTimeout(resolve, 500))
      }
    },

    /** Settles what the Activity panel shows; true while an entry of the soak's still shows In progress. */
    compare(activity, { final = true } = {}) {
      const open = intents.filter((e) => e.outcome === 'pending' || (e.undo && !e.undo.settled))
      if (open.length === 0) return false
      let waiting = false
      // Activity keeps the newest 500 entries of the organization; the oldest may have gone.
      const expected = intents.length - activityBase
      if (activity.length > expected) {
        mismatch('activity', `Activity lists ${activity.length} changes, the soak made ${expected}`)
        return false
      }
      // Fewer entries than writes, below the cap: a write the person made is missing from the record.
      if (activity.length < Math.min(expected, 500) && shortfall !== expected - activity.length) {
        shortfall = expected - activity.length
        mismatch('activity', `Activity lists ${activity.length} changes, the soak made ${expected}`)
      }
      const offset = activityBase + expected - activity.length
      const to = mark()
      for (const entry of open) {
        const shown = activity[entry.index - offset]
        if (!shown) continue
        if (!entry.labelIncludes.every((part) => shown.label.includes(part))) {
          // Said once: the entry is set aside, so later reads do not repeat it.
          entry.outcome = 'mislabelled'
          if (entry.undo) entry.undo.settled = true
          mismatch(
            'activity',
            `entry ${entry.index} reads “${shown.label}”, expected ${entry.labelIncludes.join(' … ')}`,
          )
          continue
        }
        const outcome = OUTCOMES[shown.outcome] ?? shown.outcome
        if (outcome === 'pending' && !final) {
          waiting = true
          continue
        }
        shown.where = `entry ${entry.index + 1} of ${intents.length}, Activity lists ${activity.length}`
        if (entry.outcome === 'pending') this.settleWrite(entry, outcome, shown, to)
        else if (entry.undo && !entry.undo.settled) this.settleUndo(entry, outcome, shown, to)
      }
      return waiting
    },

    settleWrite(entry, outcome, shown, to) {
      if (outcome === 'pending') {
        if (!entry.stuck)
          mismatch(
            'stuck',
            `“${shown.label}” still shows In progress while nothing is being saved (${shown.where})`,
          )
        entry.stuck = true
        return
      }
      entry.outcome = outcome
      entry.to = to
      entry.canUndo = entry.items ? null : shown.undo
      tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1
      if (!entry.items) return this.verify(entry, outcome, shown.label, shown.outcome, to)
      // A batch: its entry is Done when anyone was done; each person's own outcome (from the batch's
      // results) is what is checked.
      for (const item of entry.items) {
        const itemOutcome = item.outcome ?? 'missing'
        if (itemOutcome === 'missing') {
          mismatch('activity', `“${shown.label}”: no result shown for ${item.name}`)
          continue
        }
        if (itemOutcome !== 'skipped')
          this.verify(item, itemOutcome, `${shown.label}: ${item.name}`, itemOutcome, to, entry.from)
      }
    },

    /** One write (or one person of a batch) against the data and the request log. */
    verify(subject, outcome, label, shownAs, to, from = subject.from) {
      const { applied } = requestsOf(subject, from, to)
      const { lost, reread } = rereadAfterLoss(subject, from, to)
      if (applied > 1) mismatch('applied twice', `“${label}” was applied ${applied} times`)
      if (lost && !reread && outcome !== 'uncertain')
        mismatch('uncertain', `“${label}” lost its answer and was shown ${shownAs} without a re-read`)
      if (outcome === 'done') {
        for (const e of holds(subject.effects, 'after'))
          mismatch(
            'lost write',
            `“${label}” shown Done, but ${e.key} is ${show(truth.valueOf(e.key))}, not ${show(e.after)}`,
          )
        if (applied === 0 && world.writeStats())
          mismatch('lost write', `“${label}” shown Done, but no write of it was applied`)
        for (const e of subject.effects) model.set(e.key, e.after)
      } else if (outcome === 'uncertain') {
        for (const e of subject.effects) model.set(e.key, UNKNOWN)
      } else if (outcome === 'refused' || outcome === 'failed' || outcome === 'not-sent') {
        const [primary] = subject.effects
        if (primary && truth.valueOf(primary.key) !== primary.before)
          mismatch(
            'shown failed',
            `“${label}” shown ${shownAs}, but Tallyfy holds the change (${primary.key})`,
          )
        if (applied > 0)
          mismatch('shown failed', `“${label}” shown ${shownAs}, but a write of it was applied`)
      } else {
        mismatch('activity', `“${label}” has an outcome the soak does not know: ${shownAs}`)
      }
    },

    settleUndo(entry, outcome, shown, to) {
      if (outcome === 'pending') return
      entry.undo.settled = true
      const { applied } = requestsOf(entry, entry.undo.from, to)
      const { lost, reread } = rereadAfterLoss(entry, entry.undo.from, to)
      if (applied > 1) mismatch('applied twice', `Undo of “${shown.label}” was applied ${applied} times`)
      if (outcome === 'undone') {
        entry.outcome = 'undone'
        for (const e of holds(entry.effects, 'before'))
          mismatch(
            'lost write',
            `“${shown.label}” shown Undone, but ${e.key} is ${show(truth.valueOf(e.key))}`,
          )
        for (const e of entry.effects) model.set(e.key, e.before)
      } else if (lost && !reread) {
        for (const e of entry.effects) model.set(e.key, UNKNOWN)
      } else if (/could not tell|uncertain|not sure|check/i.test(shown.detail) && lost) {
        for (const e of entry.effects) model.set(e.key, UNKNOWN)
      } else {
        // Undo failed and said so: the write stands.
        for (const e of holds(entry.effects, 'after'))
          mismatch(
            'lost write',
            `Undo of “${shown.label}” failed, yet ${e.key} is ${show(truth.valueOf(e.key))}`,
          )
      }
    },

    /**
     * After a full reload the Activity record starts over: a write not settled by then is never seen
     * settled, so its effects are unknown (the end's checks skip them).
     */
    reloaded() {
      for (const entry of intents.slice(activityBase)) {
        if (entry.outcome === 'pending' || (entry.undo && !entry.undo.settled)) {
          entry.outcome = 'unseen'
          if (entry.undo) entry.undo.settled = true
          for (const e of effectsOf(entry)) model.set(e.key, UNKNOWN)
        }
      }
      activityBase = intents.length
    },

    /** Every key the person was last told about must still hold (at the end, after a full reload). */
    verifyModel() {
      let checked = 0
      for (const [key, value] of model) {
        if (value === UNKNOWN) continue
        checked++
        const now = truth.valueOf(key)
        if (now !== value)
          mismatch(
            'lost write',
            `${key} is ${show(now)}; the last write the person saw done left it ${show(value)}`,
          )
      }
      return checked
    },

    /** Writes that never settled (still pending at the end). */
    unsettled: () => intents.filter((e) => e.outcome === 'pending' || (e.undo && !e.undo.settled)),
  }
}
