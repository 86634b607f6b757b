import { useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useLocation } from 'react-router'
import { useCredentials } from '../../api/credentials'
import { groupQueries } from '../../api/groups'
import type { Group } from '../../api/types'
import { useDocumentTitle } from '../../app/use-document-title'
import { Avatar } from '../../components/avatar'
import { GroupLink } from '../../components/group-link'
import { TableSkeleton } from '../../components/skeleton'
import { EmptyState, ErrorState } from '../../components/states'
import { formatCount } from '../../lib/format'
import { groupLogoSrc } from './group-logo'
import {
  filterGroups,
  groupCountLabel,
  formatGroupSort,
  nextGroupSort,
  parseGroupSort,
  sortGroups,
  toGroupListItems,
  type GroupListItem,
  type GroupSort,
  type GroupSortKey,
} from './group-list'
import { RelativeTime } from './relative-time'
import { SearchBox } from '../../components/search-box'
import { SortHeader } from './sort-header'
import { useListUrlState } from './use-list-url-state'
import './groups.css'

const noGroups: Group[] = []
const sortLabels: Record<GroupSortKey, string> = {
  name: 'name',
  members: 'member count',
  updated: 'last updated',
}

export function Component() {
  useDocumentTitle('Groups')
  const orgId = useCredentials()?.orgId ?? ''
  const groupsQuery = useQuery({ ...groupQueries.list(orgId), enabled: orgId !== '' })
  const { query, setQuery, sort, setSort } = useListUrlState({
    parseSort: parseGroupSort,
    formatSort: formatGroupSort,
  })

  const groups = groupsQuery.data ?? noGroups
  const items = useMemo(() => toGroupListItems(groups), [groups])
  const sorted = useMemo(() => sortGroups(items, sort), [items, sort])
  const shown = useMemo(() => filterGroups(sorted, query), [sorted, query])

  let body
  if (groupsQuery.isPending) {
    body = (
      <TableSkeleton
        label="Loading groups…"
        columns={['logo', 'name', 'text', 'number', 'number', 'text']}
        className="skeleton--rounded"
      />
    )
  } else if (groupsQuery.isError && groupsQuery.data === undefined) {
    // A failed background refresh keeps the list on screen; the shell says it may be out of date.
    body = <ErrorState error={groupsQuery.error} what="groups" onRetry={() => void groupsQuery.refetch()} />
  } else if (items.length === 0) {
    body = (
      <EmptyState
        title="No groups yet"
        message="Groups created in Tallyfy appear here, with their members and guests."
      />
    )
  } else {
    body = (
      <>
        <div className="groups-toolbar">
          <SearchBox
            label="Search groups"
            placeholder="Search by name or description"
            value={query}
            onChange={setQuery}
          />
          <p className="groups-count" aria-live="polite">
            {groupCountLabel(shown.length, items.length)}
          </p>
        </div>
        {shown.length === 0 ? (
          <EmptyState
            title={`No groups match “${query.trim()}”`}
            message="Try another name or a word from the description."
            action={
              <button type="button" className="button" onClick={() => setQuery('')}>
                Clear search
              </button>
            }
          />
        ) : (
          <GroupsTable
            orgId={orgId}
            items={shown}
            sort={sort}
            onSort={(key) => setSort(nextGroupSort(sort, key))}
          />
        )}
      </>
    )
  }

  return (
    <div className="groups-page">
      <h1 className="groups-page__title" tabIndex={-1}>
        Groups
      </h1>
      {body}
    </div>
  )
}

function GroupsTable({
  orgId,
  items,
  sort,
  onSort,
}: {
  orgId: string
  items: readonly GroupListItem[]
  sort: GroupSort
  onSort: (key: GroupSortKey) => void
}) {
  const location = useLocation()
  // The group page's "Back to groups" link returns to this exact search and sort.
  const linkState = { backTo: `${location.pathname}${location.search}` }
  const header = (key: GroupSortKey, label: string, className?: string) => (
    <SortHeader
      label={label}
      active={sort.key === key}
      desc={sort.desc}
      onSort={() => onSort(key)}
      className={className}
    />
  )
  return (
    <div className="groups-table-wrap">
      <table className="groups-table">
        <caption className="groups-sr-only">
          Groups, sorted by {sortLabels[sort.key]}, {sort.desc ? 'descending' : 'ascending'}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="groups-table__logo">
              <span className="groups-sr-only">Logo</span>
            </th>
            {header('name', 'Name', 'groups-table__name')}
            <th scope="col" className="groups-table__description">
              Description
            </th>
            {header('members', 'Members', 'groups-table__number')}
            <th scope="col" className="groups-table__number groups-table__guests">
              Guests
            </th>
            {header('updated', 'Last updated', 'groups-table__updated')}
          </tr>
        </thead>
        <tbody>
          {items.map(({ group, memberCount, guestCount }) => (
            <tr key={group.id}>
              <td className="groups-table__logo">
                <Avatar
                  name={group.name}
                  src={groupLogoSrc(group.logo)}
                  shape="rounded"
                  size="md"
                  decorative
                />
              </td>
              <td className="groups-table__name">
                <GroupLink
                  orgId={orgId}
                  groupId={group.id}
                  state={linkState}
                  title={group.name.trim() || undefined}
                  className="groups-table__link"
                >
                  {group.name.trim() || 'Unnamed group'}
                </GroupLink>
              </td>
              <td className="groups-table__description">
                {group.description ? (
                  <span className="groups-table__truncate" title={group.description}>
                    {group.description}
                  </span>
                ) : (
                  <span className="groups-muted">—</span>
                )}
              </td>
              <td className="groups-table__number">{formatCount(memberCount)}</td>
              <td className="groups-table__number groups-table__guests">{formatCount(guestCount)}</td>
              <td className="groups-table__updated">
                <RelativeTime iso={group.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
