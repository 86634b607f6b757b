import { isApiError, isNotFound } from '../errors'

// A write whose answer was lost may still have happened: the connection dropped after it was sent,
// or Tallyfy answered 5xx (which may come after the change was made). Such a failure is uncertain,
// never "failed": the record is read again, and what the server now holds decides.

/** The failure leaves it open whether Tallyfy made the change. */
export function isUncertainFailure(error: unknown): boolean {
  if (!isApiError(error)) return false
  if (error.kind === 'network') return true
  return error.kind === 'http' && (error.status ?? 0) >= 500
}

/** Reading the record again did not tell either (the connection is still down, say). */
export class UncertainWriteError extends Error {
  override readonly name = 'UncertainWriteError'
}

export const isUncertainWrite = (error: unknown): error is UncertainWriteError =>
  error instanceof UncertainWriteError

/**
 * Reading the record again showed that the write no longer applies: what it was for has changed
 * meanwhile (an invitation to resend was accepted or withdrawn). Not done, and not worth repeating;
 * the message says what was found, for the person's result.
 */
export class NoLongerAppliesError extends Error {
  override readonly name = 'NoLongerAppliesError'
}

export const isNoLongerApplies = (error: unknown): error is NoLongerAppliesError =>
  error instanceof NoLongerAppliesError

/** What reading the record again showed: the change is there (with what the server holds), or not. */
export type Check<T> = { applied: true; value: T } | { applied: false }

/**
 * After a failed write: for an uncertain failure, reads the record again (`check`) and resolves with
 * what the server holds when the change is there; rethrows the failure when it is certainly not there;
 * throws an UncertainWriteError when the read cannot tell. Any other failure is rethrown as it is.
 * A check that reads the record and finds a verdict of its own throws it (an UncertainWriteError
 * saying what it found, a NoLongerAppliesError): that is passed on as it is.
 */
export async function confirmWrite<T>(
  error: unknown,
  check: () => Promise<Check<T>>,
  what: string,
): Promise<T> {
  if (!isUncertainFailure(error)) throw error
  let result: Check<T>
  try {
    result = await check()
  } catch (readError) {
    if (isUncertainWrite(readError) || isNoLongerApplies(readError)) throw readError
    throw new UncertainWriteError(
      `The connection broke after this change was sent, and Roster could not read the ${what} again to see whether Tallyfy made it. Check the ${what} before trying again.`,
      { cause: error },
    )
  }
  if (result.applied) return result.value
  throw error
}

/**
 * Sends a write to one record; after an uncertain failure, reads the record again (`read`, given the
 * failure) and calls it done when it is as the write intended (`holds`), with the record as read.
 * The write itself is sent once: only the read is repeated, never a POST.
 */
export async function writeThenConfirm<T>(
  send: () => Promise<T | null>,
  read: (failure: unknown) => Promise<T>,
  holds: (record: T) => boolean,
  what: string,
): Promise<T | null> {
  try {
    return await send()
  } catch (error) {
    return confirmWrite(
      error,
      async (): Promise<Check<T>> => {
        const record = await read(error)
        return holds(record) ? { applied: true, value: record } : { applied: false }
      },
      what,
    )
  }
}

/** The record as `read` finds it, or null when Tallyfy knows no such record (404). */
export async function readIfAny<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/**
 * A write's answer read with `parse` when it carries the record (`{data: …}`); null for 204, an
 * empty body or anything else. The write has happened either way, so an odd answer must not look
 * like a failure.
 */
export const answerOf =
  <T>(parse: (json: unknown) => T) =>
  (json: unknown): T | null => {
    if (json === undefined || json === null) return null
    try {
      return parse(json)
    } catch {
      return null
    }
  }
