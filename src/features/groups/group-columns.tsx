// The groups list's columns, for the one DataTable: defined once at module scope so TanStack's row
// models survive every render. Cells read the organization and the list's URL from context.
import { createContext, use } from 'react'
import { Avatar } from '../../components/avatar'
import { textSortValue } from '../../components/data-table/sort-fns'
import { csvDate, dataTableColumnHelper } from '../../components/data-table/use-data-table'
import { GroupLink } from '../../components/domain/group-link'
import { RelativeTime } from '../../components/date-display'
import { formatCount } from '../../lib/format'
import type { BackLinkState } from '../../lib/back-link'
import { groupLogoSrc } from './group-logo'
import type { GroupListItem } from './group-list'

// The sortable IDs are the URL's (lib/list-filters.ts groupSortIds): the columns below use them.

interface GroupTableContextValue {
  orgId: string
  /** Router state for group links, so the group page's "Back to groups" returns to this view. */
  linkState: BackLinkState
}

export const GroupTableContext = createContext<GroupTableContextValue>({
  orgId: '',
  linkState: { backTo: '/groups' },
})

function NameCell({ item }: { item: GroupListItem }) {
  const { orgId, linkState } = use(GroupTableContext)
  const { group } = item
  return (
    <GroupLink
      orgId={orgId}
      groupId={group.id}
      state={linkState}
      title={group.name}
      className="groups-table__link"
    >
      {group.name}
    </GroupLink>
  )
}

function DescriptionCell({ description }: { description: string | null }) {
  if (!description) return <span className="groups-muted">—</span>
  return (
    <span className="groups-table__truncate" title={description}>
      {description}
    </span>
  )
}

/** A count, or a dash that reads "not known" when the group was read without that list. */
function CountCell({ count }: { count: number | null }) {
  if (count !== null) return formatCount(count)
  return (
    <span className="groups-muted" title="Not known: Tallyfy sent this group without the list">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">Not known</span>
    </span>
  )
}

const col = dataTableColumnHelper<GroupListItem>()
const sortable = { sortFn: 'value', sortUndefined: 'last' } as const

export const groupColumns = col.columns([
  col.display({
    id: 'logo',
    header: () => <span className="visually-hidden">Logo</span>,
    enableSorting: false,
    cell: ({ row }) => (
      <Avatar
        name={row.original.group.name}
        src={groupLogoSrc(row.original.group.logo)}
        shape="rounded"
        size="md"
        decorative
      />
    ),
  }),
  col.accessor((item) => textSortValue(item.group.name), {
    id: 'name',
    header: 'Name',
    ...sortable,
    meta: { csv: (item) => item.group.name },
    cell: ({ row }) => <NameCell item={row.original} />,
  }),
  col.display({
    id: 'description',
    header: 'Description',
    enableSorting: false,
    meta: { csv: (item) => item.group.description },
    cell: ({ row }) => <DescriptionCell description={row.original.group.description} />,
  }),
  // Counts and dates start biggest and newest first: what people usually look for.
  col.accessor((item) => item.memberCount ?? undefined, {
    id: 'members',
    header: 'Members',
    ...sortable,
    sortDescFirst: true,
    meta: { csv: (item) => item.memberCount },
    cell: ({ row }) => <CountCell count={row.original.memberCount} />,
  }),
  col.display({
    id: 'guests',
    header: 'Guests',
    enableSorting: false,
    meta: { csv: (item) => item.guestCount },
    cell: ({ row }) => <CountCell count={row.original.guestCount} />,
  }),
  col.accessor((item) => item.updatedTime ?? undefined, {
    id: 'updated',
    header: 'Last updated',
    ...sortable,
    sortDescFirst: true,
    meta: { csv: (item) => csvDate(item.group.updatedAt) },
    cell: ({ row }) => <RelativeTime iso={row.original.group.updatedAt} />,
  }),
])
