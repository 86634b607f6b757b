import { useId, type ReactNode } from 'react'
import { Link } from 'react-router'
import { formatCount } from '../../lib/format'

/** "12 invitations older than 14 days", "1 guest": a count and what it counts, for a link's name. */
export function countName(count: number, one: string, other: string): string {
  return `${formatCount(count)} ${count === 1 ? one : other}`
}

/**
 * One headline figure: the number big, what it counts above it, and the whole card a link to the
 * list of exactly those people. The link's name says both ("12 invitations older than 14 days");
 * the hint below is its description; `extra` sits outside the link (it may hold a link of its own).
 */
export function FigureCard({
  to,
  label,
  count,
  name,
  partial,
  hint,
  extra,
  attention = false,
}: {
  to: string
  label: string
  count: number
  /** The link's name, number included (see `countName`). */
  name: string
  /** The directory is still incomplete: the number can only grow. */
  partial?: boolean
  hint?: ReactNode
  extra?: ReactNode
  /** A figure someone should act on: marked when it is not zero. */
  attention?: boolean
}) {
  const hintId = useId()
  const flagged = attention && count > 0
  return (
    <div className={`figure-card${flagged ? ' figure-card--attention' : ''}`}>
      <Link
        to={to}
        className="figure-card__link"
        aria-label={partial ? `${name} so far` : name}
        aria-describedby={hint ? hintId : undefined}
      >
        <span className="figure-card__label">{label}</span>
        <span className="figure-card__value">
          {formatCount(count)}
          {partial && <span className="figure-card__partial">so far</span>}
        </span>
      </Link>
      {hint && (
        <p id={hintId} className="figure-card__hint">
          {hint}
        </p>
      )}
      {extra && <div className="figure-card__extra">{extra}</div>}
    </div>
  )
}
