import { lazy, Suspense, useCallback, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import type { Group, InvalidRecordInfo } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { LazyViewsMenu } from '../../components/data-table/lazy-list-tools'
import { useSearchSortList } from '../../components/data-table/use-search-sort-list'
import { ExportCsvButton } from '../../components/export-csv-button'
import { IncompleteNotice } from '../../components/incomplete-notice'
import { FilterSelect, ListFilters, ListToolbar } from '../../components/list-toolbar'
import { NoMatchState } from '../../components/no-match-state'
import { SearchBox } from '../../components/search-box'
import { TableSkeleton } from '../../components/skeleton'
import { EmptyState, ErrorState } from '../../components/states'
import { PageTitle } from '../../components/page-title'
import { backLinkState } from '../../lib/back-link'
import {
  groupListCodec,
  groupSortIds,
  readGroupFilters,
  type GroupFilter,
  type GroupListState,
} from '../../lib/list-filters'
import { paths } from '../../lib/paths'
import { useListUrl, type ListUrl } from '../../lib/use-list-url'
import { useIsAdmin, useOrgId } from '../auth/session'
import { GroupTableContext, groupColumns } from './group-columns'
import {
  countGroups,
  filterGroups,
  groupCountLabel,
  groupsWithUnreadLists,
  narrowGroups,
  toGroupListItems,
  type GroupListItem,
} from './group-list'
import './groups.css'

const noGroups: Group[] = []
const noRecords: InvalidRecordInfo[] = []
// Only when Tallyfy sent a group that cannot be read.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))
// The form loads the first time "New group" is pressed, never with the list.
const GroupFormDialog = lazy(() => import('./group-form-dialog'))
const showOptions = [{ value: 'empty', label: 'Empty groups' }] as const satisfies ReadonlyArray<{
  value: GroupFilter
  label: string
}>

export function Component() {
  const orgId = useOrgId()
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const unreadable = useQuery(groupQueries.unreadable(orgId)).data ?? noRecords
  const completeness = useQuery(groupQueries.completeness(orgId)).data ?? null
  const list = useListUrl(groupListCodec)
  const isAdmin = useIsAdmin()
  const [creating, setCreating] = useState(false)

  const groups = groupsQuery.data ?? noGroups
  const items = useMemo(() => toGroupListItems(groups), [groups])
  // A page that failed, or fewer groups than Tallyfy announced: the rows that came stay, and say so.
  const incomplete = groupsQuery.data !== undefined && completeness !== null && !completeness.complete

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
  } else if (items.length === 0 && incomplete) {
    // Tallyfy announced groups and none arrived: the notice says so, never "No groups yet".
    body = null
  } else if (items.length === 0) {
    body = (
      <EmptyState
        title="No groups yet"
        message="Groups created in Tallyfy appear here, with their members and guests."
      />
    )
  } else {
    body = <GroupList orgId={orgId} items={items} list={list} incomplete={incomplete} />
  }

  return (
    <div className="groups-page">
      <PageTitle title="Groups" />
      <div className="groups-page__heading">
        <h1 className="groups-page__title" tabIndex={-1}>
          Groups
        </h1>
        {isAdmin ? (
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New group
          </button>
        ) : null}
      </div>
      {unreadable.length > 0 && (
        <Suspense fallback={null}>
          <InvalidRecordsNotice records={unreadable} />
        </Suspense>
      )}
      {incomplete && (
        <IncompleteNotice
          loaded={groups.length}
          total={completeness.total}
          what="groups"
          error={completeness.error}
          onRetry={() => void groupsQuery.refetch()}
          retrying={groupsQuery.isFetching}
        />
      )}
      {body}
      {creating ? (
        <Suspense fallback={null}>
          <GroupFormDialog orgId={orgId} onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </div>
  )
}

function GroupList({
  orgId,
  items,
  list,
  incomplete,
}: {
  orgId: string
  items: readonly GroupListItem[]
  list: ListUrl<GroupListState>
  incomplete: boolean
}) {
  const { q: query, filter: show } = list.state
  const filter = useCallback(
    (all: readonly GroupListItem[], text: string) => filterGroups(narrowGroups(all, show), text),
    [show],
  )
  const { table, shown } = useSearchSortList({
    items,
    columns: groupColumns,
    list,
    sortIds: groupSortIds,
    getRowId: (item) => item.group.id,
    filter,
    maxSortKeys: groupListCodec.maxSortKeys,
  })
  const context = useMemo(
    () => ({ orgId, linkState: backLinkState(paths.groups(), list.search) }),
    [orgId, list.search],
  )
  const countOf = useCallback(
    (search: string) => countGroups(items, readGroupFilters(new URLSearchParams(search))),
    [items],
  )
  // A group read without a list is never empty: say how many the filter could not judge.
  const unread = show === 'empty' ? groupsWithUnreadLists(items) : 0

  let empty
  if (query.trim() !== '') {
    empty = (
      <NoMatchState
        what={show === 'empty' ? 'empty groups' : 'groups'}
        query={query}
        hint="Try another name or a word from the description."
        onClear={() => list.update({ q: '' }, { replace: true })}
      />
    )
  } else {
    empty = (
      <EmptyState
        title="No empty groups"
        message="Every group has members or guests."
        action={
          <button type="button" className="button" onClick={() => list.update({ filter: null })}>
            Show all groups
          </button>
        }
      />
    )
  }

  return (
    <>
      <ListToolbar
        search={
          <ListFilters>
            <SearchBox
              label="Search groups"
              placeholder="Search by name or description"
              value={query}
              onChange={list.setQuery}
            />
            <FilterSelect
              label="Show"
              anyLabel="All groups"
              value={show}
              options={showOptions}
              onChange={(next) => list.update({ filter: next })}
            />
            <LazyViewsMenu orgId={orgId} list="groups" countOf={countOf} />
          </ListFilters>
        }
        count={groupCountLabel(shown.length, items.length)}
      >
        <ExportCsvButton table={table} rows={shown} orgId={orgId} what="groups" incomplete={incomplete} />
      </ListToolbar>
      {unread > 0 && (
        <p className="groups-filter-note">
          {unread === 1
            ? 'Tallyfy sent 1 group without its member or guest list, so it is not shown as empty.'
            : `Tallyfy sent ${unread} groups without their member or guest lists, so they are not shown as empty.`}
        </p>
      )}
      {shown.length === 0 ? (
        empty
      ) : (
        <GroupTableContext value={context}>
          <DataTable table={table} rows={shown} caption="Groups" className="groups-table" />
        </GroupTableContext>
      )}
    </>
  )
}
