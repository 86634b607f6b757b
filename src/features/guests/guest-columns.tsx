// The guests list's columns, for the one DataTable: defined once at module scope so TanStack's row
// models survive every render. Cells read the organization, the search terms and the list's URL
// from context; `meta.csv` gives each column's plain-text value for "Export CSV".
import { createContext, use } from 'react'
import { Link } from 'react-router'
import { textSortValue } from '../../components/data-table/sort-fns'
import { csvDate, dataTableColumnHelper } from '../../components/data-table/use-data-table'
import { Highlight } from '../../components/data-table/highlight'
import { GroupsSummary } from '../../components/domain/group-links'
import { NotSet, RelativeTime } from '../../components/date-display'
import { selectColumn } from '../../components/selection/select-column'
import type { BackLinkState } from '../../lib/back-link'
import { paths } from '../../lib/paths'
import { guestStatusText, type GuestListItem } from './guest-list'
import { GuestStatus } from './guest-status'

// The sortable IDs are the URL's (lib/list-filters.ts guestSortIds): the columns below use them.

interface GuestTableContextValue {
  orgId: string
  terms: readonly string[]
  /** Router state for guest links, so the guest page's "Back to guests" returns to this view. */
  linkState: BackLinkState
}

export const GuestTableContext = createContext<GuestTableContextValue>({
  orgId: '',
  terms: [],
  linkState: { backTo: paths.guests() },
})

function NameCell({ item }: { item: GuestListItem }) {
  const { terms, linkState } = use(GuestTableContext)
  const { guest } = item
  // A guest without a name is still a row to open: the link then reads as the email.
  const label = guest.name ?? guest.email
  return (
    <Link to={paths.guest(guest.email)} state={linkState} className="guests-table__link" title={label}>
      <Highlight text={label} terms={terms} />
    </Link>
  )
}

function EmailCell({ email }: { email: string }) {
  const { terms } = use(GuestTableContext)
  return (
    <span className="guests-table__truncate" title={email}>
      <Highlight text={email} terms={terms} />
    </span>
  )
}

function CompanyCell({ company }: { company: string | null }) {
  const { terms } = use(GuestTableContext)
  if (!company) return <NotSet />
  return (
    <span className="guests-table__truncate" title={company}>
      <Highlight text={company} terms={terms} />
    </span>
  )
}

function GroupsCell({ item }: { item: GuestListItem }) {
  const { orgId, linkState } = use(GuestTableContext)
  const { groups, guest } = item
  return (
    <GroupsSummary
      orgId={orgId}
      groups={groups}
      owner={guest.name ?? guest.email}
      ownerTo={paths.guest(guest.email)}
      linkState={linkState}
    />
  )
}

const col = dataTableColumnHelper<GuestListItem>()
const sortable = { sortFn: 'value', sortUndefined: 'last' } as const

export const guestColumns = col.columns([
  // "Select {name or email}": what the Name cell shows.
  selectColumn<GuestListItem>((item) => item.guest.name ?? item.guest.email),
  col.accessor((item) => textSortValue(item.guest.name), {
    id: 'name',
    header: 'Name',
    ...sortable,
    meta: { csv: (item) => item.guest.name },
    cell: ({ row }) => <NameCell item={row.original} />,
  }),
  col.accessor((item) => textSortValue(item.guest.email), {
    id: 'email',
    header: 'Email',
    ...sortable,
    meta: { csv: (item) => item.guest.email },
    cell: ({ row }) => <EmailCell email={row.original.guest.email} />,
  }),
  col.accessor((item) => textSortValue(item.guest.company), {
    id: 'company',
    header: 'Company',
    ...sortable,
    meta: { csv: (item) => item.guest.company },
    cell: ({ row }) => <CompanyCell company={row.original.guest.company} />,
  }),
  col.accessor((item) => textSortValue(guestStatusText(item.guest)), {
    id: 'status',
    header: 'Status',
    ...sortable,
    meta: { csv: (item) => guestStatusText(item.guest) },
    cell: ({ row }) => <GuestStatus guest={row.original.guest} />,
  }),
  col.accessor((item) => item.lastAccessedTime ?? undefined, {
    id: 'last_accessed',
    header: 'Last accessed',
    ...sortable,
    sortDescFirst: true,
    meta: { csv: (item) => csvDate(item.guest.lastAccessedAt) },
    cell: ({ row }) => (
      <RelativeTime
        iso={row.original.guest.lastAccessedAt}
        none={<span className="guests-muted">Never</span>}
      />
    ),
  }),
  col.display({
    id: 'groups',
    header: 'Groups',
    enableSorting: false,
    meta: { csv: (item) => item.groups.map((g) => g.name).join('; ') },
    cell: ({ row }) => <GroupsCell item={row.original} />,
  }),
])
