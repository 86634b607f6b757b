import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useLocation, useParams } from 'react-router'
import { isNotFound } from '../../api/errors'
import { groupQueries } from '../../api/groups/queries'
import type { Group } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { NotFoundState } from '../../components/not-found-state'
import { ErrorState, LoadingState } from '../../components/states'
import { DateValue } from '../../components/date-display'
import { BackLink } from '../../components/detail-page'
import { PageTitle } from '../../components/page-title'
import { backLinkTarget } from '../../lib/back-link'
import { groupBackLinkState } from '../../lib/group-back-link'
import { formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import { useIsAdmin, useOrgId } from '../auth/session'
import { GroupAdminBar } from './group-admin-bar'
import { isValidGroupId } from './group-id'
import { groupLogoSrc } from './group-logo'
import { GroupMembers } from './group-members'
import { GuestList } from './guest-list'
import { guestEntries } from './guests'
import { distinctMemberCount } from './resolve-members'
import { useMembershipActions } from './use-membership-actions'
import './groups.css'

export function Component() {
  const { groupId } = useParams()
  const orgId = useOrgId()
  if (!isValidGroupId(groupId)) return <GroupNotFound />
  // Keyed by group so local state (search draft) never leaks from one group to the next.
  return <GroupDetail key={groupId} orgId={orgId} groupId={groupId} />
}

function GroupNotFound() {
  return (
    <div className="groups-page">
      <NotFoundState
        title="Group not found"
        message="This group does not exist in this organization, or it has been deleted."
        backTo={paths.groups()}
        backLabel="Back to groups"
      />
    </div>
  )
}

function GroupDetail({ orgId, groupId }: { orgId: string; groupId: string }) {
  const location = useLocation()
  const groupQuery = useQuery(groupQueries.detail(orgId, groupId))

  if (groupQuery.isError && isNotFound(groupQuery.error)) return <GroupNotFound />

  const backTo = backLinkTarget(location.state, paths.groups())
  return (
    <div className="groups-page group-detail">
      <PageTitle title={groupQuery.data?.name ?? (groupQuery.isError ? 'Group' : null)} />
      <p className="group-detail__back">
        <BackLink to={backTo} label="Back to groups" />
      </p>
      {groupQuery.isPending ? (
        <LoadingState label="Loading group…" />
      ) : groupQuery.data === undefined ? (
        // Only when there is nothing to show: a failed background refresh keeps the group on screen.
        <ErrorState
          error={groupQuery.error}
          what="group"
          headingLevel={1}
          onRetry={() => void groupQuery.refetch()}
        />
      ) : (
        <GroupContent
          orgId={orgId}
          group={groupQuery.data}
          pageState={location.state}
          retry={{ onRetry: () => void groupQuery.refetch(), retrying: groupQuery.isFetching }}
        />
      )}
    </div>
  )
}

const count = (n: number, known: boolean, noun: string) =>
  known ? `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}` : `${noun} count not known`

/** "3 members · 1 guest"; a list the read came without is "not known", never 0. */
function countsText(group: Group, members: number, guests: number): string {
  const text = `${count(members, group.membersKnown, 'member')} · ${count(guests, group.guestsKnown, 'guest')}`
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function GroupContent({
  orgId,
  group,
  pageState,
  retry,
}: {
  orgId: string
  group: Group
  pageState: unknown
  /** Reads the group again, for a list its read came without. */
  retry: { onRetry: () => void; retrying: boolean }
}) {
  const guests = useMemo(() => guestEntries(group.guests), [group.guests])
  // A guest's page opened from here offers "Back to {group}", and from there this page's own way back.
  const guestLinkState = useMemo(
    () => groupBackLinkState(paths.group(group.id), group.name, pageState),
    [group.id, group.name, pageState],
  )
  const memberCount = distinctMemberCount(group.memberIds)
  const name = group.name
  const isAdmin = useIsAdmin()
  const actions = useMembershipActions(orgId, group.id)
  const admin = isAdmin ? { groupName: name, actions } : undefined
  return (
    <>
      <header className="group-header">
        <Avatar
          name={name}
          src={groupLogoSrc(group.logo)}
          shape="rounded"
          size="xl"
          decorative
          className="group-header__logo"
        />
        <div className="group-header__text">
          <h1 className="group-header__title" tabIndex={-1}>
            {name}
          </h1>
          <p className="group-header__counts">{countsText(group, memberCount, guests.length)}</p>
          {group.description?.trim() ? (
            <p className="group-header__description">{group.description.trim()}</p>
          ) : null}
          {(group.createdAt || group.updatedAt) && (
            <dl className="group-header__dates">
              {group.createdAt && (
                <div>
                  <dt>Created</dt>
                  <dd>
                    <DateValue iso={group.createdAt} />
                  </dd>
                </div>
              )}
              {group.updatedAt && (
                <div>
                  <dt>Last updated</dt>
                  <dd>
                    <DateValue iso={group.updatedAt} />
                  </dd>
                </div>
              )}
            </dl>
          )}
        </div>
      </header>
      {isAdmin ? <GroupAdminBar orgId={orgId} group={group} /> : null}
      <GroupMembers
        orgId={orgId}
        memberIds={group.memberIds}
        total={memberCount}
        groupName={name}
        admin={admin}
        notRead={group.membersKnown ? undefined : retry}
      />
      <GuestList
        guests={guests}
        admin={admin}
        linkState={guestLinkState}
        notRead={group.guestsKnown ? undefined : retry}
      />
    </>
  )
}
