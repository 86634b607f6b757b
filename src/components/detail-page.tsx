// The pieces every detail page (a member, a guest, a group) shares: the way back to where the person
// came from, and the labelled fields of a record.
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import './detail-page.css'

/** "← Back to …": `state` carries on the back-link state of the page it returns to, if any. */
export function BackLink({ to, state, label }: { to: string; state?: unknown; label: string }) {
  return (
    <Link to={to} state={state} className="detail-back">
      <span aria-hidden="true">← </span>
      {label}
    </Link>
  )
}

/** A record's fields as a description list, in a card that flows into columns on wide screens. */
export function DetailFields({ children }: { children: ReactNode }) {
  return <dl className="detail-fields">{children}</dl>
}

export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
