// A batch in the dialog: its progress while it runs (a progress bar with its value, "12 of 40",
// "Waiting 3 s for Tallyfy's rate limit" while a 429 pauses it, Stop), then its results: one row per
// person with the outcome and its detail, "Download results", "Retry failed" (refused and uncertain
// only) and "Undo" for the batches that can be taken back.
// The progress bar is a div with role="progressbar", not <progress>: its value is stated in
// aria-valuenow (what tests and assistive technology read alike), and it is drawn to match the theme
// in every browser.
/* oxlint-disable jsx-a11y/prefer-tag-over-role */
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { meQueries } from '../../../api/me'
import { batches, useBatch, type BatchState, type ItemStatus } from '../../../api/writes/batch'
import { activity } from '../../../api/writes/activity'
import { formatCount } from '../../../lib/format'
import type { CacheContext } from '../member-write-actions'
import { bulkRuns, canUndo, isEnded, retryFailed, type BulkRun } from './bulk-run'
import { downloadText } from '../../../components/data-table/csv-export'
import { outcomeLabel, resultsCsv, resultsFileName } from './results-csv'
import '../../../components/scroll-table.css'

const statuses: readonly ItemStatus[] = ['done', 'skipped', 'refused', 'uncertain', 'failed', 'not-sent']
const PAGE = 100

interface BatchViewProps {
  ctx: CacheContext
  id: string
  onClose: () => void
  /** Shows another batch in this dialog (a Retry, an Undo). */
  onShow: (id: string) => void
}

export function BatchView({ ctx, id, onClose, onShow }: BatchViewProps) {
  const run = bulkRuns.get(id) ?? null
  const state = useBatch(run?.handle ?? batches.get(id) ?? null)
  if (!run || !state)
    return (
      <>
        <p>These results are no longer kept: they belonged to a session that has ended.</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </>
    )
  return isEnded(state) ? (
    <Results ctx={ctx} run={run} state={state} onClose={onClose} onShow={onShow} />
  ) : (
    <Progress run={run} state={state} onClose={onClose} />
  )
}

// ─── while it runs ───────────────────────────────────────────────────────────

/** The time, every second while `ticking` (the rate-limit countdown). */
function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    const tick = () => setNow(Date.now())
    // At once (the time of the first render may be long past), then four times a second.
    const first = setTimeout(tick, 0)
    const timer = setInterval(tick, 250)
    return () => {
      clearTimeout(first)
      clearInterval(timer)
    }
  }, [ticking])
  return now
}

