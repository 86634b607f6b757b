// "New guest emails": several people who are not guests yet, made guests of the organization and
// added to this group in one go (new-guests.ts). Loaded when an admin opens it from the group's
// guest list. What Tallyfy refused stays in the field with its reason, to fix and send again.
import { useMemo, useRef, useState, type FormEvent } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { memberQueries } from '../../api/members/queries'
import type { Member } from '../../api/types'
import { useBatch, type BatchHandle } from '../../api/writes/batch'
import { FormField } from '../../components/form-field'
import { guestKey } from '../../lib/email'
import { GUEST_CAP_PER_HOUR } from '../../lib/guest-cap'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { useOrgId } from '../auth/session'
import type { GuestEntry } from './guests'
import { createGuests, newGuestProblems, parseGuestEmails } from './new-guests'
import type { MembershipActions } from './use-membership-actions'

export default function NewGuestsForm({
  groupName,
  guests,
  actions,
}: {
  groupName: string
  guests: readonly GuestEntry[]
  actions: MembershipActions
}) {
  const orgId = useOrgId()
  const qc = useQueryClient()
  const [text, setText] = useState('')
  const [error, setError] = useState<string[] | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [batch, setBatch] = useState<BatchHandle | null>(null)
  const guard = useSubmitGuard()
  const fieldRef = useRef<HTMLTextAreaElement>(null)
  const directory = useQuery(memberQueries.directory(orgId)).data
  const memberByEmail = useMemo(() => {
    if (!directory) return null
    const byEmail = new Map<string, Member>()
    for (const m of directory.members) if (m.email) byEmail.set(guestKey(m.email), m)
    return byEmail
  }, [directory])
  const inGroup = useMemo(() => new Set(guests.map((g) => guestKey(g.label))), [guests])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (sending || guard.busy()) return
    const emails = parseGuestEmails(text)
    const problems = newGuestProblems(emails, { groupName, inGroup, memberByEmail })
    if (problems.length > 0) {
      setError(problems)
      fieldRef.current?.focus()
      return
    }
    setError(null)
    setStatus(null)
    setSending(true)
    guard.run(() =>
      run(emails).finally(() => {
        setSending(false)
        setBatch(null)
      }),
    )
  }

  async function run(emails: string[]) {
    const created = await createGuests({ qc, orgId }, emails, setBatch)
    const refused = created.refused
    // What was not created stays in the field, with why.
    setText(refused.map((r) => r.email).join('\n'))
    if (refused.length > 0) setError(refused.map((r) => `${r.email}: ${r.reason}`))
    if (created.ready.length > 0) {
      const n = created.ready.length
      const who = n === 1 ? `guest ${created.ready[0]}` : `${n} guests`
      setStatus(
        refused.length > 0
          ? `Added ${who} to ${groupName}; ${refused.length} could not be added.`
          : `Added ${who} to ${groupName}.`,
      )
      await actions
        .change(
          { addGuests: created.ready },
          {
            done: `Added ${who} to ${groupName}.`,
            undone: `${n === 1 ? created.ready[0] : `The ${n} guests`} ${n === 1 ? 'is' : 'are'} no longer in ${groupName}.`,
            failed: `Could not add ${who} to ${groupName}`,
          },
        )
        .catch(() => {
          // The notice says why; the guests exist now, so the same list can be sent again.
          setStatus(null)
          setText(created.ready.concat(refused.map((r) => r.email)).join('\n'))
        })
    }
    if (refused.length > 0) fieldRef.current?.focus()
  }

  return (
    <form className="group-admin-form new-guests-form" onSubmit={submit} noValidate>
      <FormField
        label="New guest emails"
        error={error}
        hint={`One address per line, or separated by commas. Each becomes a guest of the organization and of ${groupName}. Tallyfy takes at most ${GUEST_CAP_PER_HOUR} new guests an hour.`}
      >
        {(control) => (
          <textarea
            {...control}
            ref={fieldRef}
            className="input new-guests-form__emails"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              if (error) setError(null)
            }}
          />
        )}
      </FormField>
      <div className="new-guests-form__actions">
        {/* aria-disabled rather than disabled: a pressed button keeps focus while the guests are added. */}
        <button
          type="submit"
          className="button"
          aria-disabled={sending || undefined}
          aria-busy={sending || undefined}
        >
          Add new guests
        </button>
        <output className="new-guests-form__status">{sending ? <Progress batch={batch} /> : status}</output>
      </div>
    </form>
  )
}

/** "Adding guests…", or "Adding guests one at a time: 3 of 8" once the fallback's batch runs. */
function Progress({ batch }: { batch: BatchHandle | null }) {
  const state = useBatch(batch)
  if (!state) return <>Adding guests…</>
  return (
    <>
      Adding guests one at a time: {state.results.length} of {state.total}
      {state.waitingUntil ? ' (waiting for Tallyfy’s rate limit)' : ''}
    </>
  )
}
