import { createContext, use, useId, useMemo, useRef } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { memberQueries } from '../../api/members/queries'
import type { Member } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { RoleBadge, StatusBadge, roleLabel, statusLabel } from '../../components/domain/badge'
import { RemoveButton } from '../../components/domain/remove-button'
import { DataTable } from '../../components/data-table/data-table'
import { Highlight } from '../../components/data-table/highlight'
import { dataTableColumnHelper } from '../../components/data-table/use-data-table'
import { useSearchSortList } from '../../components/data-table/use-search-sort-list'
import { ExportCsvButton } from '../../components/export-csv-button'
import { ListToolbar } from '../../components/list-toolbar'
import { NoMatchState } from '../../components/no-match-state'
import { TableSkeleton } from '../../components/skeleton'
import { ErrorState } from '../../components/states'
import { describeCount, formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import { splitTerms } from '../../lib/text'
import {
  filterGroupMembers,
  memberColumnIds,
  memberSortValue,
  toGroupMemberRows,
  type GroupMemberRow,
  type MemberColumnId,
} from './group-member-list'
import { indexMembers, resolveGroupMembers } from './resolve-members'
import { SearchBox } from '../../components/search-box'
import { searchAndSortCodec, type SearchAndSort } from '../../lib/list-state'
import { useListUrl, type ListUrl } from '../../lib/use-list-url'
import { AddMember } from './add-member'
import { ListNotRead } from './list-not-read'
import type { MembershipActions } from './use-membership-actions'

const noMembers: Member[] = []
const listCodec = searchAndSortCodec(memberColumnIds, [{ id: 'name', desc: false }])
const memberNoun = { one: 'member', other: 'members' }

interface GroupMembersProps {
  orgId: string
  memberIds: readonly string[]
  /** Distinct member IDs of the group: the count shown even before names are known. */
  total: number
  /** For the export's file name ("…-sales-team-members-…"). */
  groupName: string
  /** For admins: add and remove members (absent: read-only). */
  admin?: { groupName: string; actions: MembershipActions }
  /** The group was read without its member list: Retry reads it again (absent: the list is known). */
  notRead?: { onRetry: () => void; retrying: boolean }
}

/**
 * The group's members with names, resolved against the cached member directory (the same query
 * the members page uses, so coming from there costs no request), in the members page's table.
 */
export function GroupMembers(props: GroupMembersProps) {
  const headingId = useId()
  // The section and its heading stay when a Retry brings the list, so focus can move to the heading.
  return (
    <section className="group-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="group-section__title" tabIndex={-1}>
        Members ({props.notRead ? 'not known' : formatCount(props.total)})
      </h2>
      {props.notRead ? <ListNotRead list="member" {...props.notRead} /> : <KnownGroupMembers {...props} />}
    </section>
  )
}

function KnownGroupMembers({ orgId, memberIds, total, groupName, admin }: GroupMembersProps) {
  const addRef = useRef<HTMLDivElement>(null)
  const directoryQuery = useQuery({ ...memberQueries.directory(orgId), enabled: total > 0 || !!admin })
  const directory = directoryQuery.data
  const members = directory?.members ?? noMembers
  const complete = directory?.complete ?? false
  const index = useMemo(() => indexMembers(members), [members])
  const resolved = useMemo(
    () => resolveGroupMembers(memberIds, index, complete),
    [memberIds, index, complete],
  )
  const rows = useMemo(() => toGroupMemberRows(resolved.entries), [resolved])
  const list = useListUrl(listCodec)

  const loadFailed = directoryQuery.isError && !complete

  const remove = useMemo<RemoveMember | null>(() => {
    if (!admin) return null
    return {
      // Once the last Remove is gone, focus goes back to Add member.
      fallbackFocus: () => addRef.current?.querySelector<HTMLElement>('input'),
      remove: (row) => {
        void admin.actions
          .change(
            { removeMembers: [row.id] },
            {
              done: `Removed ${row.name} from ${admin.groupName}.`,
              undone: `${row.name} is back in ${admin.groupName}.`,
              failed: `Could not remove ${row.name} from ${admin.groupName}`,
            },
          )
          .catch(() => undefined)
      },
    }
  }, [admin])

  return (
    <>
      {admin ? (
        <div ref={addRef}>
          <AddMember
            orgId={orgId}
            groupName={admin.groupName}
            memberIds={memberIds}
            actions={admin.actions}
          />
        </div>
      ) : null}
      {total === 0 ? (
        <p className="group-section__empty">
          <strong>No members</strong>
          <span> · No one in the organization belongs to this group yet.</span>
        </p>
      ) : (
        <>
          {loadFailed ? (
            <ErrorState
              error={directoryQuery.error}
              what="member directory"
              headingLevel={3}
              onRetry={() => void directoryQuery.refetch()}
            />
          ) : resolved.pending > 0 ? (
            rows.length === 0 ? (
              <TableSkeleton
                label="Loading members…"
                columns={['avatar', 'name', 'text', 'badge', 'badge']}
                rows={Math.min(total, 8)}
              />
            ) : (
              <output className="group-section__note">
                Loading the member directory: {formatCount(resolved.pending)} more{' '}
                {resolved.pending === 1 ? 'member' : 'members'} to show.
              </output>
            )
          ) : null}
          {rows.length > 0 && (
            <>
              <GroupMembersTable
                orgId={orgId}
                list={list}
                exportName={`${groupName} members`}
                complete={resolved.pending === 0}
                remove={remove}
                rows={rows}
              />
            </>
          )}
        </>
      )}
    </>
  )
}

const col = dataTableColumnHelper<GroupMemberRow>()

// The search terms reach the cells through context, so the columns stay one module-level array and
// typing does not make the table rebuild its columns and re-sort every row.
const SearchTermsContext = createContext<readonly string[]>([])

interface RemoveMember {
  remove: (row: GroupMemberRow) => void
  fallbackFocus: () => HTMLElement | null | undefined
}
// Likewise the admin's remove action, so the columns need not be rebuilt per group.
const RemoveContext = createContext<RemoveMember | null>(null)

function RemoveCell({ row }: { row: GroupMemberRow }) {
  const admin = use(RemoveContext)
  if (!admin) return null
  return (
    <RemoveButton name={row.name} onRemove={() => admin.remove(row)} fallbackFocus={admin.fallbackFocus} />
  )
}

function Marked({ text }: { text: string }) {
  return <Highlight text={text} terms={use(SearchTermsContext)} />
}

const columns = col.columns([
  col.accessor((row) => memberSortValue(row, 'name'), {
    id: 'name',
    header: 'Name',
    sortFn: 'value',
    sortUndefined: 'last',
    meta: { csv: (row) => row.name },
    cell: (ctx) => <NameCell row={ctx.row.original} />,
  }),
  col.accessor((row) => memberSortValue(row, 'email'), {
    id: 'email',
    header: 'Email',
    sortFn: 'value',
    sortUndefined: 'last',
    meta: { csv: (row) => row.member?.email },
    cell: (ctx) => {
      const email = ctx.row.original.member?.email
      return email ? (
        <span title={email}>
          <Marked text={email} />
        </span>
      ) : (
        <span className="groups-muted">—</span>
      )
    },
  }),
  col.accessor((row) => memberSortValue(row, 'role'), {
    id: 'role',
    header: 'Role',
    sortFn: 'value',
    sortUndefined: 'last',
    meta: { csv: (row) => (row.member ? roleLabel(row.member.role, row.member.rawRole) : null) },
    cell: (ctx) => {
      const m = ctx.row.original.member
      return m ? <RoleBadge role={m.role} rawRole={m.rawRole} /> : <span className="groups-muted">—</span>
    },
  }),
  col.accessor((row) => memberSortValue(row, 'status'), {
    id: 'status',
    header: 'Status',
    sortFn: 'value',
    sortUndefined: 'last',
    meta: { csv: (row) => (row.member ? statusLabel(row.member.status) : null) },
    cell: (ctx) => {
      const m = ctx.row.original.member
      return m ? <StatusBadge status={m.status} /> : <span className="groups-muted">—</span>
    },
  }),
])

const adminColumns = col.columns([
  ...columns,
  col.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    enableSorting: false,
    cell: (ctx) => <RemoveCell row={ctx.row.original} />,
  }),
])

