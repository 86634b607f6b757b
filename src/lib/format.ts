// Numbers and dates for people, through Intl and the browser's locale (undefined = the browser's).
// Functions that take a date accept the API's ISO strings and return null for missing or
// unparseable values, so callers render their own "not set" rather than "Invalid Date".

const countFormat = new Intl.NumberFormat()
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatCount(n: number): string {
  return countFormat.format(n)
}

/** "1,242 members", "1 member", or "12 of 1,242 members" when only some are shown. */
export function describeCount(
  shown: number,
  total: number,
  noun: { one: string; other: string } = { one: 'member', other: 'members' },
): string {
  const word = total === 1 ? noun.one : noun.other
  if (shown === total) return `${formatCount(total)} ${word}`
  return `${formatCount(shown)} of ${formatCount(total)} ${word}`
}

/** Milliseconds since the epoch, or null for a missing or unparseable date. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null
  const time = Date.parse(iso)
  return Number.isNaN(time) ? null : time
}

export function formatDate(iso: string | null | undefined): string | null {
  const time = parseTime(iso)
  return time === null ? null : dateFormat.format(time)
}

export function formatDateTime(iso: string | null | undefined): string | null {
  const time = parseTime(iso)
  return time === null ? null : dateTimeFormat.format(time)
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 60 * 60 * 1000],
  ['month', 30 * 24 * 60 * 60 * 1000],
  ['week', 7 * 24 * 60 * 60 * 1000],
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
]

/** "3 days ago", "yesterday", "in 2 hours", "just now"; null for a missing date. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now()): string | null {
  const time = parseTime(iso)
  if (time === null) return null
  const diff = time - now
  const abs = Math.abs(diff)
  for (const [unit, size] of units) {
    if (abs >= size) return relativeFormat.format(Math.round(diff / size), unit)
  }
  return 'just now'
}
