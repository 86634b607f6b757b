// The members table's "Invited" column: how long ago an invited member's invitation went (their
// createdAt) and, for admins, the invitation's menu button; nothing for anyone else, who sort last
// in both directions. It comes with the page's later chunk (member-list-later.ts), which the list
// waits for under its skeleton, so the table's columns are whole from its first row while the first
// download stays within its budget. The menu itself is fetched on the first press of a button.
import { lazy, Suspense, useRef, useState } from 'react'
import type { Member } from '../../../api/types'
import { RelativeTime } from '../../../components/date-display'
import { csvDate, dataTableColumnHelper } from '../../../components/data-table/use-data-table'
import { parseTime } from '../../../lib/format'
import { useIsAdmin } from '../../auth/session'
import { hideableMemberColumns, memberColumns } from '../member-columns'

const InvitationMenu = lazy(() => import('./invitation-menu'))

const col = dataTableColumnHelper<Member>()

const isInvited = (member: Member) => member.status === 'invited'

export const invitedColumn = col.accessor(
  (m) => (isInvited(m) ? (parseTime(m.createdAt) ?? undefined) : undefined),
  {
    id: 'invited',
    header: 'Invited',
    sortFn: 'value',
    sortUndefined: 'last',
    meta: { csv: (m) => (isInvited(m) ? csvDate(m.createdAt) : null) },
    cell: ({ row }) => (isInvited(row.original) ? <InvitedCell member={row.original} /> : null),
  },
)

/** Every column of the members table, "Invited" last; one module-level array, so row models survive renders. */
export const memberTableColumns = [...memberColumns, invitedColumn]

/** The columns a person may hide with "Columns". */
export const hideableMemberTableColumns = [...hideableMemberColumns, 'invited'] as const

function InvitedCell({ member }: { member: Member }) {
  const isAdmin = useIsAdmin()
  // null until the button is first pressed: the menu's code is asked for then.
  const [open, setOpen] = useState<boolean | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  return (
    <span className="member-invited">
      <RelativeTime iso={member.createdAt} />
      {isAdmin && (
        <button
          ref={button}
          type="button"
          className="member-invited__button"
          aria-label={`Invitation actions for ${member.fullName}`}
          aria-haspopup="menu"
          aria-expanded={open === true}
          onClick={() => setOpen(!open)}
        />
      )}
      {isAdmin && open !== null && (
        <Suspense>
          <InvitationMenu member={member} open={open} setOpen={setOpen} button={button} />
        </Suspense>
      )}
    </span>
  )
}
