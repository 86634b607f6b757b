// Tallyfy takes at most 30 new guests an hour per organization (tallyfy-api.md §4, §6). When it says
// so (a 429), a person wants the clock time they may try again at, not a number of seconds: the
// Add guest form and a group's "New guest emails" say it in the same words.

export const GUEST_CAP_PER_HOUR = 30

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' })
const dayAndClock = new Intl.DateTimeFormat(undefined, {
  weekday: 'long',
  hour: 'numeric',
  minute: '2-digit',
})

/**
 * The clock time to try again at, rounded up to the next whole minute (14:31:20 is "14:32": a
 * person who comes back at 14:31 would be refused again). The day is named when it is not today.
 */
export function tryAgainAt(retryAt: Date, now: Date = new Date()): string {
  const minute = new Date(Math.ceil(retryAt.getTime() / 60_000) * 60_000)
  const sameDay = minute.toDateString() === now.toDateString()
  return (sameDay ? clock : dayAndClock).format(minute)
}

/** "Tallyfy allows 30 new guests an hour, and this organization has reached that. Try again at 14:32." */
export function guestCapText(retryAt: Date | null, now: Date = new Date()): string {
  const head = `Tallyfy allows ${GUEST_CAP_PER_HOUR} new guests an hour, and this organization has reached that.`
  return retryAt ? `${head} Try again at ${tryAgainAt(retryAt, now)}.` : `${head} Try again later.`
}
