// /guests: every guest of the organization in one table, loaded whole and searched, sorted in the
// browser. Each guest's groups come from the cached groups list (the groups' `guests` arrays).
import { lazy, Suspense, useCallback, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import type { Group, Guest, InvalidRecordInfo } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { LazyViewsMenu } from '../../components/data-table/lazy-list-tools'
import { useSearchSortList } from '../../components/data-table/use-search-sort-list'
import { ExportCsvButton } from '../../components/export-csv-button'
import { IncompleteNotice } from '../../components/incomplete-notice'
import { FilterSelect, ListFilters, ListToolbar } from '../../components/list-toolbar'
import { barLoader, SelectionBarSlot, SelectionScope } from '../../components/selection/select-column'
import { listSelection } from '../../components/selection/selection-store'
import { NoMatchState } from '../../components/no-match-state'
import { PageTitle } from '../../components/page-title'
import { SearchBox } from '../../components/search-box'
import { TableSkeleton } from '../../components/skeleton'
import { EmptyState, ErrorState } from '../../components/states'
import { backLinkState } from '../../lib/back-link'
import { groupedGuests, type GroupedGuests } from '../../lib/list-filters'
import {
  guestListCodec,
  guestSortIds,
  readGuestFilters,
  type GuestGroupFilter,
  type GuestListState,
  type GuestStatusFilter,
} from '../../lib/list-filters'
import { paths } from '../../lib/paths'
import { guestKey } from '../../lib/email'
import { splitTerms } from '../../lib/text'
import { useListUrl, type ListUrl } from '../../lib/use-list-url'
import { useOrgId } from '../auth/session'
import { AddGuestButton } from './add-guest'
import { GuestTableContext, guestColumns } from './guest-columns'
import {
  canTellNoGroup,
  countGuests,
  filterGuests,
  groupsByGuest,
  guestCountLabel,
  narrowGuests,
  toGuestListItems,
  type GuestListItem,
} from './guest-list'
import './guests.css'

const noGuests: Guest[] = []
const noGroups: Group[] = []
const noRecords: InvalidRecordInfo[] = []
// Only when Tallyfy sent a guest that cannot be read.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))
const statusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'disabled', label: 'Disabled' },
] as const satisfies ReadonlyArray<{ value: GuestStatusFilter; label: string }>
const groupOptions = [{ value: 'none', label: 'In no group' }] as const satisfies ReadonlyArray<{
  value: GuestGroupFilter
  label: string
}>
// The selection bar, fetched on the first hover or focus of a checkbox, or the first selection.
const guestSelectionBar = barLoader(() => import('./guest-selection-bar'))

export function Component() {
  const orgId = useOrgId()
  const guestsQuery = useQuery(guestQueries.list(orgId))
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const unreadable = useQuery(guestQueries.unreadable(orgId)).data ?? noRecords
  const completeness = useQuery(guestQueries.completeness(orgId)).data ?? null
  const groupsCompleteness = useQuery(groupQueries.completeness(orgId)).data ?? null
  const list = useListUrl(guestListCodec)

  const guests = guestsQuery.data ?? noGuests
  const groups = groupsQuery.data ?? noGroups
  const byGuest = useMemo(() => groupsByGuest(groups), [groups])
  const items = useMemo(() => toGuestListItems(guests, byGuest), [guests, byGuest])
  // A page that failed, or fewer than Tallyfy announced: what came stays, and says so.
  const incomplete = guestsQuery.data !== undefined && completeness !== null && !completeness.complete
  // Groups that did not all load leave some guests' Groups short, and "in no group" unknowable.
  const groupsIncomplete =
    groupsQuery.data !== undefined && groupsCompleteness !== null && !groupsCompleteness.complete
  // Who is in some group, once every group is in; null while they load, after they failed, or
  // when some did not arrive.
  const grouped = useMemo(
    () => (groupsQuery.data && !groupsIncomplete ? groupedGuests(groupsQuery.data) : null),
    [groupsQuery.data, groupsIncomplete],
  )

  let body
  // Until both lists are in, a Groups column would claim "none" for everyone; wait for the groups
  // unless they failed (then the guests still show, with a notice).
  if (guestsQuery.isPending || (groupsQuery.isPending && guestsQuery.data !== undefined)) {
    body = (
      <TableSkeleton label="Loading guests…" columns={['name', 'text', 'text', 'badge', 'text', 'text']} />
    )
  } else if (guestsQuery.data === undefined) {
    body = <ErrorState error={guestsQuery.error} what="guests" onRetry={() => void guestsQuery.refetch()} />
  } else if (items.length === 0 && incomplete) {
    // Tallyfy announced guests and none arrived: the notice says so, never "No guests yet".
    body = null
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
        {groupsIncomplete && (
          <IncompleteNotice
            loaded={groups.length}
            total={groupsCompleteness.total}
            what="groups"
            error={groupsCompleteness.error}
            consequence="so the Groups column may miss some"
            onRetry={() => void groupsQuery.refetch()}
            retrying={groupsQuery.isFetching}
          />
        )}
        <GuestList
          orgId={orgId}
          items={items}
          list={list}
          grouped={grouped}
          groupsIncomplete={groupsIncomplete}
          incomplete={incomplete}
          onRetryGroups={() => void groupsQuery.refetch()}
        />
      </>
    )
  }

  return (
    <div className="guests-page">
      <PageTitle title="Guests" />
      <div className="guests-page__header">
        <h1 className="guests-page__title" tabIndex={-1}>
          Guests
        </h1>
        <AddGuestButton orgId={orgId} />
      </div>
      {unreadable.length > 0 && (
        <Suspense fallback={null}>
          <InvalidRecordsNotice records={unreadable} />
        </Suspense>
      )}
      {incomplete && (
        <IncompleteNotice
          loaded={guests.length}
          total={completeness.total}
          what="guests"
          error={completeness.error}
          onRetry={() => void guestsQuery.refetch()}
          retrying={guestsQuery.isFetching}
        />
      )}
      {body}
    </div>
  )
}

