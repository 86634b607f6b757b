// Several new guests added to a group at once: each address becomes a guest of the organization, in
// one POST /guests/bulk where Tallyfy takes it, else one POST /guests each through the batch runner
// (at most 4 in flight, its progress and results); then ONE group update adds everyone created, with
// the usual notice, Undo and Activity entry (membership-actions.ts).
//
// Tallyfy takes at most 30 new guests an hour. A 429 for that cap names a time up to an hour away:
// the runner would hold every request to Tallyfy that long, so a step refuses its guest instead
// (with the clock time) and the steps after it send nothing.

import type { QueryClient } from '@tanstack/react-query'
import { isApiError } from '../../api/errors'
import { addGuest } from '../../api/guests/cache'
import { guestCapRetryAt, guestMutations, isPartlyAdded } from '../../api/guests/mutations'
import { guestQueries } from '../../api/guests/queries'
import type { Guest, GuestInput, Member } from '../../api/types'
import { activity } from '../../api/writes/activity'
import { startBatch, type BatchHandle, type BatchStep, type ItemResult } from '../../api/writes/batch'
import { refusalMessage } from '../../api/writes/refusal'
import { runWrite } from '../../api/writes/run-write'
import { guestKey, isValidEmail } from '../../lib/email'
import { guestCapText } from '../../lib/guest-cap'

/** A 429 that asks to wait longer than this is the hourly cap, not the per-minute burst limit. */
const CAP_WAIT_SECONDS = 60

/** The addresses typed or pasted: split on spaces, commas, semicolons and line breaks, each once. */
export function parseGuestEmails(text: string): string[] {
  const seen = new Set<string>()
  const emails: string[] = []
  for (const part of text.split(/[\s,;]+/)) {
    // "Ann <ann@x.example>" pasted from a mail client: the address inside the brackets.
    const email = part.replace(/^<|>$/g, '').trim()
    if (email === '' || seen.has(guestKey(email))) continue
    seen.add(guestKey(email))
    emails.push(email)
  }
  return emails
}

/** Why the list cannot be sent as it is (one line per kind of problem), or [] when it can. */
export function newGuestProblems(
  emails: readonly string[],
  {
    groupName,
    inGroup,
    memberByEmail,
  }: {
    groupName: string
    inGroup: ReadonlySet<string>
    memberByEmail: ReadonlyMap<string, Member> | null
  },
): string[] {
  if (emails.length === 0) return ['Enter at least one email address.']
  const invalid = emails.filter((e) => !isValidEmail(e))
  const members = emails.filter((e) => isValidEmail(e) && memberByEmail?.has(guestKey(e)))
  const already = emails.filter((e) => inGroup.has(guestKey(e)))
  const lines: string[] = []
  if (invalid.length) lines.push(`Not email addresses: ${invalid.join(', ')}.`)
  if (members.length)
    lines.push(`Members of the organization, who can’t also be guests: ${members.join(', ')}.`)
  if (already.length) lines.push(`Already guests of ${groupName}: ${already.join(', ')}.`)
  return lines
}

export interface NewGuestsContext {
  qc: QueryClient
  orgId: string
}

export interface CreatedGuests {
  /** Guests of the organization now (created, or already guests before), to add to the group. */
  ready: string[]
  /** Not created, each with Tallyfy's words or the cap's time. */
  refused: { email: string; reason: string }[]
  /** How they went: one request for all, or one each. */
  via: 'bulk' | 'one-by-one' | 'none'
}

const inputOf = (email: string): GuestInput => ({ email, firstName: '', lastName: '', company: '' })

function isCap(error: unknown): boolean {
  return isApiError(error) && error.status === 429 && (error.retryAfter ?? Infinity) > CAP_WAIT_SECONDS
}

/**
 * Makes each address a guest of the organization (those already guests are not sent). `onBatch`
 * hands the fallback's batch to the form, for its progress.
 */
