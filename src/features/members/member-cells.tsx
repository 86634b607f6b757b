// Cells of the member table. They read the search terms and the list's URL from context rather
// than from the column definitions, so the columns stay one stable module-level array and a
// keystroke never rebuilds TanStack's row models.
import { createContext, useContext } from 'react'
import { Link } from 'react-router'
import type { Member } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { RoleBadge, StatusBadge } from '../../components/badge'
import { Highlight } from '../../components/data-table/highlight'
import { GroupLink } from '../../components/group-link'
import { formatDateTime, formatRelative } from '../../lib/format'
import { paths } from '../../lib/paths'

export interface MemberTableContextValue {
  orgId: string
  /** Normalised search terms to mark in names and emails. */
  terms: readonly string[]
  /** The list's "?…" search string, handed to the member page so "Back to members" returns here. */
  listSearch: string
}

export const MemberTableContext = createContext<MemberTableContextValue>({
  orgId: '',
  terms: [],
  listSearch: '',
})

/** Router state a member link carries: where the list was, for the member page's back link. */
export interface MemberLinkState {
  listSearch: string
}

export function NotSet() {
  return (
    <span className="not-set">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not set</span>
    </span>
  )
}

export function AvatarCell({ member }: { member: Member }) {
  return <Avatar name={member.fullName} src={member.pictureUrl} size="md" decorative />
}

export function NameCell({ member }: { member: Member }) {
  const { terms, listSearch } = useContext(MemberTableContext)
  const state: MemberLinkState = { listSearch }
  return (
    <div className="member-name">
      <Link to={paths.member(member.id)} state={state} className="member-name__link" title={member.fullName}>
        <Highlight text={member.fullName} terms={terms} />
      </Link>
      {/* On phones the role and status columns fold in here (CSS shows this line only there). */}
      <span className="member-name__meta">
        <RoleBadge role={member.role} rawRole={member.rawRole} />
        <StatusBadge status={member.status} />
      </span>
    </div>
  )
}

export function EmailCell({ member }: { member: Member }) {
  const { terms } = useContext(MemberTableContext)
  if (!member.email) return <NotSet />
  return (
    <span className="member-email" title={member.email}>
      <Highlight text={member.email} terms={terms} />
    </span>
  )
}

export function TextCell({ text }: { text: string | null }) {
  if (!text || text.trim() === '') return <NotSet />
  return (
    <span className="member-text" title={text}>
      {text}
    </span>
  )
}

const GROUPS_SHOWN = 2

export function GroupsCell({ member }: { member: Member }) {
  const { orgId, listSearch } = useContext(MemberTableContext)
  const groups = member.groups
  if (!groups || groups.length === 0) return <NotSet />
  const shown = groups.slice(0, GROUPS_SHOWN)
  const rest = groups.length - shown.length
  return (
    <span className="member-groups" title={groups.map((g) => g.name).join(', ')}>
      {shown.map((group, i) => (
        <span key={group.id} className="member-groups__item">
          <GroupLink orgId={orgId} groupId={group.id} className="member-groups__link">
            {group.name}
          </GroupLink>
          {i < shown.length - 1 || rest > 0 ? ', ' : null}
        </span>
      ))}
      {rest > 0 && (
        <Link
          to={paths.member(member.id)}
          state={{ listSearch } satisfies MemberLinkState}
          className="member-groups__more"
          aria-label={`${rest} more ${rest === 1 ? 'group' : 'groups'} of ${member.fullName}`}
        >
          +{rest} more
        </Link>
      )}
    </span>
  )
}

export function LastLoginCell({ member }: { member: Member }) {
  const relative = formatRelative(member.lastLoginAt)
  const exact = formatDateTime(member.lastLoginAt)
  if (!relative || !exact || !member.lastLoginAt) return <span className="member-never">Never</span>
  return (
    <time dateTime={member.lastLoginAt} title={exact} className="last-login">
      {/* The exact time is read by screen readers and shown in place of the relative one while
          keyboard focus is in the row (see members.css), so it never needs a mouse. */}
      <span className="last-login__relative">{relative}</span>
      <span className="last-login__exact"> ({exact})</span>
    </time>
  )
}
