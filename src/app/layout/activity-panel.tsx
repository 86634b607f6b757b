// The Activity panel: every write of this session, newest first, with how it ended and Undo while
// Undo is still possible. Outcomes land in api/writes/activity.ts whatever happened to the notice or
// the page that started them, so this is the one place an outcome can never be lost.
import { activity, useActivity, type ActivityEntry, type WriteOutcome } from '../../api/writes/activity'
import { RelativeTime } from '../../components/date-display'
import { Dialog } from '../../components/dialog'
import { useOrgId } from '../../features/auth/session'
import './activity-panel.css'

const outcomeLabel: Record<WriteOutcome, string> = {
  pending: 'In progress',
  done: 'Done',
  refused: 'Refused by Tallyfy',
  uncertain: 'Uncertain',
  undone: 'Undone',
  failed: 'Failed',
  'not-sent': 'Not sent',
}

export function ActivityPanel({ onClose }: { onClose: () => void }) {
  const orgId = useOrgId()
  const entries = useActivity(orgId)
  return (
    <Dialog title="Activity" onClose={onClose} className="activity-panel">
      {entries.length === 0 ? (
        <p className="activity-panel__empty">
          No changes yet in this session. Every change you make here, and how it ended, is listed in this
          panel.
        </p>
      ) : (
        <ol className="activity-list" aria-label="Changes in this session, newest first">
          {entries.map((entry) => (
            <ActivityItem key={entry.id} entry={entry} onClose={onClose} />
          ))}
        </ol>
      )}
    </Dialog>
  )
}

const numberFormat = new Intl.NumberFormat()

function ActivityItem({ entry, onClose }: { entry: ActivityEntry; onClose: () => void }) {
  const at = new Date(entry.settledAt ?? entry.startedAt).toISOString()
  const { progress, open } = entry
  return (
    <li className={`activity-item activity-item--${entry.outcome}`}>
      <div className="activity-item__head">
        <span className="activity-item__label">{entry.label}</span>
        <span className={`badge activity-outcome activity-outcome--${entry.outcome}`}>
          {outcomeLabel[entry.outcome]}
        </span>
      </div>
      {entry.outcome === 'pending' && progress ? (
        <div className="activity-item__progress">
          <progress
            max={Math.max(progress.total, 1)}
            value={progress.done}
            aria-label={`Progress: ${entry.label}`}
          />
          <span>
            {numberFormat.format(progress.done)} of {numberFormat.format(progress.total)}
          </span>
        </div>
      ) : null}
      {entry.detail ? <p className="activity-item__detail">{entry.detail}</p> : null}
      <div className="activity-item__foot">
        <RelativeTime iso={at} />
        {open ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`${open.label}: ${entry.label}`}
            onClick={() => {
              // The panel makes way for the view it opens (a batch's results dialog).
              onClose()
              open.run()
            }}
          >
            {open.label}
          </button>
        ) : null}
        {entry.canUndo ? (
          <button
            type="button"
            className="button button--small"
            aria-label={`Undo: ${entry.label}`}
            onClick={() => activity.undo(entry.id)}
          >
            Undo
          </button>
        ) : null}
      </div>
    </li>
  )
}
