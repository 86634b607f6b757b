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
            <ActivityItem key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </Dialog>
  )
}

function ActivityItem({ entry }: { entry: ActivityEntry }) {
  const at = new Date(entry.settledAt ?? entry.startedAt).toISOString()
  return (
    <li className={`activity-item activity-item--${entry.outcome}`}>
      <div className="activity-item__head">
        <span className="activity-item__label">{entry.label}</span>
        <span className={`badge activity-outcome activity-outcome--${entry.outcome}`}>
          {outcomeLabel[entry.outcome]}
        </span>
      </div>
      {entry.detail ? <p className="activity-item__detail">{entry.detail}</p> : null}
      <div className="activity-item__foot">
        <RelativeTime iso={at} />
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
