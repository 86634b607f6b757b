// /guests/:email (URL-encoded): one guest's details, their groups (from the cached groups list) and
// the members they are associated with (from the cached member directory).
import { lazy, Suspense, useMemo, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useLocation, useParams } from 'react-router'
import { isNotFound } from '../../api/errors'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { memberQueries } from '../../api/members/queries'
import type { Guest } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { GroupChips } from '../../components/domain/group-links'
import { DateValue, NotSet } from '../../components/date-display'
import { BackLink, DetailField, DetailFields } from '../../components/detail-page'
import { PageTitle } from '../../components/page-title'
import { NotFoundState } from '../../components/not-found-state'
import { ErrorState, LoadingState } from '../../components/states'
import { backLinkFrom, type BackLinkTo } from '../../lib/group-back-link'
import { guestKey, isValidEmail } from '../../lib/email'
import { paths } from '../../lib/paths'
import { useIsAdmin, useOrgId } from '../auth/session'
import { groupsByGuest } from './guest-list'
import { GuestStatus } from './guest-status'
import './guests.css'

// An admin's controls (Disable, Reset link, Convert, Remove): their own chunk, loaded for admins only.
const GuestAdmin = lazy(() => import('./guest-admin'))

export function Component() {
  const orgId = useOrgId()
  const { email = '' } = useParams()
  const location = useLocation()
  // From a group's guest list the way back is that group; from the list, the list as it was left.
  const back = backLinkFrom(location.state, paths.guests(), 'Back to guests')
  const trimmed = email.trim()
  if (trimmed === '') return <GuestNotFound back={back} />
  return <GuestPage key={guestKey(trimmed)} orgId={orgId} email={trimmed} back={back} />
}

function GuestNotFound({ back }: { back: BackLinkTo }) {
  return (
    <div className="guests-page">
      <NotFoundState
        title="Guest not found"
        message="No guest of this organization has this email. They may have been removed, or the link is incomplete."
        backTo={back.to}
        backLabel={back.label}
      />
    </div>
  )
}

function GuestPage({ orgId, email, back }: { orgId: string; email: string; back: BackLinkTo }) {
  const detail = useQuery(guestQueries.detail(orgId, email))
  if (detail.isError && isNotFound(detail.error)) return <GuestNotFound back={back} />
  if (detail.data) return <GuestProfile orgId={orgId} guest={detail.data} back={back} />
  if (detail.isError) {
    return (
      <div className="guest-page">
        <PageTitle title="Guest" />
        <BackLink {...back} />
        <ErrorState
          error={detail.error}
          what="guest"
          headingLevel={1}
          onRetry={() => void detail.refetch()}
        />
      </div>
    )
  }
  return (
    <>
      <PageTitle title={null} />
      <LoadingState label="Loading guest…" />
    </>
  )
}

function orNotSet(text: string | null): ReactNode {
  return text?.trim() ? text : <NotSet />
}

function GuestProfile({ orgId, guest, back }: { orgId: string; guest: Guest; back: BackLinkTo }) {
  const title = guest.name ?? guest.email
  const mailto = isValidEmail(guest.email) ? `mailto:${guest.email}` : null
  const location = [guest.lastCity, guest.lastCountry].filter(Boolean).join(', ')
  return (
    <article className="guest-page">
      <PageTitle title={title} />
      <BackLink {...back} />
      <header className="guest-page__header">
        <Avatar name={title} size="xl" decorative />
        <div className="guest-page__heading">
          <h1 tabIndex={-1}>{title}</h1>
          <p className="guest-page__subtitle">Guest{guest.company ? ` · ${guest.company}` : ''}</p>
          <p className="guest-page__badges">
            <GuestStatus guest={guest} />
          </p>
        </div>
        {mailto && (
          <a href={mailto} className="button guest-page__mail">
            Email {guest.name ?? 'guest'}
          </a>
        )}
      </header>

      <DetailFields>
        <DetailField label="Email">
          {mailto ? <a href={mailto}>{guest.email}</a> : <span>{guest.email}</span>}
        </DetailField>
        <DetailField label="Company">
          {guest.company && guest.companyUrl ? (
            <a href={guest.companyUrl} rel="noopener noreferrer" target="_blank">
              {guest.company}
            </a>
          ) : (
            orNotSet(guest.company)
          )}
        </DetailField>
        <DetailField label="Status">
          {guest.disabledAt ? (
            <span>
              Disabled on <DateValue iso={guest.disabledAt} />
              {guest.statusText ? ` (${guest.statusText})` : ''}
            </span>
          ) : (
            orNotSet(guest.statusText)
          )}
        </DetailField>
        <DetailField label="Phone">{orNotSet(guest.phone)}</DetailField>
        <DetailField label="Timezone">{orNotSet(guest.timezone)}</DetailField>
        <DetailField label="Last accessed">
          {guest.lastAccessedAt ? <DateValue iso={guest.lastAccessedAt} withTime /> : <span>Never</span>}
        </DetailField>
        <DetailField label="Last seen from">{orNotSet(location || null)}</DetailField>
        <DetailField label="Added">
          <DateValue iso={guest.createdAt} />
        </DetailField>
      </DetailFields>

      <GuestAdminSection orgId={orgId} guest={guest} />
      <GuestGroups orgId={orgId} email={guest.email} />
      <AssociatedMembers orgId={orgId} memberIds={guest.associatedMemberIds} />
    </article>
  )
}

