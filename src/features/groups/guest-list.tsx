import { useId, useRef, useState, type FormEvent, type RefObject } from 'react'
import { Link } from 'react-router'
import { RemoveButton } from '../../components/domain/remove-button'
import { FormField, fieldErrorsOf } from '../../components/form-field'
import { guestKey, isValidEmail } from '../../lib/email'
import { formatCount } from '../../lib/format'
import type { GroupBackLinkState } from '../../lib/group-back-link'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import type { GuestEntry } from './guests'
import { ListNotRead } from './list-not-read'
import { NewGuestsToggle } from './new-guests-toggle'
import type { MembershipActions } from './use-membership-actions'

interface GuestAdmin {
  groupName: string
  actions: MembershipActions
}

/**
 * Guests are people outside the organization, known by email: each links to the guest's page (or
 * is plain text when the string is not an address). Admins also get "Guest email" + "Add guest"
 * and a "Remove {email}" button per guest.
 */
export function GuestList({
  guests,
  admin,
  linkState,
  notRead,
}: {
  guests: readonly GuestEntry[]
  admin?: GuestAdmin
  /** Router state for the guest links, so the guest's page offers "Back to {group}". */
  linkState?: GroupBackLinkState
  /** The group was read without its guest list: Retry reads it again (absent: the list is known). */
  notRead?: { onRetry: () => void; retrying: boolean }
}) {
  const headingId = useId()
  const addRef = useRef<HTMLInputElement>(null)

  return (
    <section className="group-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="group-section__title" tabIndex={-1}>
        Guests ({notRead ? 'not known' : formatCount(guests.length)})
      </h2>
      {notRead ? null : admin ? <AddGuest admin={admin} guests={guests} inputRef={addRef} /> : null}
      {notRead || !admin ? null : (
        <NewGuestsToggle groupName={admin.groupName} guests={guests} actions={admin.actions} />
      )}
      {notRead ? (
        <ListNotRead list="guest" {...notRead} />
      ) : guests.length === 0 ? (
        <p className="group-section__empty">
          <strong>No guests</strong>
          <span> · No one outside the organization has been added to this group.</span>
        </p>
      ) : (
        <ul className="guest-list">
          {guests.map((guest) => (
            <li key={guest.label} className="guest-list__item">
              {guest.href ? (
                <Link to={guest.href} state={linkState} className="guest-list__link">
                  {guest.label}
                </Link>
              ) : (
                <span>{guest.label}</span>
              )}
              {admin ? (
                <RemoveButton
                  name={guest.label}
                  onRemove={() => removeGuest(admin, guest)}
                  fallbackFocus={() => addRef.current}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function removeGuest(admin: GuestAdmin, guest: GuestEntry) {
  void admin.actions
    .change(
      { removeGuests: [guest.label] },
      {
        done: `Removed guest ${guest.label} from ${admin.groupName}.`,
        undone: `${guest.label} is a guest of ${admin.groupName} again.`,
        failed: `Could not remove guest ${guest.label}`,
      },
    )
    .catch(() => undefined)
}

function AddGuest({
  admin,
  guests,
  inputRef,
}: {
  admin: GuestAdmin
  guests: readonly GuestEntry[]
  inputRef: RefObject<HTMLInputElement | null>
}) {
  const [email, setEmail] = useState('')
  const [error, setError] = useState<string | string[] | null>(null)
  // While a guest is being added the field is already empty, so a second click (a double click)
  // would be refused as "enter an address": it is ignored instead, until Tallyfy has answered. The
  // state disables the button; the guard refuses a click that comes before it re-renders.
  const [adding, setAdding] = useState(false)
  const guard = useSubmitGuard()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (adding || guard.busy()) return
    const value = email.trim()
    if (value === '') return fail('Enter the guest’s email address.')
    if (!isValidEmail(value)) return fail(`“${value}” is not an email address. Check it for typos or spaces.`)
    if (guests.some((g) => guestKey(g.label) === guestKey(value)))
      return fail(`${value} is already a guest of ${admin.groupName}.`)
    setError(null)
    setEmail('')
    setAdding(true)
    guard.run(() =>
      admin.actions
        .change(
          { addGuests: [value] },
          {
            done: `Added guest ${value} to ${admin.groupName}.`,
            undone: `${value} is no longer a guest of ${admin.groupName}.`,
            failed: `Could not add guest ${value}`,
          },
        )
        .catch((e: unknown) => {
          // Tallyfy's words on the field too (the notice says it as well), with the address back.
          const onField = fieldErrorsOf(e, 'guests')
          if (onField.length) {
            setError(onField)
            setEmail((current) => current || value)
          }
        })
        .finally(() => setAdding(false)),
    )
  }

  function fail(message: string) {
    setError(message)
    inputRef.current?.focus()
  }

  return (
    <form className="group-admin-form group-admin-form--inline" onSubmit={submit} noValidate>
      <FormField label="Guest email" error={error}>
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            className="input"
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => {
              setEmail(e.target.value)
              if (error) setError(null)
            }}
          />
        )}
      </FormField>
      {/* aria-disabled rather than disabled: a pressed button keeps focus while the request runs. */}
      <button type="submit" className="button" aria-disabled={adding || undefined}>
        Add guest
      </button>
    </form>
  )
}
