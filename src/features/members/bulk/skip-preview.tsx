// Who the action will leave alone, and why, before anything is sent: one line per reason with its
// count, and the people behind them in a disclosure (a long selection may skip thousands: the first
// few hundred are listed, and the count says how many more).
import { useId } from 'react'
import { skipReasons, type BulkAction, type BulkPreview } from '../../../lib/bulk-preview'
import { formatCount } from '../../../lib/format'
import { skipCountText, skipReasonText } from './bulk-kinds'

const MAX_LISTED = 300

export function SkipPreview({ action, preview }: { action: BulkAction | null; preview: BulkPreview }) {
  const titleId = useId()
  const skipped = preview.skipped.length
  if (skipped === 0) return null
  const target =
    action?.kind === 'role'
      ? { role: action.role }
      : action && 'group' in action
        ? { groupName: action.group.name }
        : {}
  const listed = preview.skipped.slice(0, MAX_LISTED)
  return (
    <section className="bulk-skips" aria-labelledby={titleId}>
      <h3 id={titleId} className="bulk-skips__title">
        {formatCount(skipped)} will be skipped
      </h3>
      <ul className="bulk-skips__counts">
        {skipReasons
          .filter((reason) => (preview.counts[reason] ?? 0) > 0)
          .map((reason) => (
            <li key={reason}>{skipCountText(reason, preview.counts[reason] ?? 0, target)}</li>
          ))}
      </ul>
      <details className="bulk-skips__details">
        <summary>Show who is skipped</summary>
        {/* Scrolls on its own when long: in the tab order, so the keyboard can scroll it too. */}
        {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region (axe: scrollable-region-focusable) */}
        <ul className="bulk-skips__people" aria-label="Who is skipped" tabIndex={0}>
          {listed.map((skip) => (
            <li key={skip.id}>
              <span className="bulk-skips__name">{skip.member?.fullName ?? `Member #${skip.id}`}</span>
              <span className="bulk-skips__reason">{skipReasonText(skip.reason, target)}</span>
            </li>
          ))}
        </ul>
        {skipped > listed.length ? (
          <p className="bulk-skips__more">And {formatCount(skipped - listed.length)} more.</p>
        ) : null}
      </details>
    </section>
  )
}
