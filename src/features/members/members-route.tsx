// /members: every member of the organization in one table, searched, sorted and filtered in the
// browser over the cached directory. The URL holds the view (see use-member-list-url.ts).
import { lazy, Suspense, use, useDeferredValue, useMemo, useRef, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import type { SortingState, Updater } from '@tanstack/react-table'
import { memberQueries } from '../../api/members/queries'
import type { MemberDirectory } from '../../api/types'
import { DataTable } from '../../components/data-table/data-table'
import { LazyColumnChooser, LazyExportCsvButton } from '../../components/data-table/lazy-list-tools'
import { useColumnVisibility } from '../../components/data-table/use-column-visibility'
import { nextSorting, useDataTable } from '../../components/data-table/use-data-table'
import { TableSkeleton } from '../../components/skeleton'
import { PageTitle } from '../../components/page-title'
import { ErrorState } from '../../components/states'
import { backLinkState } from '../../lib/back-link'
import { describeCount } from '../../lib/format'
import { hasActiveFilters, memberSortIds, type MemberSortId } from '../../lib/list-state'
import { paths } from '../../lib/paths'
import { splitTerms } from '../../lib/text'
import { useOrgId } from '../auth/session'
import { InviteMemberButton } from './invite-member-button'
import { MemberTableContext, type MemberTableContextValue } from './member-cells'
import { createMemberSearch, searchIndexFor } from './member-search'
import { MemberFilters, MemberSearchBox } from './member-toolbar'
import { useMemberListUrl } from './use-member-list-url'
import { useScrollRestoration } from './use-scroll-restoration'
import './members.css'

// Rare (Tallyfy sent records Roster cannot read), so it loads only when needed.
const InvalidRecordsNotice = lazy(() => import('../../components/domain/invalid-records-notice'))

// The overview's filters (last sign-in, invitation age, seat, join month) with their controls, and
// the page's passing states, stay out of the first download (the bundle budget). Asked for as the
// page first renders, beside the directory, they are here before its first rows in practice; the
// list waits for them otherwise (the skeleton stays up), so rows never show unfiltered as if
// filtered and the selects never pop in beside Role and Status.
type Later = typeof import('./member-list-later')
let later: Later | undefined
let laterLoad: Promise<Later> | undefined
/** Exported for tests that render the page with its parts already here. */
export const loadLater = () => (laterLoad ??= import('./member-list-later').then((m) => (later = m)))

/** Renders a part from the later chunk, suspending (to the page's skeleton) until it is here. */
function Later({ children }: { children: (parts: Later) => ReactNode }) {
  return children(later ?? use(loadLater()))
}

export function Component() {
  void loadLater()
  const orgId = useOrgId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const directory = useQuery(memberQueries.directory(orgId))
  const data = directory.data
  useScrollRestoration(data !== undefined && data.members.length > 0, headingRef)

  let content
  if (data && data.complete && data.members.length === 0) {
    content = <Later>{(parts) => <parts.NoMembersYet />}</Later>
  } else if (data && data.members.length > 0) {
    content = (
      <MemberList
        orgId={orgId}
        directory={data}
        loading={data.loading ?? (directory.isFetching && !data.complete)}
        error={directory.isError ? directory.error : null}
        onRetry={() => void directory.refetch()}
      />
    )
  } else if (directory.isError) {
    content = <ErrorState error={directory.error} onRetry={() => void directory.refetch()} what="members" />
  } else if (data && data.loading === false && !data.complete) {
    // The server announced members and sent none: not "No members yet", and not a skeleton forever.
    content = (
      <Later>
        {(parts) => (
          <parts.IncompleteNotice
            loaded={0}
            total={data.total}
            error={null}
            onRetry={() => void directory.refetch()}
          />
        )}
      </Later>
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
      {/* A batch a reload cut short offers Resume (its notice loads only when there is one). */}
      <Suspense fallback={null}>
        <Later>{(parts) => <parts.UnfinishedBatch orgId={orgId} />}</Later>
      </Suspense>
      <Suspense fallback={skeleton}>{content}</Suspense>
    </div>
  )
}

const skeleton = (
  <TableSkeleton
    label="Loading members…"
    columns={['avatar', 'name', 'text', 'badge', 'badge', 'text', 'text', 'text', 'text']}
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
  const parts = later ?? use(loadLater())
  const list = useMemberListUrl()
  const { state } = list
  // While the directory fills, pages can land faster than 50,000 rows re-sort; deferring lets
  // React skip to the newest page instead of sorting every one in between, and keeps typing responsive.
  const members = useDeferredValue(directory.members)

  // Built once per directory (each page while it fills), never per keystroke.
  const searchIndex = useMemo(() => searchIndexFor(members), [members])

  const onSortingChange = (updater: Updater<SortingState>) =>
    list.setSort(nextSorting(updater, state.sort, isSortId))
  const columnChoice = useColumnVisibility(
    orgId,
    'members',
    parts.memberTableColumns,
    parts.hideableMemberTableColumns,
  )
  // Held by member ID for the session, so it survives sorting, searching and leaving the page.
  const selection = parts.listSelection(orgId, 'members')
  // The checkboxes come first, and no one hides them with "Columns".
  const columns = useMemo(
    () => [parts.memberSelectColumn, ...columnChoice.columns],
    [parts, columnChoice.columns],
  )
  const table = useDataTable({
    data: members,
    columns,
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
  const keep = parts.overviewFilterMask(members, state)
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
        >
          <parts.OverviewFilterControls filters={state} onChange={list.setFilters} />
        </MemberFilters>
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

      {/* data-refresh: which refresh last completed, by change or whole (#25), for tests and the bench. */}
      <div className="members-status" data-refresh={directory.refreshed}>
        <p className="members-count" aria-live="polite">
          {describeCount(shown, members.length)}
        </p>
        <parts.StoredAge at={directory.asOf} />
        {loading && <parts.LoadingProgress loaded={directory.members.length} total={total} />}
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
        <parts.IncompleteNotice loaded={members.length} total={total} error={error} onRetry={onRetry} />
      )}
      {directory.invalidRecords && directory.invalidRecords.length > 0 && (
        <Suspense fallback={null}>
          <InvalidRecordsNotice records={directory.invalidRecords} />
        </Suspense>
      )}

      <parts.SelectionScope
        selection={selection}
        shown={filtered.rows}
        preloadBar={parts.memberSelectionBar.preload}
      >
        <MemberTableContext value={context}>
          <DataTable
            table={table}
            rows={filtered.rows}
            caption="Members"
            className="members-table"
            empty={<parts.NoMatches list={list} query={query} />}
          />
        </MemberTableContext>
        <parts.SelectionBarSlot
          bar={parts.memberSelectionBar}
          render={(bar) => (
            <bar.MemberSelectionBar orgId={orgId} table={table} sortedRows={sortedRows} listState={state} />
          )}
        />
      </parts.SelectionScope>
    </>
  )
}
