// The one way Roster shows a date: a <time> with the machine-readable value, the text through Intl
// in the browser's locale (lib/format.ts), and "not set" for a missing or unparseable date.
import type { ReactNode } from 'react'
import { formatDate, formatDateTime, formatRelative } from '../lib/format'
import './date-display.css'

/** "—" for screens, "not set" for screen readers. */
export function NotSet() {
  return (
    <span className="not-set">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not set</span>
    </span>
  )
}

/** "12 Mar 2024", or with `withTime` "12 Mar 2024, 14:05 (3 days ago)"; the exact time in the tooltip. */
export function DateValue({ iso, withTime = false }: { iso: string | null; withTime?: boolean }) {
  const text = withTime ? formatDateTime(iso) : formatDate(iso)
  if (!iso || !text) return <NotSet />
  const relative = withTime ? formatRelative(iso) : null
  return (
    <time dateTime={iso} title={formatDateTime(iso) ?? undefined}>
      {text}
      {relative ? ` (${relative})` : null}
    </time>
  )
}

/**
 * "3 days ago" in a table cell, with the exact date and time in the tooltip and in text a screen
 * reader reads. The exact text replaces the relative one while keyboard focus is in the row (see
 * date-display.css), so keyboard users get what hover gives mouse users without an extra tab stop.
 */
export function RelativeTime({ iso, none }: { iso: string | null; none?: ReactNode }) {
  const exact = formatDateTime(iso)
  const relative = formatRelative(iso)
  if (!iso || exact === null || relative === null) return none ?? <NotSet />
  return (
    <time className="relative-time" dateTime={iso} title={exact}>
      <span className="relative-time__relative">{relative}</span>
      <span className="relative-time__exact"> ({exact})</span>
    </time>
  )
}