function GuestList({
  orgId,
  items,
  list,
  grouped,
  groupsIncomplete,
  incomplete,
  onRetryGroups,
}: {
  orgId: string
  items: readonly GuestListItem[]
  list: ListUrl<GuestListState>
  grouped: GroupedGuests | null
  groupsIncomplete: boolean
  incomplete: boolean
  onRetryGroups: () => void
}) {
  const { q: query, status, group } = list.state
  // "In no group" asked while some group's guest list is not known: say so, never show everyone.
  const cannotTell = group === 'none' && !canTellNoGroup(grouped)
  const filter = useCallback(
    (all: readonly GuestListItem[], text: string) =>
      filterGuests(narrowGuests(all, { status, group }, grouped) ?? [], text),
    [status, group, grouped],
  )
  const { table, shown } = useSearchSortList({
    items,
    columns: guestColumns,
    list,
    sortIds: guestSortIds,
    getRowId: (item) => guestKey(item.guest.email),
    filter,
  })
  const terms = useMemo(() => splitTerms(query), [query])
  const context = useMemo(
    () => ({ orgId, terms, linkState: backLinkState(paths.guests(), list.search) }),
    [orgId, terms, list.search],
  )
  const countOf = useCallback(
    (search: string) => countGuests(items, readGuestFilters(new URLSearchParams(search)), grouped),
    [items, grouped],
  )
  const filtered = status !== null || group !== null
  // Held by guest key for the session, so it survives sorting, searching and leaving the page.
  const selection = listSelection(orgId, 'guests')
  const searching = query.trim() !== ''
  const hiddenBy = !searching ? 'the filters' : filtered ? 'the search and filters' : 'the search'
  const clearFilters = () => list.update({ status: null, group: null })

  let empty
  if (query.trim() !== '') {
    empty = (
      <NoMatchState
        what="guests"
        query={query}
        hint={filtered ? 'The status and group filters also apply.' : 'Try another name, email or company.'}
        onClear={() => list.update({ q: '' }, { replace: true })}
      />
    )
  } else {
    empty = (
      <EmptyState
        title={
          group === 'none' && status === null ? 'Every guest is in a group' : 'No guests match these filters'
        }
        action={
          <button type="button" className="button" onClick={clearFilters}>
            Clear filters
          </button>
        }
      />
    )
  }

  return (
    <SelectionScope selection={selection} shown={shown} preloadBar={guestSelectionBar.preload}>
      <ListToolbar
        search={
          <ListFilters>
            <SearchBox
              label="Search guests"
              placeholder="Search by name, email or company"
              value={query}
              onChange={list.setQuery}
            />
            <FilterSelect
              label="Status"
              anyLabel="Any"
              value={status}
              options={statusOptions}
              onChange={(next) => list.update({ status: next })}
            />
            <FilterSelect
              label="Group"
              anyLabel="Any"
              value={group}
              options={groupOptions}
              onChange={(next) => list.update({ group: next })}
            />
            <LazyViewsMenu orgId={orgId} list="guests" countOf={countOf} />
          </ListFilters>
        }
        count={cannotTell ? 'Guests in no group: not known' : guestCountLabel(shown.length, items.length)}
      >
        <ExportCsvButton
          table={table}
          rows={shown}
          orgId={orgId}
          what="guests"
          unavailableReason={cannotTell ? 'Not known who is in no group' : undefined}
          incomplete={incomplete || groupsIncomplete}
        />
      </ListToolbar>
      {cannotTell ? (
        <NoGroupNotKnown
          grouped={grouped}
          groupsIncomplete={groupsIncomplete}
          onRetry={onRetryGroups}
          onShowAll={() => list.update({ group: null }, { replace: true })}
        />
      ) : (
        <GuestTableContext value={context}>
          <DataTable table={table} rows={shown} caption="Guests" className="guests-table" empty={empty} />
        </GuestTableContext>
      )}
      <SelectionBarSlot
        bar={guestSelectionBar}
        render={(bar) => (
          <bar.GuestSelectionBar
            orgId={orgId}
            table={table}
            sortedRows={table.getRowModel().rows}
            hiddenBy={hiddenBy}
          />
        )}
      />
    </SelectionScope>
  )
}

/** "In no group" asked while the groups failed, or some were read without their guest list. */
function NoGroupNotKnown({
  grouped,
  groupsIncomplete,
  onRetry,
  onShowAll,
}: {
  grouped: GroupedGuests | null
  groupsIncomplete: boolean
  onRetry: () => void
  onShowAll: () => void
}) {
  const why = groupsIncomplete
    ? 'Not every group could be loaded'
    : grouped === null
      ? 'The groups could not be loaded'
      : grouped.unreadGuestLists === 1
        ? 'Tallyfy sent 1 group without its guest list'
        : `Tallyfy sent ${grouped.unreadGuestLists} groups without their guest lists`
  return (
    <EmptyState
      title="Can’t tell who is in no group"
      message={`${why}, so a guest missing from the lists Roster has may still be in a group.`}
      action={
        <>
          <button type="button" className="button button--primary" onClick={onRetry}>
            Retry
          </button>
          <button type="button" className="button" onClick={onShowAll}>
            Show all guests
          </button>
        </>
      }
    />
  )
}
