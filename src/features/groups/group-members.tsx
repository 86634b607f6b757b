import { useId, useMemo } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { memberQueries } from '../../api/members'
import type { Member } from '../../api/types'
import { Avatar } from '../../components/avatar'
import { RoleBadge, StatusBadge } from '../../components/badge'
import { ErrorState, LoadingState } from '../../components/states'
import { formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import {
  filterGroupMembers,
  formatMemberSort,
  nextMemberSort,
  parseMemberSort,
  sortGroupMembers,
  toGroupMemberRows,
  type GroupMemberRow,
  type MemberSort,
  type MemberSortKey,
} from './group-member-list'
import { indexMembers, resolveGroupMembers } from './resolve-members'
import { SearchBox } from './search-box'
import { SortHeader } from './sort-header'
import { useListUrlState } from './use-list-url-state'

const noMembers: Member[] = []
const sortLabels: Record<MemberSortKey, string> = {
  name: 'name',
  email: 'email',
  role: 'role',
  status: 'status',
}

interface GroupMembersProps {
  orgId: string
  memberIds: readonly string[]
  /** Distinct member IDs of the group: the count shown even before names are known. */
  total: number
}

/**
 * The group's members with names, resolved against the cached member directory (the same query
 * the members page uses, so coming from there costs no request).
 */
export function GroupMembers({ orgId, memberIds, total }: GroupMembersProps) {
  const headingId = useId()
  const directoryQuery = useQuery({ ...memberQueries.directory(orgId), enabled: orgId !== '' && total > 0 })
  const directory = directoryQuery.data
  const members = directory?.members ?? noMembers
  const complete = directory?.complete ?? false
  const index = useMemo(() => indexMembers(members), [members])
  const resolved = useMemo(
    () => resolveGroupMembers(memberIds, index, complete),
    [memberIds, index, complete],
  )
  const rows = useMemo(() => toGroupMemberRows(resolved.entries), [resolved])
  const { query, setQuery, sort, setSort } = useListUrlState({
    parseSort: parseMemberSort,
    formatSort: formatMemberSort,
  })
  const sorted = useMemo(() => sortGroupMembers(rows, sort), [rows, sort])
  const shown = useMemo(() => filterGroupMembers(sorted, query), [sorted, query])

  const loadFailed = directoryQuery.isError && !complete

  return (
    <section className="group-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="group-section__title">
        Members ({formatCount(total)})
      </h2>
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
              <LoadingState label="Loading member names…" />
            ) : (
              <output className="group-section__note">
                Loading the member directory: {formatCount(resolved.pending)} more{' '}
                {resolved.pending === 1 ? 'member' : 'members'} to show.
              </output>
            )
          ) : null}
          {rows.length > 0 && (
            <>
              <div className="groups-toolbar">
                <SearchBox label="Search members of this group" value={query} onChange={setQuery} />
                <p className="groups-count" aria-live="polite">
                  {shown.length === rows.length
                    ? `${formatCount(rows.length)} ${rows.length === 1 ? 'member' : 'members'}`
                    : `${formatCount(shown.length)} of ${formatCount(rows.length)} members`}
                </p>
              </div>
              {shown.length === 0 ? (
                <div className="group-section__empty">
                  <p>
                    <strong>No members match “{query.trim()}”</strong>
                  </p>
                  <button type="button" className="button" onClick={() => setQuery('')}>
                    Clear search
                  </button>
                </div>
              ) : (
                <GroupMembersTable
                  rows={shown}
                  sort={sort}
                  onSort={(key) => setSort(nextMemberSort(sort, key))}
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  )
}

function GroupMembersTable({
  rows,
  sort,
  onSort,
}: {
  rows: readonly GroupMemberRow[]
  sort: MemberSort
  onSort: (key: MemberSortKey) => void
}) {
  const header = (key: MemberSortKey, label: string, className?: string) => (
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
      <table className="groups-table group-members-table">
        <caption className="groups-sr-only">
          Members of this group, sorted by {sortLabels[sort.key]}, {sort.desc ? 'descending' : 'ascending'}
        </caption>
        <thead>
          <tr>
            {header('name', 'Name', 'group-members-table__name')}
            {header('email', 'Email', 'group-members-table__email')}
            {header('role', 'Role', 'group-members-table__role')}
            {header('status', 'Status', 'group-members-table__status')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) =>
            row.member ? (
              <KnownRow key={row.id} member={row.member} />
            ) : (
              <UnknownRow key={row.id} row={row} />
            ),
          )}
        </tbody>
      </table>
    </div>
  )
}

function KnownRow({ member }: { member: Member }) {
  return (
    <tr>
      <td className="group-members-table__name">
        <span className="group-members-table__person">
          <Avatar name={member.fullName} src={member.pictureUrl} size="md" decorative />
          <span className="group-members-table__who">
            <Link to={paths.member(member.id)} className="groups-table__link">
              {member.fullName}
            </Link>
            {member.email && <span className="group-members-table__email-inline">{member.email}</span>}
          </span>
        </span>
      </td>
      <td className="group-members-table__email">
        {member.email ? (
          <span className="groups-table__truncate">{member.email}</span>
        ) : (
          <span className="groups-muted">—</span>
        )}
      </td>
      <td className="group-members-table__role">
        <RoleBadge role={member.role} rawRole={member.rawRole} />
      </td>
      <td className="group-members-table__status">
        <StatusBadge status={member.status} />
      </td>
    </tr>
  )
}

function UnknownRow({ row }: { row: GroupMemberRow }) {
  return (
    <tr className="group-members-table__unknown">
      <td className="group-members-table__name">
        <span className="group-members-table__person">
          <Avatar name="?" size="md" decorative />
          <span className="group-members-table__who">
            <span className="group-members-table__unknown-name">{row.name}</span>
            <span className="group-members-table__hint">
              Not in the member directory; they may have been removed.
            </span>
          </span>
        </span>
      </td>
      <td className="group-members-table__email">
        <span className="groups-muted">—</span>
      </td>
      <td className="group-members-table__role">
        <span className="groups-muted">—</span>
      </td>
      <td className="group-members-table__status">
        <span className="groups-muted">—</span>
      </td>
    </tr>
  )
}
