// /members/:memberId: one member's profile. Opening it from the table shows what the directory
// already knows at once (placeholderData), while GET /users/:id fills in the rest. That endpoint is
// admin-only: on 403 the page keeps the directory's data and says so, rather than failing.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useLocation, useParams } from 'react-router'
import { describeApiError } from '../../api/describe-error'
import { isForbidden, isNotFound } from '../../api/errors'
import { memberQueries } from '../../api/members/queries'
import type { Member, MemberDirectory } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { RoleBadge, StatusBadge } from '../../components/domain/badge'
import { GroupChips } from '../../components/domain/group-links'
import { NotFoundState } from '../../components/not-found-state'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { DateValue, NotSet } from '../../components/date-display'
import { BackLink, DetailField, DetailFields } from '../../components/detail-page'
import { PageTitle } from '../../components/page-title'
import { backLinkTarget } from '../../lib/back-link'
import { isValidEmail } from '../../lib/email'
import { formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import { useOrgId } from '../auth/session'
import { MemberAdmin } from './member-admin'
import { InvitationAdmin } from './invitations/invitation-admin'
import { NeverLoggedIn, OptionalText } from './member-cells'
import { memberColumns, type hideableMemberColumns } from './member-columns'
import './members.css'

/**
 * A field's name as the members table's column calls it (so the column chooser, the CSV header and
 * this page agree): the page reads the one declaration instead of spelling them again.
 */
function fieldLabel(columnId: (typeof hideableMemberColumns)[number]): string {
  const header = memberColumns.find((column) => column.id === columnId)?.header
  return typeof header === 'string' ? header : columnId
}

/** A positive integer ID, or null for anything else ("abc", "0", "1e3", "-4"). */
export function parseMemberId(raw: string | undefined): number | null {
  if (!raw || !/^[1-9]\d{0,15}$/.test(raw)) return null
  const id = Number(raw)
  return Number.isSafeInteger(id) ? id : null
}

function findInDirectory(directory: MemberDirectory | undefined, id: number): Member | undefined {
  return directory?.members.find((m) => m.id === id)
}

export function Component() {
  const orgId = useOrgId()
  const { memberId } = useParams()
  const location = useLocation()
  const backTo = backLinkTarget(location.state, paths.members())
  const id = parseMemberId(memberId)
  if (id === null) return <MemberNotFound backTo={backTo} />
  return <MemberPage key={id} orgId={orgId} id={id} backTo={backTo} />
}

function MemberNotFound({ backTo }: { backTo: string }) {
  return (
    <NotFoundState
      title="Member not found"
      message="No member of this organization has this ID. They may have been removed, or the link is incomplete."
      backTo={backTo}
      backLabel="Back to members"
    />
  )
}

function MemberPage({ orgId, id, backTo }: { orgId: string; id: number; backTo: string }) {
  const queryClient = useQueryClient()
  const directoryKey = memberQueries.directory(orgId).queryKey
  const detail = useQuery({
    ...memberQueries.detail(orgId, id),
    placeholderData: () => findInDirectory(queryClient.getQueryData(directoryKey), id),
  })
  const forbidden = detail.isError && isForbidden(detail.error)
  // Only when the profile is refused and nothing is cached: the directory is what a non-admin may read.
  const directory = useQuery({ ...memberQueries.directory(orgId), enabled: forbidden })
  const fromDirectory = findInDirectory(directory.data, id)
  // The profile could not be read (a 5xx, a dropped connection) but the directory has the member:
  // the page keeps showing what it has, and says the rest could not be loaded, with Retry.
  const failed = detail.isError && !forbidden && !isNotFound(detail.error)

  const member = detail.data ?? (forbidden || failed ? fromDirectory : undefined)

  if (member) {
    return (
      <MemberProfile
        orgId={orgId}
        member={member}
        backTo={backTo}
        limited={forbidden}
        updating={detail.isPlaceholderData && detail.isFetching}
        unread={
          failed && !detail.data
            ? { error: detail.error, retry: () => void detail.refetch(), retrying: detail.isFetching }
            : null
        }
      />
    )
  }
  if ((detail.isError && isNotFound(detail.error)) || (forbidden && directory.data?.complete)) {
    return <MemberNotFound backTo={backTo} />
  }
  if (detail.isError && !forbidden) {
    return (
      <div className="member-page">
        <PageTitle title="Member" />
        <BackLink to={backTo} label="Back to members" />
        <ErrorState
          error={detail.error}
          onRetry={() => void detail.refetch()}
          what="member"
          headingLevel={1}
        />
      </div>
    )
  }
  // "Not found" only from a complete directory: an incomplete one may simply not have reached them.
  if (forbidden && directory.isError) {
    return (
      <div className="member-page">
        <PageTitle title="Member" />
        <BackLink to={backTo} label="Back to members" />
        <ErrorState
          error={directory.error}
          onRetry={() => void directory.refetch()}
          what="member directory"
          headingLevel={1}
        />
      </div>
    )
  }
  if (forbidden && directory.data && directory.data.loading === false && !directory.data.complete) {
    return (
      <div className="member-page">
        <PageTitle title="Member" />
        <BackLink to={backTo} label="Back to members" />
        <EmptyState
          headingLevel={1}
          title="Couldn't find this member yet"
          message={`Only ${formatCount(directory.data.members.length)} of ${formatCount(directory.data.total)} members could be loaded, and this member is not among them.`}
          action={
            <button type="button" className="button button--primary" onClick={() => void directory.refetch()}>
              Retry
            </button>
          }
        />
      </div>
    )
  }
  return (
    <>
      <PageTitle title={null} />
      <LoadingState label="Loading member…" />
    </>
  )
}

function telHref(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '')
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : null
}

