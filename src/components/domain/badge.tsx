import type { MemberStatus, Role } from '../../api/types'
import type { WritableRole } from '../../lib/roles'
import './badge.css'

const roleLabels: Record<WritableRole, string> = {
  admin: 'Administrator',
  standard: 'Standard',
  light: 'Light',
}

export function roleLabel(role: Role, rawRole?: string | null): string {
  if (role !== 'unknown') return roleLabels[role]
  // An unexpected role is still shown as the API spelled it: hiding it would hide a real difference.
  return rawRole?.trim() || '—'
}

export function RoleBadge({ role, rawRole }: { role: Role; rawRole?: string | null }) {
  return <span className={`badge badge--role badge--role-${role}`}>{roleLabel(role, rawRole)}</span>
}

const statusLabels: Record<MemberStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  disabled: 'Disabled',
  unknown: 'Unknown',
}

export function statusLabel(status: MemberStatus): string {
  return statusLabels[status]
}

// Shapes differ as well as colours, so the status reads without colour vision; the word is always there.
function StatusGlyph({ status }: { status: MemberStatus }) {
  const common = {
    className: 'badge__glyph',
    width: 10,
    height: 10,
    viewBox: '0 0 10 10',
    'aria-hidden': true,
  } as const
  switch (status) {
    case 'active':
      return (
        <svg {...common}>
          <circle cx="5" cy="5" r="4" fill="currentColor" />
        </svg>
      )
    case 'invited':
      return (
        <svg {...common}>
          <circle cx="5" cy="5" r="3.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      )
    case 'disabled':
      return (
        <svg {...common}>
          <circle cx="5" cy="5" r="3.75" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M2.4 7.6 7.6 2.4" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      )
    default:
      return (
        <svg {...common}>
          <path d="M2 5h6" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      )
  }
}

export function StatusBadge({ status }: { status: MemberStatus }) {
  return (
    <span className={`badge badge--status badge--status-${status}`}>
      <StatusGlyph status={status} />
      {statusLabel(status)}
    </span>
  )
}
