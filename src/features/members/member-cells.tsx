// Cells of the member table. They read the search terms and the list's URL from context rather
// than from the column definitions, so the columns stay one stable module-level array and a
// keystroke never rebuilds TanStack's row models.
import { createContext, useContext } from 'react'
import { Link } from 'react-router'
import type { Member } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { RoleBadge, StatusBadge } from '../../components/domain/badge'
import { Highlight } from '../../components/data-table/highlight'
import { GroupsSummary } from '../../components/domain/group-links'
import { NotSet, RelativeTime } from '../../components/date-display'
import type { BackLinkState } from '../../lib/back-link'
import { paths } from '../../lib/paths'

export interface MemberTableContextValue {
  orgId: string
  /** Normalised search terms to mark in names and emails. */
  terms: readonly string[]
  /** Router state for member links, so the member page's "Back to members" returns to this view. */
  linkState: BackLinkState
}

export const MemberTableContext = createContext<MemberTableContextValue>({
  orgId: '',
  terms: [],
  linkState: { backTo: paths.members() },
})

export function AvatarCell({ member }: { member: Member }) {
  return <Avatar name={member.fullName} src={member.pictureUrl} size="md" decorative />
}

export function NameCell({ member }: { member: Member }) {
  const { terms, linkState } = useContext(MemberTableContext)
  return (
    <div className="member-name">
      <Link
        to={paths.member(member.id)}
        state={linkState}
        className="member-name__link"
        title={member.fullName}
      >
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

/** Free text a member may leave empty (job title, timezone): the text, or "not set". */
export function OptionalText({ text }: { text: string | null }) {
  if (!text || text.trim() === '') return <NotSet />
  return (
    <span className="member-text" title={text}>
      {text}
    </span>
  )
}

export function GroupsCell({ member }: { member: Member }) {
  const { orgId, linkState } = useContext(MemberTableContext)
  return (
    <GroupsSummary
      orgId={orgId}
      groups={member.groups}
      owner={member.fullName}
      ownerTo={paths.member(member.id)}
      linkState={linkState}
    />
  )
}

/** What a member who has never signed in shows for "Last login", in the table and on their page. */
export function NeverLoggedIn() {
  return <span className="member-never">Never</span>
}

export function LastLoginCell({ member }: { member: Member }) {
  return <RelativeTime iso={member.lastLoginAt} none={<NeverLoggedIn />} />
}
