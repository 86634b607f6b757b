import { useEffect, useState } from 'react'
import { LOADING_DELAY_MS } from './states'
import './skeleton.css'

/** What a placeholder cell looks like: a round picture, a square logo, a line of text, a badge or a count. */
type SkeletonColumn = 'avatar' | 'logo' | 'name' | 'text' | 'badge' | 'number'

/**
 * Placeholder rows shaped like the table that is loading, so the page keeps its layout and the
 * real rows replace them in place. The shapes are hidden from assistive technology; a polite
 * status says what is loading instead (after a short delay, so a fast load stays silent, and
 * the shapes themselves fade in only after that delay too: see skeleton.css).
 */
export function TableSkeleton({
  label,
  columns,
  rows = 8,
  className,
}: {
  label: string
  columns: readonly SkeletonColumn[]
  rows?: number
  className?: string
}) {
  const [announce, setAnnounce] = useState(false)
  // A timer, not data: it only decides when the status text is spoken.
  useEffect(() => {
    const id = window.setTimeout(() => setAnnounce(true), LOADING_DELAY_MS)
    return () => window.clearTimeout(id)
  }, [])
  return (
    // state--loading marks "still loading" for tests and the screenshot script, as LoadingState does.
    <div className={['skeleton', 'state--loading', className].filter(Boolean).join(' ')}>
      <output className="visually-hidden" aria-live="polite">
        {announce ? label : null}
      </output>
      <div className="skeleton__table" aria-hidden="true">
        <div className="skeleton__head" />
        {Array.from({ length: rows }, (_, row) => (
          <div key={row} className="skeleton__row">
            {columns.map((kind, column) => (
              <span key={column} className={`skeleton__cell skeleton__cell--${kind}`}>
                <span className="skeleton__shape" />
              </span>
            ))}
          </div>
        ))}
      </div>
    </div>
  )
}
