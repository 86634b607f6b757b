// /members: every member of the organization in one table, searched, sorted and filtered in the
// browser over the cached directory. The URL holds the view (see use-member-list-url.ts).
import { lazy, Suspense, use, useDeferredValue, useMemo, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { SortingState, Updater } from '@tanstack/react-table'
import { memberQueries } from '../../api/members/queries'
import { describeApiError } from '../../api/errors'
import type { MemberDirectory } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { LazyColumnChooser, LazyExportCsvButton } from '../../components/data-table/lazy-list-tools'
import { useColumnVisibility } from '../../components/data-table/use-column-visibility'
import { nextSorting, useDataTable } from '../../components/data-table/use-data-table'
import { NoMatchState } from '../../components/no-match-state'
import { TableSkeleton } from '../../components/skeleton'
import { PageTitle } from '../../components/page-title'
import { EmptyState, ErrorState } from '../../components/states'
import { backLinkState } from '../../lib/back-link'
import { describeCount, formatCount } from '../../lib/format'
import { hasActiveFilters, hasOverviewFilters, memberSortIds, type MemberSortId } from '../../lib/list-state'
import { paths } from '../../lib/paths'
import { splitTerms } from '../../lib/text'
import { useOrgId } from '../auth/session'
import { InviteMemberButton } from './invite-member-button'
import { MemberTableContext, type MemberTableContextValue } from './member-cells'
import { hideableMemberColumns, memberColumns } from './member-columns'
import { createMemberSearch, searchIndexFor } from './member-search'
import { MemberFilters, MemberSearchBox } from './member-toolbar'
import { useMemberListUrl, type MemberListUrl } from './use-member-list-url'
import { useScrollRestoration } from './use-scroll-restoration'
import './members.css'

// Rare (Tallyfy sent records Roster cannot read), so it loads only when needed.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))

// The overview's filters (last sign-in, invitation age, seat, join month) and their controls stay
// out of the first download (the bundle budget): asked for beside the directory, they are usually
// here before it. A URL that holds one of them waits for them, so rows never show unfiltered as if filtered.
type OverviewFiltersModule = typeof import('./member-overview-filters')
let overviewFilters: OverviewFiltersModule | undefined
let overviewFiltersLoad: Promise<OverviewFiltersModule> | undefined
const loadOverviewFilters = () =>
  (overviewFiltersLoad ??= import('./member-overview-filters').then((m) => (overviewFilters = m)))
const OverviewFilterControls = lazy(() =>
  loadOverviewFilters().then((m) => ({ default: m.OverviewFilterControls })),
)

export function Component() {
  void loadOverviewFilters()
  const orgId = useOrgId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const directory = useQuery(memberQueries.directory(orgId))
  const data = directory.data
  useScrollRestoration(data !== undefined && data.members.length > 0, headingRef)

  let content
  if (data && data.complete && data.members.length === 0) {
    content = (
      <EmptyState
        title="No members yet"
        message="When people join or are invited to this organization, they appear here."
      />
    )
  } else if (data && data.members.length > 0) {
    content = (
      // Shown only while a URL's overview filter waits for its module (see loadOverviewFilters).
      <Suspense fallback={skeleton}>
        <MemberList
          orgId={orgId}
          directory={data}
          loading={data.loading ?? (directory.isFetching && !data.complete)}
          error={directory.isError ? directory.error : null}
          onRetry={() => void directory.refetch()}
        />
      </Suspense>
    )
  } else if (directory.isError) {
    content = <ErrorState error={directory.error} onRetry={() => void directory.refetch()} what="members" />
  } else if (data && data.loading === false && !data.complete) {
    // The server announced members and sent none: not "No members yet", and not a skeleton forever.
    content = (
      <IncompleteNotice loaded={0} total={data.total} error={null} onRetry={() => void directory.refetch()} />
    )
  } else {
    content = skeleton
  }

  return (
    <div className="members-page">
      <PageTitle title="Members" />
      <div className="members-page__header">
        <h1 ref={headingRef} tabIndex={-1} className="members-page__title">
          Members
        </h1>
        <InviteMemberButton orgId={orgId} />
      </div>
      {content}
    </div>
  )
}

const skeleton = (
  <TableSkeleton
    label="Loading members…"
    columns={['avatar', 'name', 'text', 'badge', 'badge', 'text', 'text', 'text']}
    rows={10}
  />
)

function isSortId(id: string): id is MemberSortId {
  return (memberSortIds as readonly string[]).includes(id)
}

function MemberList({
  orgId,
  directory,
  loading,
  error,
  onRetry,
}: {
  orgId: string
  directory: MemberDirectory
  loading: boolean
  error: unknown
  onRetry: () => void
}) {
  const list = useMemberListUrl()
  const { state } = list
  // Until its module is here, an overview filter in the URL suspends the list (the skeleton above).
  const overview = overviewFilters ?? (hasOverviewFilters(state) ? use(loadOverviewFilters()) : undefined)
  // While the directory fills, pages can land faster than 50,000 rows re-sort; deferring lets
  // React skip to the newest page instead of sorting every one in between, and keeps typing responsive.
  const members = useDeferredValue(directory.members)

  // Built once per directory (each page while it fills), never per keystroke.
  const searchIndex = useMemo(() => searchIndexFor(members), [members])

  const onSortingChange = (updater: Updater<SortingState>) =>
    list.setSort(nextSorting(updater, state.sort, isSortId))
  const columnChoice = useColumnVisibility(orgId, 'members', memberColumns, hideableMemberColumns)
  const table = useDataTable({
    data: members,
    columns: columnChoice.columns,
    sorting: state.sort,
    onSortingChange,
    getRowId: (member) => String(member.id),
  })
  // Sorted once per sort or data change (TanStack memoises it); filtering walks this order.
  const sortedRows = table.getRowModel().rows

  // Filtering is one pass over precomputed strings (a few ms at 50,000 members) and only the
  // visible rows render, so the results follow the keystroke in the same frame. Deferring the
  // query (as this did once) cost a whole extra frame per key at every size.
  const query = state.q
  const terms = useMemo(() => splitTerms(query), [query])
  // Laid out once per order; each keystroke then walks strings (the previous matches when typing on).
  const search = useMemo(
    () => createMemberSearch(sortedRows, (row) => row.index, searchIndex),
    [sortedRows, searchIndex],
  )
  // One pass over the directory when it or one of them changes, then a typed-array lookup per row.
  const keep = overview?.overviewFilterMask(members, state)
  const filtered = useMemo(
    () => search.filter({ terms, role: state.role, status: state.status, keep }),
    [search, terms, state.role, state.status, keep],
  )
  const context = useMemo<MemberTableContextValue>(
    () => ({ orgId, terms, linkState: backLinkState(paths.members(), list.search) }),
    [orgId, terms, list.search],
  )

  const filtering = hasActiveFilters(state)
  const total = directory.complete ? members.length : Math.max(directory.total, members.length)
  const shown = filtering ? filtered.rows.length : members.length

  return (
    <>
      <search className="members-toolbar" aria-label="Members">
        <MemberSearchBox value={state.q} onChange={list.setQuery} onClear={list.clearQuery} />
        <MemberFilters
          role={state.role}
          status={state.status}
          roleCounts={filtered.roleCounts}
          statusCounts={filtered.statusCounts}
          onRoleChange={list.setRole}
          onStatusChange={list.setStatus}
        />
        <Suspense fallback={null}>
          <OverviewFilterControls filters={state} onChange={list.setFilters} />
        </Suspense>
        {filtering && (
          <button
            type="button"
            className="button button--small members-toolbar__clear"
            onClick={list.clearFilters}
          >
            Clear filters
          </button>
        )}
      </search>

      <div className="members-status">
        <p className="members-count" aria-live="polite">
          {describeCount(shown, members.length)}
        </p>
        {loading && <LoadingProgress loaded={directory.members.length} total={total} />}
        <div className="members-status__actions">
          <LazyColumnChooser options={columnChoice.options} toggle={columnChoice.toggle} />
          <LazyExportCsvButton
            table={table}
            rows={filtered.rows}
            orgId={orgId}
            what="members"
            unavailableReason={directory.complete ? undefined : 'Available once every member has loaded'}
          />
        </div>
      </div>

      {!loading && !directory.complete && (
        <IncompleteNotice loaded={members.length} total={total} error={error} onRetry={onRetry} />
      )}
      {directory.invalidRecords && directory.invalidRecords.length > 0 && (
        <Suspense fallback={null}>
          <InvalidRecordsNotice records={directory.invalidRecords} />
        </Suspense>
      )}

      <MemberTableContext value={context}>
        <DataTable
          table={table}
          rows={filtered.rows}
          caption="Members"
          className="members-table"
          empty={<NoMatches list={list} query={query} />}
        />
      </MemberTableContext>
    </>
  )
}

function LoadingProgress({ loaded, total }: { loaded: number; total: number }) {
  return (
    <output className="members-progress">
      <span>
        Loading members… {formatCount(loaded)} of {formatCount(total)}
      </span>
      <progress
        className="members-progress__bar"
        value={loaded}
        max={Math.max(total, 1)}
        aria-label="Members loaded"
      />
    </output>
  )
}

// A failed refresh of a complete directory is announced by the shell's banner ("may be out of
// date"); a directory that stopped part-way (a failure, or a server that sent fewer members than it
// announced) needs its own words, because rows are missing.
function IncompleteNotice({
  loaded,
  total,
  error,
  onRetry,
}: {
  loaded: number
  total: number
  error: unknown
  onRetry: () => void
}) {
  const why = error != null ? describeApiError(error, 'members').message : null
  return (
    <div className="banner banner--warning members-notice" role="alert">
      <span>
        Loaded {formatCount(loaded)} of {formatCount(total)} members, so this list is incomplete.
        {why && ` ${why}`}
      </span>
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

function NoMatches({ list, query }: { list: MemberListUrl; query: string }) {
  if (query.trim() !== '') {
    return (
      <NoMatchState
        what="members"
        query={query}
        hint={
          hasActiveFilters({ ...list.state, q: '' })
            ? 'The filters also apply.'
            : 'Try fewer or shorter words.'
        }
        onClear={list.clearQuery}
      />
    )
  }
  return (
    <EmptyState
      title="No members match these filters"
      action={
        <button type="button" className="button" onClick={list.clearFilters}>
          Clear filters
        </button>
      }
    />
  )
}
