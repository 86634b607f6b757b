// The guests' selection bar (issue #21), fetched with the first selection: the count, "Export
// selected" and "Clear selection". Actions on guests come with their own issue.
import type { DataTableInstance, DataTableRow } from '../../components/data-table/use-data-table'
import { exportFailedMessage, useExportSelected } from '../../components/selection/export-selected'
import { SelectionBar, useSelectionSummary } from '../../components/selection/selection-bar'
import { useSelectionControls } from '../../components/selection/select-column'
import type { GuestListItem } from './guest-list'

export function GuestSelectionBar({
  orgId,
  table,
  sortedRows,
  hiddenBy,
}: {
  orgId: string
  table: DataTableInstance<GuestListItem>
  /** Every guest in the table's current order (sorted, not filtered). */
  sortedRows: readonly DataTableRow<GuestListItem>[]
  hiddenBy: string
}) {
  const { selection } = useSelectionControls()
  const summary = useSelectionSummary(sortedRows)
  const exporter = useExportSelected({ table, sortedRows, selection, orgId, what: 'selected-guests' })
  return (
    <SelectionBar
      label="Selected guests"
      summary={summary}
      hiddenBy={hiddenBy}
      error={exporter.failed ? exportFailedMessage : null}
    >
      <button type="button" className="button button--small" onClick={() => void exporter.exportRows()}>
        Export selected
      </button>
    </SelectionBar>
  )
}