function MemberProfile({
  orgId,
  member,
  backTo,
  limited,
  updating,
  unread,
}: {
  orgId: string
  member: Member
  backTo: string
  limited: boolean
  updating: boolean
  /** The profile's read failed: the page shows the directory's row, says why, and offers Retry. */
  unread: { error: unknown; retry: () => void; retrying: boolean } | null
}) {
  const email = member.email?.trim() || null
  const phone = member.phone?.trim() || null
  const tel = phone ? telHref(phone) : null
  return (
    <article className="member-page" aria-busy={updating || undefined}>
      <PageTitle title={member.fullName} />
      <BackLink to={backTo} label="Back to members" />
      <header className="member-page__header">
        <Avatar name={member.fullName} src={member.pictureUrl} size="xl" decorative />
        <div className="member-page__heading">
          <h1 tabIndex={-1}>{member.fullName}</h1>
          {member.jobTitle && <p className="member-page__title">{member.jobTitle}</p>}
          <p className="member-page__badges">
            <RoleBadge role={member.role} rawRole={member.rawRole} />
            <StatusBadge status={member.status} />
          </p>
        </div>
      </header>

      {limited && (
        <p className="banner banner--info member-page__note">
          Only Tallyfy administrators can see full member profiles. Showing what the directory knows.
        </p>
      )}

      {unread && (
        <div className="banner banner--warning member-page__note" role="alert">
          <span>
            Couldn't load the full profile: {describeApiError(unread.error, 'member').message} Showing what
            the directory knows.
          </span>{' '}
          <button
            type="button"
            className="button button--small"
            onClick={unread.retry}
            disabled={unread.retrying}
          >
            Retry
          </button>
        </div>
      )}

      <MemberAdmin orgId={orgId} member={member} />
      <InvitationAdmin orgId={orgId} member={member} backTo={backTo} />

      <DetailFields>
        <DetailField label={fieldLabel('email')}>
          {email && isValidEmail(email) ? (
            <a href={`mailto:${email}`}>{email}</a>
          ) : email ? (
            <span>{email}</span>
          ) : (
            <NotSet />
          )}
        </DetailField>
        <DetailField label={fieldLabel('job_title')}>
          <OptionalText text={member.jobTitle} />
        </DetailField>
        <DetailField label="Phone">
          {phone ? tel ? <a href={tel}>{phone}</a> : <span>{phone}</span> : <NotSet />}
        </DetailField>
        <DetailField label="Timezone">
          <OptionalText text={member.timezone} />
        </DetailField>
        <DetailField label="Joined">
          <DateValue iso={member.createdAt} />
        </DetailField>
        <DetailField label="Activated">
          <DateValue iso={member.activatedAt} />
        </DetailField>
        <DetailField label={fieldLabel('last_login')}>
          {member.lastLoginAt ? <DateValue iso={member.lastLoginAt} withTime /> : <NeverLoggedIn />}
        </DetailField>
      </DetailFields>

      <section className="member-page__groups" aria-labelledby="member-groups-heading">
        <h2 id="member-groups-heading">{fieldLabel('groups')}</h2>
        {member.groups === null ? (
          <p className="not-set">Group membership is not available.</p>
        ) : member.groups.length === 0 ? (
          <p className="not-set">Not in any group.</p>
        ) : (
          <GroupChips orgId={orgId} groups={member.groups} />
        )}
      </section>
    </article>
  )
}
