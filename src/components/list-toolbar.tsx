// The bar above every list's table but the members directory (which has filters of its own): the
// search box on one side; the count, announced politely as it changes, and the list's actions
// ("Export CSV") on the other. Lists look and read alike because they share this one piece.
import type { ReactNode } from 'react'
import './list-toolbar.css'

export function ListToolbar({
  search,
  count,
  children,
}: {
  /** A <SearchBox>, or nothing when the search sits elsewhere. */
  search?: ReactNode
  /** "12 of 40 groups". */
  count: ReactNode
  /** The list's actions, after the count. */
  children?: ReactNode
}) {
  return (
    <div className="list-toolbar">
      {search}
      <div className="list-toolbar__end">
        <p className="list-toolbar__count" aria-live="polite">
          {count}
        </p>
        {children}
      </div>
    </div>
  )
}