/** The list's filter, over the same normalised terms the cells mark. */
const filterByQuery = (rows: readonly GroupMemberRow[], query: string) =>
  filterGroupMembers(rows, splitTerms(query))

function GroupMembersTable({
  orgId,
  list,
  exportName,
  complete,
  remove,
  rows,
}: {
  orgId: string
  list: ListUrl<SearchAndSort<MemberColumnId>>
  exportName: string
  complete: boolean
  remove: RemoveMember | null
  rows: readonly GroupMemberRow[]
}) {
  const query = list.state.q
  const terms = useMemo(() => splitTerms(query), [query])
  const { table, shown } = useSearchSortList({
    items: rows,
    columns: remove ? adminColumns : columns,
    list,
    sortIds: memberColumnIds,
    getRowId: (row) => row.id,
    filter: filterByQuery,
    maxSortKeys: listCodec.maxSortKeys,
  })
  return (
    <>
      <ListToolbar
        search={
          <SearchBox
            label="Search members of this group"
            placeholder="Search by name or email"
            value={query}
            onChange={list.setQuery}
          />
        }
        count={describeCount(shown.length, rows.length, memberNoun)}
      >
        <ExportCsvButton
          table={table}
          rows={shown}
          orgId={orgId}
          what={exportName}
          unavailableReason={complete ? undefined : 'Available once every member has loaded'}
        />
      </ListToolbar>
      <SearchTermsContext value={terms}>
        <RemoveContext value={remove}>
          <DataTable
            table={table}
            rows={shown}
            caption="Members of this group"
            className="group-members-table"
            rowClassName={(row) => (row.original.member ? undefined : 'group-members-table__unknown')}
            empty={
              <NoMatchState
                what="members"
                query={query}
                hint="Try another name, email or job title."
                headingLevel={3}
                onClear={() => list.update({ q: '' }, { replace: true })}
              />
            }
          />
        </RemoveContext>
      </SearchTermsContext>
    </>
  )
}

function NameCell({ row }: { row: GroupMemberRow }) {
  const m = row.member
  if (!m) {
    return (
      <span className="group-members-table__person">
        <Avatar name="?" size="md" decorative />
        <span className="group-members-table__who">
          <span className="group-members-table__unknown-name">
            <Marked text={row.name} />
          </span>
          <span className="group-members-table__hint">
            Not in the member directory; they may have been removed.
          </span>
        </span>
      </span>
    )
  }
  return (
    <span className="group-members-table__person">
      <Avatar name={m.fullName} src={m.pictureUrl} size="md" decorative />
      <span className="group-members-table__who">
        <Link to={paths.member(m.id)} className="groups-table__link" title={m.fullName}>
          <Marked text={m.fullName} />
        </Link>
        {m.email && (
          <span className="group-members-table__email-inline">
            <Marked text={m.email} />
          </span>
        )}
      </span>
    </span>
  )
}
