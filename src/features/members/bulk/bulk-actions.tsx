// The selection bar's actions on members (issue #21). Each button opens the bulk dialog
// (bulk-dialog-host.tsx): what will happen and who will be skipped, then the batch's progress and a
// result per person. Non-admins, who may change nobody, see only "Export selected". This module and
// the dialogs load with the bar, on the first selection.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { meQueries } from '../../../api/me'
import type { Member } from '../../../api/types'
import type { BulkKind } from '../../../lib/bulk-preview'
import { openBulkAction } from './bulk-dialog-host'
import { dialogTitle } from './bulk-kinds'

export interface BulkActionsProps {
  orgId: string
  /** Member IDs as strings, in the order they were selected. */
  selectedIds: readonly string[]
  /** The loaded directory, by ID. */
  membersById: ReadonlyMap<string, Member>
  /** Non-admins see only "Export selected". */
  isAdmin: boolean
  /** Writes the selected members with Export CSV's writer and columns. */
  exportRows: () => void | Promise<void>
  onFinished?: () => void
}

/** In the bar's order: the role, access, groups, then invitations. */
const actions: readonly BulkKind[] = [
  'role',
  'disable',
  'enable',
  'group-add',
  'group-remove',
  'resend',
  'withdraw',
]

export function BulkActions({
  orgId,
  selectedIds,
  membersById,
  isAdmin,
  exportRows,
  onFinished,
}: BulkActionsProps) {
  const qc = useQueryClient()
  // Cached since sign-in (the header shows who is signed in): no request here.
  const me = useQuery({ ...meQueries.current(orgId), enabled: isAdmin }).data
  const open = (kind: BulkKind) =>
    openBulkAction({ qc, orgId }, { kind, selectedIds, membersById, meId: me?.id ?? null, onFinished })
  return (
    // A fragment: the buttons are the bar's own items (it lays them out, and scrolls them on phones).
    <>
      {isAdmin
        ? actions.map((kind) => (
            <button
              key={kind}
              type="button"
              className="button button--small"
              aria-haspopup="dialog"
              onClick={() => open(kind)}
            >
              {dialogTitle[kind]}
            </button>
          ))
        : null}
      <button type="button" className="button button--small" onClick={() => void exportRows()}>
        Export selected
      </button>
    </>
  )
}
