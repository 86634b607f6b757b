// "Add several new guests" under a group's Add guest: opens the "New guest emails" form, whose code
// (and the guest writes it needs) loads on the first press.
import { lazy, Suspense, useState } from 'react'
import type { GuestEntry } from './guests'
import type { MembershipActions } from './use-membership-actions'

const loadForm = () => import('./new-guests-form')
const NewGuestsForm = lazy(loadForm)

export function NewGuestsToggle({
  groupName,
  guests,
  actions,
}: {
  groupName: string
  guests: readonly GuestEntry[]
  actions: MembershipActions
}) {
  const [open, setOpen] = useState(false)
  return (
    <div className="new-guests">
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={() => void loadForm()}
        onFocus={() => void loadForm()}
      >
        Add several new guests
      </button>
      {open && (
        <Suspense fallback={null}>
          <NewGuestsForm groupName={groupName} guests={guests} actions={actions} />
        </Suspense>
      )}
    </div>
  )
}
