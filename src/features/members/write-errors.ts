// The words shown when Tallyfy refuses a change to a member. Its refusals (400 for the default
// administrator or a bot, 403 for permissions or a business rule, 409 for seats, 422 for validation)
// are shown as Tallyfy wrote them; anything else gets Roster's usual description.
import { describeApiError, isApiError } from '../../api/errors'

const REFUSALS = new Set([400, 403, 409, 422])

export function memberWriteError(error: unknown): string {
  if (isApiError(error) && error.kind === 'http' && REFUSALS.has(error.status ?? 0)) {
    const firstField = Object.values(error.fieldErrors)[0]?.[0]
    // A 422's own message is Laravel's generic "The given data was invalid."; the field says why.
    const words =
      error.status === 422 ? (firstField ?? error.serverMessage) : (error.serverMessage ?? firstField)
    if (words) return words
  }
  return describeApiError(error, 'member').message
}
