import { lazy, Suspense, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import type { Group, InvalidRecordInfo } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { useSearchSortList } from '../../components/data-table/use-search-sort-list'
import { ExportCsvButton } from '../../components/export-csv-button'
import { ListToolbar } from '../../components/list-toolbar'
import { NoMatchState } from '../../components/no-match-state'
import { SearchBox } from '../../components/search-box'
import { TableSkeleton } from '../../components/skeleton'
import { EmptyState, ErrorState } from '../../components/states'
import { PageTitle } from '../../components/page-title'
import { backLinkState } from '../../lib/back-link'
import { searchAndSortCodec, type SearchAndSort } from '../../lib/list-state'
import { paths } from '../../lib/paths'
import { useListUrl, type ListUrl } from '../../lib/use-list-url'
import { useIsAdmin, useOrgId } from '../auth/session'
import { GroupTableContext, groupColumns, groupSortIds } from './group-columns'
import { filterGroups, groupCountLabel, toGroupListItems, type GroupListItem } from './group-list'
import './groups.css'

type GroupSortId = (typeof groupSortIds)[number]
const noGroups: Group[] = []
const noRecords: InvalidRecordInfo[] = []
// Only when Tallyfy sent a group that cannot be read.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))
// The form loads the first time "New group" is pressed, never with the list.
const GroupFormDialog = lazy(() => import('./group-form-dialog'))
// One sort key: a group list has too few columns for a second key to mean anything.
const listCodec = searchAndSortCodec<GroupSortId>(groupSortIds, [{ id: 'name', desc: false }], 1)

export function Component() {
  const orgId = useOrgId()
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const unreadable = useQuery(groupQueries.unreadable(orgId)).data ?? noRecords
  const list = useListUrl(listCodec)
  const isAdmin = useIsAdmin()
  const [creating, setCreating] = useState(false)

  const groups = groupsQuery.data ?? noGroups
  const items = useMemo(() => toGroupListItems(groups), [groups])

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
    body = <GroupList orgId={orgId} items={items} list={list} />
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
}: {
  orgId: string
  items: readonly GroupListItem[]
  list: ListUrl<SearchAndSort<GroupSortId>>
}) {
  const query = list.state.q
  const { table, shown } = useSearchSortList({
    items,
    columns: groupColumns,
    list,
    sortIds: groupSortIds,
    getRowId: (item) => item.group.id,
    filter: filterGroups,
    maxSortKeys: listCodec.maxSortKeys,
  })
  const context = useMemo(
    () => ({ orgId, linkState: backLinkState(paths.groups(), list.search) }),
    [orgId, list.search],
  )

  return (
    <>
      <ListToolbar
        search={
          <SearchBox
            label="Search groups"
            placeholder="Search by name or description"
            value={query}
            onChange={list.setQuery}
          />
        }
        count={groupCountLabel(shown.length, items.length)}
      >
        <ExportCsvButton table={table} rows={shown} orgId={orgId} what="groups" />
      </ListToolbar>
      {shown.length === 0 ? (
        <NoMatchState
          what="groups"
          query={query}
          hint="Try another name or a word from the description."
          onClear={() => list.update({ q: '' }, { replace: true })}
        />
      ) : (
        <GroupTableContext value={context}>
          <DataTable table={table} rows={shown} caption="Groups" className="groups-table" />
        </GroupTableContext>
      )}
    </>
  )
}
