import { parseTime } from './format'

// `parseTime` for code that reads every date of a 100,000-member directory at once: `Date.parse`
// costs about 150 ns a call, which at two dates a member is most of the overview's 50 ms. Tallyfy's
// dates are almost all `2025-02-02T21:46:52.000Z` or `…+02:00`; those are read here by hand (a few
// ns, no allocation), and anything else goes to `parseTime`, so the answer is always `Date.parse`'s.

// Digits are read one by one without a loop, so the optimiser inlines every read. A character that
// is not a digit gives a value outside 0-9 (`>>> 0` turns negatives into large numbers); callers check
// the length first, since past the end charCodeAt is NaN.
const digit = (s: string, at: number) => s.charCodeAt(at) - 48

function two(s: string, at: number): number {
  const tens = digit(s, at)
  const ones = digit(s, at + 1)
  return tens >>> 0 > 9 || ones >>> 0 > 9 ? -1 : tens * 10 + ones
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** `YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)` read by hand; null when the string is not exactly that. */
function readIso(s: string): number | null {
  const length = s.length
  if (length < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return null
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return null
  const century = two(s, 0)
  const yearOfCentury = two(s, 2)
  const month = two(s, 5)
  const day = two(s, 8)
  const hour = two(s, 11)
  const minute = two(s, 14)
  const second = two(s, 17)
  const year = century * 100 + yearOfCentury
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23)
    return null
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return null
  if (day > (month === 2 && isLeap(year) ? 29 : monthDays[month - 1]!)) return null
  let at = 19
  let millis = 0
  if (s.charCodeAt(at) === 46) {
    if (length < 24) return null
    const hundreds = digit(s, 20)
    const rest = two(s, 21)
    if (hundreds >>> 0 > 9 || rest < 0) return null
    millis = hundreds * 100 + rest
    at = 23
  }
  let offset = 0
  const sign = s.charCodeAt(at)
  if (sign === 90 && length === at + 1) offset = 0
  else if ((sign === 43 || sign === 45) && length === at + 6 && s.charCodeAt(at + 3) === 58) {
    const offsetHours = two(s, at + 1)
    const offsetMinutes = two(s, at + 4)
    if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) return null
    offset = (sign === 43 ? 1 : -1) * (offsetHours * 60 + offsetMinutes) * 60_000
  } else return null
  const days = daysFromCivil(year, month, day)
  return days * 86_400_000 + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset
}

/** Milliseconds since the epoch, or null for a missing or unparseable date: `parseTime`, faster. */
export function parseIsoTime(value: string | null | undefined): number | null {
  if (typeof value !== 'string') return parseTime(value)
  return readIso(value) ?? parseTime(value)
}
