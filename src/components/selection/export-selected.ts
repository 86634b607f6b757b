// "Export selected": the selected people as CSV, with Export CSV's writer and rules (csv-export.ts):
// the table's visible columns in order, the rows in the table's current sort, and the selected
// people the search hides too (they are part of the selection).
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { meQueries } from '../../api/me'
import type { Selection } from '../../lib/selection'
import type { DataTableInstance, DataTableRow } from '../data-table/use-data-table'

export function useExportSelected<T extends object>({
  table,
  sortedRows,
  selection,
  orgId,
  what,
}: {
  table: DataTableInstance<T>
  /** Every row of the list in the table's order (sorted, not filtered). */
  sortedRows: readonly DataTableRow<T>[]
  selection: Selection
  orgId: string
  /** For the file's name: "selected-members". */
  what: string
}): { exportRows: () => Promise<void>; failed: boolean } {
  // The organization's name for the file, as Export CSV names it; the header asked for it already.
  const organizations = useQuery(meQueries.organizations(orgId))
  const orgName = organizations.data?.find((o) => o.id.toLowerCase() === orgId.toLowerCase())?.name ?? orgId
  const [failed, setFailed] = useState(false)

  const exportRows = async () => {
    setFailed(false)
    try {
      const { exportTableCsv } = await import('../data-table/csv-export')
      const rows = sortedRows.filter((row) => selection.has(row.id))
      exportTableCsv(table, rows, { organization: orgName, what })
    } catch {
      // Only the writer's chunk can fail (offline after a deploy): say so rather than do nothing.
      setFailed(true)
    }
  }
  return { exportRows, failed }
}

export const exportFailedMessage = "Couldn't prepare the file. Check your connection and try again."