function Progress({ run, state, onClose }: { run: BulkRun; state: BatchState; onClose: () => void }) {
  const stopRef = useRef<HTMLButtonElement>(null)
  const noteId = useId()
  // The confirm button that was pressed is gone: Stop is the one thing to do now.
  useEffect(() => stopRef.current?.focus(), [])
  // The counts, not the list: listing everyone settled at every answer would cost more than the answer.
  const done = Object.values(state.counts).reduce((sum, n) => sum + n, 0)
  const total = state.total
  const waitingUntil = state.phase === 'waiting' ? state.waitingUntil : null
  const now = useNow(waitingUntil !== null)
  const seconds = waitingUntil !== null ? Math.max(1, Math.ceil((waitingUntil - now) / 1000)) : null
  const share = total === 0 ? 0 : done / total
  const phase =
    seconds !== null
      ? `Waiting ${seconds} s for Tallyfy's rate limit`
      : state.phase === 'stopping'
        ? 'Stopping: the requests already sent are finishing. Nothing more is sent.'
        : 'Sending, at most 4 requests at a time.'
  // Announced once per change of phase, not once per second of the countdown.
  const announced =
    state.phase === 'waiting'
      ? "Paused: Tallyfy's rate limit. Roster goes on by itself."
      : state.phase === 'stopping'
        ? 'Stopping.'
        : ''
  const sofar = statuses.filter((s) => state.counts[s] > 0)

  return (
    <div className="bulk-progress">
      <div
        className="bulk-progress__bar"
        role="progressbar"
        aria-label={run.label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(total)}`}
      >
        <span className="bulk-progress__fill" style={{ transform: `scaleX(${share})` }} />
      </div>
      <p className="bulk-progress__count">
        {formatCount(done)} of {formatCount(total)}
      </p>
      <p className={`bulk-progress__phase${seconds !== null ? ' bulk-progress__phase--waiting' : ''}`}>
        {phase}
      </p>
      <output className="visually-hidden">{announced}</output>
      {sofar.length > 0 ? (
        <ul className="bulk-outcomes" aria-label="So far">
          {sofar.map((s) => (
            <li key={s} className={`bulk-outcome bulk-outcome--${s}`}>
              {formatCount(state.counts[s])} {outcomeLabel[s].toLowerCase()}
            </li>
          ))}
        </ul>
      ) : null}
      <p id={noteId} className="bulk-progress__note">
        Closing this keeps it running. The Activity panel shows its progress, and its “Show results” opens
        this again.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose} aria-describedby={noteId}>
          Continue in the background
        </button>
        <button
          ref={stopRef}
          type="button"
          className="button button--danger"
          onClick={() => run.handle.stop()}
          disabled={state.phase === 'stopping'}
        >
          Stop
        </button>
      </div>
    </div>
  )
}

// ─── after it ran ────────────────────────────────────────────────────────────

/** Whether the batch's Undo has been used, re-read when Activity changes (its Undo may be pressed there). */
function useUndoneBy(run: BulkRun): string | null {
  return useSyncExternalStore(
    activity.subscribe,
    () => run.undoneBy,
    () => run.undoneBy,
  )
}

function Results({
  ctx,
  run,
  state,
  onClose,
  onShow,
}: {
  ctx: CacheContext
  run: BulkRun
  state: BatchState
  onClose: () => void
  onShow: (id: string) => void
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const tableId = useId()
  // Focus moves from Stop (gone) or the confirm button to what happened.
  useEffect(() => headingRef.current?.focus(), [])
  const [show, setShow] = useState<ItemStatus | 'all'>('all')
  const [limit, setLimit] = useState(PAGE)
  const organizations = useQuery(meQueries.organizations(ctx.orgId))
  const orgName =
    organizations.data?.find((o) => o.id.toLowerCase() === ctx.orgId.toLowerCase())?.name ?? ctx.orgId
  const undoneBy = useUndoneBy(run)

  const rows = useMemo(
    () => (show === 'all' ? state.results : state.results.filter((r) => r.status === show)),
    [state.results, show],
  )
  const retryCount = state.counts.refused + state.counts.uncertain
  const undoable = canUndo(run, state) && undoneBy === null
  const isUndo = run.kind.startsWith('undo-')
  const present = statuses.filter((s) => state.counts[s] > 0)

  return (
    <div className="bulk-results">
      <h3 ref={headingRef} tabIndex={-1} className="bulk-results__title">
        {state.phase === 'finished'
          ? 'Finished'
          : state.phase === 'halted'
            ? 'Stopped by Tallyfy'
            : 'Stopped'}
      </h3>
      <ul className="bulk-outcomes" aria-label="Outcomes">
        {present.map((s) => (
          <li key={s} className={`bulk-outcome bulk-outcome--${s}`}>
            {outcomeSummary(s, state.counts[s], isUndo)}
          </li>
        ))}
      </ul>
      {state.phase === 'halted' ? (
        <p className="dialog__error">Tallyfy refused to go on: “{state.halt}” The rest were not sent.</p>
      ) : state.phase === 'stopped' && state.counts['not-sent'] > 0 ? (
        <p className="bulk-results__note">Stopped before the end: the rest were not sent.</p>
      ) : null}

      <div className="bulk-results__toolbar">
        <label className="bulk-results__filter">
          <span className="field__label">Show</span>
          <select
            className="input"
            value={show}
            aria-controls={tableId}
            onChange={(event) => {
              setShow(event.target.value as ItemStatus | 'all')
              setLimit(PAGE)
            }}
          >
            <option value="all">Everyone ({formatCount(state.results.length)})</option>
            {present.map((s) => (
              <option key={s} value={s}>
                {outcomeWord(s, isUndo)} ({formatCount(state.counts[s])})
              </option>
            ))}
          </select>
        </label>
      </div>

      {/* Scrolls on its own: a named region in the tab order, so the keyboard can scroll it too. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region (axe: scrollable-region-focusable) */}
      <div className="scroll-table bulk-results__scroll" role="region" aria-label="Results" tabIndex={0}>
        <table id={tableId} className="bulk-results__table">
          <caption className="visually-hidden">Result for each person</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, limit).map((result) => {
              const person = run.names.get(result.key)
              return (
                <tr key={result.key}>
                  <th scope="row" className="bulk-results__name">
                    {person?.name ?? `Member #${result.key}`}
                    {person?.email ? <span className="bulk-results__email">{person.email}</span> : null}
                  </th>
                  <td>
                    <span className={`badge bulk-outcome bulk-outcome--${result.status}`}>
                      {outcomeWord(result.status, isUndo)}
                    </span>
                  </td>
                  <td className="bulk-results__detail">{result.detail ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {rows.length > limit ? (
        <button type="button" className="button button--small" onClick={() => setLimit((n) => n + PAGE)}>
          Show {formatCount(Math.min(PAGE, rows.length - limit))} more of {formatCount(rows.length - limit)}
        </button>
      ) : null}

      <div className="dialog__actions bulk-results__actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            downloadText(
              resultsCsv(state.results, run.names),
              resultsFileName(orgName, run.label, new Date()),
            )
          }
        >
          Download results
        </button>
        {retryCount > 0 ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              const again = retryFailed(ctx, run)
              if (again) onShow(again.handle.id)
            }}
          >
            Retry failed
          </button>
        ) : null}
        {undoable ? (
          <button type="button" className="button" onClick={() => activity.undo(run.handle.record.id)}>
            Undo
          </button>
        ) : undoneBy !== null && bulkRuns.get(undoneBy) ? (
          <button type="button" className="button" onClick={() => onShow(undoneBy)}>
            Show the Undo
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </div>
  )
}

/** An Undo's people were undone, or not undone (changed since): its own words for done and skipped. */
function outcomeWord(status: ItemStatus, isUndo: boolean): string {
  if (isUndo && status === 'done') return 'Undone'
  if (isUndo && status === 'skipped') return 'Not undone'
  return outcomeLabel[status]
}

function outcomeSummary(status: ItemStatus, count: number, isUndo: boolean): string {
  const n = formatCount(count)
  if (isUndo && status === 'done') return `${n} undone`
  if (isUndo && status === 'skipped') return `${n} not undone: changed since`
  return `${n} ${outcomeLabel[status].toLowerCase()}`
}
