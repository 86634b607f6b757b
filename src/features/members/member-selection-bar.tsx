// The members' selection bar (issue #21), fetched with the first selection: the count, the bulk
// actions (bulk/bulk-actions.tsx) and "Clear selection". The actions get every selected member the
// directory holds, hidden by the search or not; "Export selected" writes them in the table's order.
import { useMemo } from 'react'
import type { Member } from '../../api/types'
import type { DataTableInstance, DataTableRow } from '../../components/data-table/use-data-table'
import { exportFailedMessage, useExportSelected } from '../../components/selection/export-selected'
import { SelectionBar, useSelectionSummary } from '../../components/selection/selection-bar'
import { useSelectionControls } from '../../components/selection/select-column'
import { hasActiveFilters, type ListState } from '../../lib/list-state'
import type { Selection } from '../../lib/selection'
import { useIsAdmin } from '../auth/session'
import { BulkActions } from './bulk/bulk-actions'

const lastIds = new WeakMap<Selection, { version: number; byId: unknown; ids: readonly string[] }>()

/**
 * The selected IDs the directory still holds, in the order they were selected: one list per change
 * of the selection or the directory, however often the bar renders (each keystroke in the search).
 */
function presentIds(selection: Selection, byId: ReadonlyMap<string, Member>): readonly string[] {
  const last = lastIds.get(selection)
  if (last && last.version === selection.version && last.byId === byId) return last.ids
  const all = selection.ids()
  const ids = all.every((id) => byId.has(id)) ? all : all.filter((id) => byId.has(id))
  lastIds.set(selection, { version: selection.version, byId, ids })
  return ids
}

function hiddenBy(state: ListState): string {
  if (state.q.trim() === '') return 'the filters'
  return hasActiveFilters({ ...state, q: '' }) ? 'the search and filters' : 'the search'
}

export function MemberSelectionBar({
  orgId,
  table,
  members,
  sortedRows,
  listState,
}: {
  orgId: string
  table: DataTableInstance<Member>
  /** The loaded directory. */
  members: readonly Member[]
  /** Every member in the table's current order (sorted, not filtered). */
  sortedRows: readonly DataTableRow<Member>[]
  /** The search and filters, to say what hides some of the selected. */
  listState: ListState
}) {
  const { selection } = useSelectionControls()
  const summary = useSelectionSummary(sortedRows)
  const isAdmin = useIsAdmin()
  // Built once per directory (a write's patch makes a new one), not per selection change.
  const membersById = useMemo(() => new Map(members.map((m) => [String(m.id), m])), [members])
  const selectedIds = presentIds(selection, membersById)
  const exporter = useExportSelected({ table, sortedRows, selection, orgId, what: 'selected-members' })

  return (
    <SelectionBar
      label="Selected members"
      summary={summary}
      hiddenBy={hiddenBy(listState)}
      error={exporter.failed ? exportFailedMessage : null}
    >
      <BulkActions
        orgId={orgId}
        selectedIds={selectedIds}
        membersById={membersById}
        isAdmin={isAdmin}
        exportRows={exporter.exportRows}
      />
    </SelectionBar>
  )
}
