// The member table's columns: defined once at module scope so TanStack's row models survive every
// render. Accessors return the sort value (text, rank or epoch ms; undefined for "not set", which
// sorts last both ways); cells render from the member itself.
import type { Member } from '../../api/types'
import { textSortValue } from '../../components/data-table/sort-fns'
import { dataTableColumnHelper } from '../../components/data-table/use-data-table'
import { parseTime } from '../../lib/format'
import { roleRank, statusRank } from '../../lib/member-order'
import { RoleBadge, StatusBadge } from '../../components/domain/badge'
import { AvatarCell, EmailCell, GroupsCell, LastLoginCell, NameCell, TextCell } from './member-cells'

const col = dataTableColumnHelper<Member>()

const sortable = { sortFn: 'value', sortUndefined: 'last' } as const

export const memberColumns = col.columns([
  col.display({
    id: 'avatar',
    header: () => <span className="visually-hidden">Picture</span>,
    enableSorting: false,
    cell: ({ row }) => <AvatarCell member={row.original} />,
  }),
  col.accessor((m) => textSortValue(m.fullName), {
    id: 'name',
    header: 'Name',
    ...sortable,
    cell: ({ row }) => <NameCell member={row.original} />,
  }),
  col.accessor((m) => textSortValue(m.email), {
    id: 'email',
    header: 'Email',
    ...sortable,
    cell: ({ row }) => <EmailCell member={row.original} />,
  }),
  col.accessor((m) => roleRank(m.role), {
    id: 'role',
    header: 'Role',
    ...sortable,
    cell: ({ row }) => <RoleBadge role={row.original.role} rawRole={row.original.rawRole} />,
  }),
  col.accessor((m) => statusRank(m.status), {
    id: 'status',
    header: 'Status',
    ...sortable,
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  col.accessor((m) => textSortValue(m.jobTitle), {
    id: 'job_title',
    header: 'Job title',
    ...sortable,
    cell: ({ row }) => <TextCell text={row.original.jobTitle} />,
  }),
  col.display({
    id: 'groups',
    header: 'Groups',
    enableSorting: false,
    cell: ({ row }) => <GroupsCell member={row.original} />,
  }),
  col.accessor((m) => parseTime(m.lastLoginAt) ?? undefined, {
    id: 'last_login',
    header: 'Last login',
    ...sortable,
    cell: ({ row }) => <LastLoginCell member={row.original} />,
  }),
])
