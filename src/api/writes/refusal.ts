import { describeApiError, tallyfyWords } from '../describe-error'
import { isApiError } from '../errors'
import { isUncertainWrite } from './uncertain'

// The one message a person reads when a write fails, whatever the resource and wherever it shows
// (a form's error line, an alert dialog, a notice, the Activity panel): Tallyfy's own words when it
// refused (a 422's field message, a 400/403/409's message), verbatim; Roster's words otherwise.

interface RefusalOptions {
  /** Names the record in Roster's own words ("member", "group"). */
  what?: string
  /**
   * Tallyfy's field paths name positions in what was sent ("members.3"); this maps one to the
   * person it was about ("Bob Smith"), so the message says who, not which index.
   */
  nameOfField?: (field: string) => string | null
}

const SEATS_TAKEN =
  'Every seat in the organization’s plan is taken, so Tallyfy refused. Free a seat (withdraw an invitation or disable someone) or add seats in Tallyfy, then try again.'

export function refusalMessage(error: unknown, { what = 'item', nameOfField }: RefusalOptions = {}): string {
  // Roster could not tell whether Tallyfy made the change: its own words say what to check.
  if (isUncertainWrite(error)) return error.message
  const words = tallyfyWords(error)
  if (!words) {
    // The seat pool's refusal is known (tallyfy-api.md §6): without Tallyfy's words, say what it means.
    if (isApiError(error) && error.status === 409 && error.code === 'SEAT_POOL_EXHAUSTED') return SEATS_TAKEN
    return describeApiError(error, what).message
  }
  const name = words.field ? nameOfField?.(words.field) : null
  return name ? `${name}: ${words.message}` : words.message
}
