// /guests: every guest of the organization in one table, loaded whole and searched, sorted in the
// browser. Each guest's groups come from the cached groups list (the groups' `guests` arrays).
import { lazy, Suspense, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import type { Group, Guest, InvalidRecordInfo } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { useSearchSortList } from '../../components/data-table/use-search-sort-list'
import { ExportCsvButton } from '../../components/export-csv-button'
import { ListToolbar } from '../../components/list-toolbar'
import { NoMatchState } from '../../components/no-match-state'
import { PageTitle } from '../../components/page-title'
import { SearchBox } from '../../components/search-box'
import { TableSkeleton } from '../../components/skeleton'
import { EmptyState, ErrorState } from '../../components/states'
import { backLinkState } from '../../lib/back-link'
import { searchAndSortCodec, type SearchAndSort } from '../../lib/list-state'
import { paths } from '../../lib/paths'
import { guestKey } from '../../lib/email'
import { splitTerms } from '../../lib/text'
import { useListUrl, type ListUrl } from '../../lib/use-list-url'
import { useOrgId } from '../auth/session'
import { GuestTableContext, guestColumns, guestSortIds } from './guest-columns'
import {
  filterGuests,
  groupsByGuest,
  guestCountLabel,
  toGuestListItems,
  type GuestListItem,
} from './guest-list'
import './guests.css'

type GuestSortId = (typeof guestSortIds)[number]
const noGuests: Guest[] = []
const noGroups: Group[] = []
const noRecords: InvalidRecordInfo[] = []
// Only when Tallyfy sent a guest that cannot be read.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))
const listCodec = searchAndSortCodec<GuestSortId>(guestSortIds, [{ id: 'email', desc: false }])

export function Component() {
  const orgId = useOrgId()
  const guestsQuery = useQuery(guestQueries.list(orgId))
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const unreadable = useQuery(guestQueries.unreadable(orgId)).data ?? noRecords
  const list = useListUrl(listCodec)

  const guests = guestsQuery.data ?? noGuests
  const groups = groupsQuery.data ?? noGroups
  const byGuest = useMemo(() => groupsByGuest(groups), [groups])
  const items = useMemo(() => toGuestListItems(guests, byGuest), [guests, byGuest])

  let body
  // Until both lists are in, a Groups column would claim "none" for everyone; wait for the groups
  // unless they failed (then the guests still show, with a notice).
  if (guestsQuery.isPending || (groupsQuery.isPending && guestsQuery.data !== undefined)) {
    body = (
      <TableSkeleton label="Loading guests…" columns={['name', 'text', 'text', 'badge', 'text', 'text']} />
    )
  } else if (guestsQuery.data === undefined) {
    body = <ErrorState error={guestsQuery.error} what="guests" onRetry={() => void guestsQuery.refetch()} />
  } else if (items.length === 0) {
    body = (
      <EmptyState
        title="No guests yet"
        message="People outside the organization who are given tasks in Tallyfy appear here."
      />
    )
  } else {
    body = (
      <>
        {groupsQuery.isError && groupsQuery.data === undefined && (
          <div className="banner banner--warning guests-notice" role="alert">
            <span>Couldn't load the groups, so the Groups column is empty.</span>
            <button type="button" className="button button--small" onClick={() => void groupsQuery.refetch()}>
              Retry
            </button>
          </div>
        )}
        <GuestList orgId={orgId} items={items} list={list} />
      </>
    )
  }

  return (
    <div className="guests-page">
      <PageTitle title="Guests" />
      <h1 className="guests-page__title" tabIndex={-1}>
        Guests
      </h1>
      {unreadable.length > 0 && (
        <Suspense fallback={null}>
          <InvalidRecordsNotice records={unreadable} />
        </Suspense>
      )}
      {body}
    </div>
  )
}

function GuestList({
  orgId,
  items,
  list,
}: {
  orgId: string
  items: readonly GuestListItem[]
  list: ListUrl<SearchAndSort<GuestSortId>>
}) {
  const query = list.state.q
  const { table, shown } = useSearchSortList({
    items,
    columns: guestColumns,
    list,
    sortIds: guestSortIds,
    getRowId: (item) => guestKey(item.guest.email),
    filter: filterGuests,
  })
  const terms = useMemo(() => splitTerms(query), [query])
  const context = useMemo(
    () => ({ orgId, terms, linkState: backLinkState(paths.guests(), list.search) }),
    [orgId, terms, list.search],
  )

  return (
    <>
      <ListToolbar
        search={
          <SearchBox
            label="Search guests"
            placeholder="Search by name, email or company"
            value={query}
            onChange={list.setQuery}
          />
        }
        count={guestCountLabel(shown.length, items.length)}
      >
        <ExportCsvButton table={table} rows={shown} orgId={orgId} what="guests" />
      </ListToolbar>
      <GuestTableContext value={context}>
        <DataTable
          table={table}
          rows={shown}
          caption="Guests"
          className="guests-table"
          empty={
            <NoMatchState
              what="guests"
              query={query}
              hint="Try another name, email or company."
              onClear={() => list.update({ q: '' }, { replace: true })}
            />
          }
        />
      </GuestTableContext>
    </>
  )
}