function GuestAdminSection({ orgId, guest }: { orgId: string; guest: Guest }) {
  const isAdmin = useIsAdmin()
  const groupsQuery = useQuery({ ...groupQueries.list(orgId), enabled: isAdmin })
  const groupNames = useMemo(
    () =>
      // A group read without its guest list could hold them: then the dialog names no groups.
      groupsQuery.data && groupsQuery.data.every((g) => g.guestsKnown)
        ? (groupsByGuest(groupsQuery.data).get(guestKey(guest.email)) ?? []).map((g) => g.name)
        : null,
    [groupsQuery.data, guest.email],
  )
  if (!isAdmin) return null
  return (
    <Suspense fallback={null}>
      <GuestAdmin orgId={orgId} guest={guest} groupNames={groupNames} />
    </Suspense>
  )
}

function GuestGroups({ orgId, email }: { orgId: string; email: string }) {
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const groups = useMemo(
    () => (groupsQuery.data ? (groupsByGuest(groupsQuery.data).get(guestKey(email)) ?? []) : null),
    [groupsQuery.data, email],
  )
  return (
    <section className="guest-page__section" aria-labelledby="guest-groups-heading">
      <h2 id="guest-groups-heading">Groups</h2>
      {groups === null ? (
        groupsQuery.isError ? (
          <ErrorState
            error={groupsQuery.error}
            what="groups"
            headingLevel={3}
            onRetry={() => void groupsQuery.refetch()}
          />
        ) : (
          <LoadingState label="Loading groups…" />
        )
      ) : groups.length === 0 ? (
        <p className="not-set">Not in any group.</p>
      ) : (
        <GroupChips orgId={orgId} groups={groups} />
      )}
    </section>
  )
}

function AssociatedMembers({ orgId, memberIds }: { orgId: string; memberIds: readonly number[] }) {
  const directory = useQuery({ ...memberQueries.directory(orgId), enabled: memberIds.length > 0 })
  const members = directory.data?.members
  const byId = useMemo(() => new Map((members ?? []).map((m) => [m.id, m])), [members])
  const complete = directory.data?.complete ?? false
  return (
    <section className="guest-page__section" aria-labelledby="guest-members-heading">
      <h2 id="guest-members-heading">Associated members</h2>
      {memberIds.length === 0 ? (
        <p className="not-set">No associated members.</p>
      ) : directory.isError && !complete ? (
        <ErrorState
          error={directory.error}
          what="member directory"
          headingLevel={3}
          onRetry={() => void directory.refetch()}
        />
      ) : (
        <ul className="chip-list">
          {memberIds.map((id) => {
            const member = byId.get(id)
            return (
              <li key={id}>
                {member ? (
                  <Link to={paths.member(id)}>{member.fullName}</Link>
                ) : complete ? (
                  <span className="not-set">Unknown member #{id}</span>
                ) : (
                  <span className="not-set">Loading member #{id}…</span>
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
