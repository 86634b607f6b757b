// The member table's columns: defined once at module scope so TanStack's row models survive every
// render. Accessors return the sort value (text, rank or epoch ms; undefined for "not set", which
// sorts last both ways); cells render from the member itself.
import type { Member } from '../../api/types'
import { textSortValue } from '../../components/data-table/sort-fns'
import { csvDate, dataTableColumnHelper } from '../../components/data-table/use-data-table'
import { parseTime } from '../../lib/format'
import { roleRank, statusRank } from '../../lib/member-order'
import { RoleBadge, StatusBadge, roleLabel, statusLabel } from '../../components/domain/badge'
import { AvatarCell, EmailCell, GroupsCell, LastLoginCell, NameCell, OptionalText } from './member-cells'

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
    meta: { csv: (m) => m.fullName },
    cell: ({ row }) => <NameCell member={row.original} />,
  }),
  col.accessor((m) => textSortValue(m.email), {
    id: 'email',
    header: 'Email',
    ...sortable,
    meta: { csv: (m) => m.email },
    cell: ({ row }) => <EmailCell member={row.original} />,
  }),
  col.accessor((m) => roleRank(m.role), {
    id: 'role',
    header: 'Role',
    ...sortable,
    meta: { csv: (m) => roleLabel(m.role, m.rawRole) },
    cell: ({ row }) => <RoleBadge role={row.original.role} rawRole={row.original.rawRole} />,
  }),
  col.accessor((m) => statusRank(m.status), {
    id: 'status',
    header: 'Status',
    ...sortable,
    meta: { csv: (m) => statusLabel(m.status) },
    cell: ({ row }) => <StatusBadge status={row.original.status} />,
  }),
  col.accessor((m) => textSortValue(m.jobTitle), {
    id: 'job_title',
    header: 'Job title',
    ...sortable,
    meta: { csv: (m) => m.jobTitle },
    cell: ({ row }) => <OptionalText text={row.original.jobTitle} />,
  }),
  col.display({
    id: 'groups',
    header: 'Groups',
    enableSorting: false,
    meta: { csv: (m) => m.groups?.map((g) => g.name).join('; ') },
    cell: ({ row }) => <GroupsCell member={row.original} />,
  }),
  col.accessor((m) => parseTime(m.lastLoginAt) ?? undefined, {
    id: 'last_login',
    header: 'Last login',
    ...sortable,
    meta: { csv: (m) => csvDate(m.lastLoginAt) },
    cell: ({ row }) => <LastLoginCell member={row.original} />,
  }),
])

/** The columns a person may hide with "Columns" (all but the picture and the name). */
export const hideableMemberColumns = ['email', 'role', 'status', 'job_title', 'groups', 'last_login'] as const
