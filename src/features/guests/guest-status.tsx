import type { Guest } from '../../api/types'
import { StatusBadge } from '../../components/domain/badge'
import { NotSet } from '../../components/date-display'

/** Disabled wins (the guest's link no longer works); otherwise Tallyfy's free text, as written. */
export function GuestStatus({ guest }: { guest: Guest }) {
  if (guest.disabledAt) return <StatusBadge status="disabled" />
  if (!guest.statusText) return <NotSet />
  return (
    <span className="guests-table__truncate" title={guest.statusText}>
      {guest.statusText}
    </span>
  )
}
