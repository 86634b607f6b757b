import { Link } from 'react-router'
import { formatCount } from '../../lib/format'

export type BarTone = 'accent' | 'muted' | 'warning' | 'neutral'

export interface BarRow {
  key: string
  label: string
  count: number
  to: string
  /** The link's name: what a screen reader hears for the bar ("This week: 23 members"). */
  name: string
  tone?: BarTone
}

const shareFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 })

/**
 * Horizontal bars, one link per row: label, an SVG bar and the count. Bars are scaled to `scale`
 * (the largest row, or a total when the rows are parts of it); `total` adds each row's share.
 */
export function BarList({
  rows,
  scale,
  total,
  label,
  layout = 'inline',
}: {
  rows: readonly BarRow[]
  scale: number
  total?: number
  label?: string
  /** inline: label, bar, count on one line (charts); stacked: label and count over a full-width bar (cards). */
  layout?: 'inline' | 'stacked'
}) {
  return (
    <ul className={`bar-list bar-list--${layout}`} aria-label={label}>
      {rows.map((row) => {
        const fraction = scale > 0 ? Math.min(row.count / scale, 1) : 0
        return (
          <li key={row.key}>
            <Link to={row.to} className="bar-list__row" aria-label={row.name}>
              <span className="bar-list__label">{row.label}</span>
              <svg className="bar-list__bar" aria-hidden="true" focusable="false" width="100%" height="10">
                <rect className="bar-list__track" x="0" y="0" width="100%" height="10" rx="5" />
                {row.count > 0 && (
                  <rect
                    className={`bar-list__fill bar-list__fill--${row.tone ?? 'accent'}`}
                    x="0"
                    y="0"
                    // At least a sliver, so a small count never looks like none.
                    width={`${Math.max(fraction * 100, 1.5)}%`}
                    height="10"
                    rx="5"
                  />
                )}
              </svg>
              <span className="bar-list__value">
                {formatCount(row.count)}
                {total !== undefined && total > 0 && (
                  <span className="bar-list__share">{shareFormat.format(row.count / total)}</span>
                )}
              </span>
            </Link>
          </li>
        )
      })}
    </ul>
  )
}
