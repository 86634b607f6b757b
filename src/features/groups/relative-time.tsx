import { formatDateTime, formatRelative } from '../../lib/format'

/**
 * "3 days ago", with the exact date and time in the tooltip and in text a screen reader reads.
 * The exact text also shows when the row holding it has keyboard focus (see groups.css), so
 * sighted keyboard users get what hover gives mouse users without an extra tab stop per row.
 */
export function RelativeTime({ iso }: { iso: string | null }) {
  const exact = formatDateTime(iso)
  const relative = formatRelative(iso)
  if (!iso || exact === null || relative === null) {
    return <span className="relative-time relative-time--none">—</span>
  }
  return (
    <time className="relative-time" dateTime={iso} title={exact}>
      {relative}
      <span className="relative-time__exact">{exact}</span>
    </time>
  )
}
