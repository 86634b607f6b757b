import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link, useLocation, useParams } from 'react-router'
import { useCredentials } from '../../api/credentials'
import { isNotFound } from '../../api/errors'
import { groupQueries } from '../../api/groups'
import type { Group } from '../../api/types'
import { useDocumentTitle } from '../../app/use-document-title'
import { Avatar } from '../../components/avatar'
import { ErrorState, LoadingState, NotFoundState } from '../../components/states'
import { formatCount, formatDate } from '../../lib/format'
import { paths } from '../../lib/paths'
import { isValidGroupId } from './group-id'
import { groupLogoSrc } from './group-logo'
import { GroupMembers } from './group-members'
import { GuestList } from './guest-list'
import { guestEntries } from './guests'
import { distinctMemberCount } from './resolve-members'
import './groups.css'

/**
 * Where "Back to groups" goes: the list exactly as the person left it (search and sort) when they
 * came from it, else the plain list. Only a /groups path is trusted from history state.
 */
function backTarget(state: unknown): string {
  if (state && typeof state === 'object' && 'backTo' in state) {
    const backTo = (state as { backTo: unknown }).backTo
    if (typeof backTo === 'string' && /^\/groups(?:[?#]|$)/.test(backTo)) return backTo
  }
  return paths.groups()
}

export function Component() {
  const { groupId } = useParams()
  const orgId = useCredentials()?.orgId ?? ''
  if (!isValidGroupId(groupId)) return <GroupNotFound />
  // Keyed by group so local state (search draft) never leaks from one group to the next.
  return <GroupDetail key={groupId} orgId={orgId} groupId={groupId} />
}

function GroupNotFound() {
  useDocumentTitle('Group not found')
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
  const groupQuery = useQuery({ ...groupQueries.detail(orgId, groupId), enabled: orgId !== '' })
  // The parent's title effect runs after GroupNotFound's, so it must say "not found" itself.
  const failedTitle = isNotFound(groupQuery.error) ? 'Group not found' : 'Group'
  useDocumentTitle(groupQuery.data?.name ?? (groupQuery.isError ? failedTitle : null))

  if (groupQuery.isError && isNotFound(groupQuery.error)) return <GroupNotFound />

  const backTo = backTarget(location.state)
  return (
    <div className="groups-page group-detail">
      <p className="group-detail__back">
        <Link to={backTo} className="group-detail__back-link">
          <span aria-hidden="true">← </span>Back to groups
        </Link>
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
        <GroupContent orgId={orgId} group={groupQuery.data} />
      )}
    </div>
  )
}

function GroupContent({ orgId, group }: { orgId: string; group: Group }) {
  const guests = useMemo(() => guestEntries(group.guests), [group.guests])
  const memberCount = distinctMemberCount(group.memberIds)
  const name = group.name.trim() || 'Unnamed group'
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
          <p className="group-header__counts">
            {formatCount(memberCount)} {memberCount === 1 ? 'member' : 'members'} ·{' '}
            {formatCount(guests.length)} {guests.length === 1 ? 'guest' : 'guests'}
          </p>
          {group.description?.trim() ? (
            <p className="group-header__description">{group.description.trim()}</p>
          ) : null}
          {(group.createdAt || group.updatedAt) && (
            <dl className="group-header__dates">
              {group.createdAt && (
                <div>
                  <dt>Created</dt>
                  <dd>
                    <time dateTime={group.createdAt}>{formatDate(group.createdAt)}</time>
                  </dd>
                </div>
              )}
              {group.updatedAt && (
                <div>
                  <dt>Last updated</dt>
                  <dd>
                    <time dateTime={group.updatedAt}>{formatDate(group.updatedAt)}</time>
                  </dd>
                </div>
              )}
            </dl>
          )}
        </div>
      </header>
      <GroupMembers orgId={orgId} memberIds={group.memberIds} total={memberCount} />
      <GuestList guests={guests} />
    </>
  )
}