export async function createGuests(
  ctx: NewGuestsContext,
  emails: readonly string[],
  onBatch?: (handle: BatchHandle) => void,
): Promise<CreatedGuests> {
  const { qc, orgId } = ctx
  const known = qc.getQueryData(guestQueries.list(orgId).queryKey)
  const knownKeys = new Set((known ?? []).map((g) => guestKey(g.email)))
  const already = emails.filter((e) => knownKeys.has(guestKey(e)))
  const toCreate = emails.filter((e) => !knownKeys.has(guestKey(e)))
  if (toCreate.length === 0) return { ready: already, refused: [], via: 'none' }

  const count = `${toCreate.length} new ${toCreate.length === 1 ? 'guest' : 'guests'}`
  const record = activity.start(orgId, `Add ${count}`)
  let answer: Guest[] | 'unsupported'
  try {
    answer = await runWrite(qc, guestMutations.createBulk(orgId), toCreate.map(inputOf))
  } catch (error) {
    if (isPartlyAdded(error)) {
      // Read again after the lost answer: those Tallyfy has are added; the others were not.
      record.fail(error, { what: 'guests' })
      for (const guest of error.added) addGuest(qc, orgId, guest)
      const added = new Set(error.added.map((g) => guestKey(g.email)))
      const reason =
        'Not added: the connection broke while the guests were sent, and Tallyfy does not have this one.'
      return {
        ready: [...already, ...toCreate.filter((e) => added.has(guestKey(e)))],
        refused: toCreate.filter((e) => !added.has(guestKey(e))).map((email) => ({ email, reason })),
        via: 'bulk',
      }
    }
    const reason =
      isApiError(error) && error.status === 429
        ? guestCapText(guestCapRetryAt(error))
        : refusalMessage(error, { what: 'guests', nameOfField: (field) => emailAt(field, toCreate) })
    record.fail(error, { what: 'guests', message: reason })
    return { ready: already, refused: toCreate.map((email) => ({ email, reason })), via: 'bulk' }
  }
  if (answer !== 'unsupported') {
    record.done()
    for (const guest of answer) addGuest(qc, orgId, guest)
    // The answer's shape is not documented: guests it did not list are read with the list.
    if (answer.length < toCreate.length)
      void qc.invalidateQueries({ queryKey: guestQueries.list(orgId).queryKey })
    return { ready: [...already, ...toCreate], refused: [], via: 'bulk' }
  }
  record.settle('refused', 'Tallyfy took no list of guests in one request, so they were added one at a time.')

  const created = await createOneByOne(ctx, toCreate, count, onBatch)
  return { ready: [...already, ...created.ready], refused: created.refused, via: 'one-by-one' }
}

/** "guests.3.email" → the fourth address sent. */
function emailAt(field: string, emails: readonly string[]): string | null {
  const index = /^guests\.(\d+)(\.|$)/.exec(field)?.[1]
  return index === undefined ? null : (emails[Number(index)] ?? null)
}

async function createOneByOne(
  { qc, orgId }: NewGuestsContext,
  emails: readonly string[],
  count: string,
  onBatch?: (handle: BatchHandle) => void,
): Promise<{ ready: string[]; refused: { email: string; reason: string }[] }> {
  // Once the hourly cap answered, the rest would be refused too: they are not sent.
  let capReason: string | null = null
  const steps: BatchStep[] = emails.map((email) => ({
    keys: [email],
    run: async () => {
      if (capReason) return { perKey: { [email]: { status: 'refused', detail: capReason } } }
      try {
        const guest = await runWrite(qc, guestMutations.create(orgId), inputOf(email))
        if (guest) addGuest(qc, orgId, guest)
        else void qc.invalidateQueries({ queryKey: guestQueries.list(orgId).queryKey })
      } catch (error) {
        if (!isCap(error)) throw error
        capReason ??= guestCapText(guestCapRetryAt(error))
        return { perKey: { [email]: { status: 'refused', detail: capReason } } }
      }
    },
  }))
  const handle = startBatch(
    { orgId, kind: 'guest-create', params: {}, label: `Add ${count} one at a time` },
    steps,
  )
  onBatch?.(handle)
  const state = await handle.done
  const byKey = new Map<string, ItemResult>(state.results.map((r) => [r.key, r]))
  const ready: string[] = []
  const refused: { email: string; reason: string }[] = []
  for (const email of emails) {
    const result = byKey.get(email)
    if (result?.status === 'done') ready.push(email)
    else refused.push({ email, reason: result?.detail ?? 'Not sent.' })
  }
  return { ready, refused }
}
