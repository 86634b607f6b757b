import { useId } from 'react'
import { Link } from 'react-router'
import { formatCount } from '../../lib/format'
import type { GuestEntry } from './guests'

/**
 * Guests are people outside the organization, known by email: each links to the guest's page (or
 * is plain text when the string is not an address).
 */
export function GuestList({ guests }: { guests: readonly GuestEntry[] }) {
  const headingId = useId()
  return (
    <section className="group-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="group-section__title">
        Guests ({formatCount(guests.length)})
      </h2>
      {guests.length === 0 ? (
        <p className="group-section__empty">
          <strong>No guests</strong>
          <span> · No one outside the organization has been added to this group.</span>
        </p>
      ) : (
        <ul className="guest-list">
          {guests.map((guest) => (
            <li key={guest.label} className="guest-list__item">
              {guest.href ? (
                <Link to={guest.href} className="guest-list__link">
                  {guest.label}
                </Link>
              ) : (
                <span>{guest.label}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
