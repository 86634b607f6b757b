// The selection bar's actions on members (issue #21): each opens a dialog that previews who will be
// skipped, runs the batch through api/writes/batch.ts, and shows a result per person. Being built;
// today only "Export selected".
import type { Member } from '../../../api/types'

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

export function BulkActions({ exportRows }: BulkActionsProps) {
  return (
    <button type="button" className="button button--small" onClick={() => void exportRows()}>
      Export selected
    </button>
  )
}
