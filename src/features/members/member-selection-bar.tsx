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

/**
 * The directory by member ID for the bulk actions, read from the table's own index of its rows, so
 * the bar appearing (100,000 selected at once) builds nothing. Iterating it, which lookups never
 * need, makes a Map once.
 */
class MembersById implements ReadonlyMap<string, Member> {
  readonly size: number
  #rows: Record<string, DataTableRow<Member>>
  #map: Map<string, Member> | null = null

  constructor(rows: Record<string, DataTableRow<Member>>, size: number) {
    this.#rows = rows
    this.size = size
  }

  get(id: string): Member | undefined {
    return Object.hasOwn(this.#rows, id) ? this.#rows[id]?.original : undefined
  }
  has(id: string): boolean {
    return Object.hasOwn(this.#rows, id)
  }
  #all(): Map<string, Member> {
    this.#map ??= new Map(Object.entries(this.#rows).map(([id, row]) => [id, row.original]))
    return this.#map
  }
  forEach(callback: (member: Member, id: string, map: ReadonlyMap<string, Member>) => void): void {
    for (const [id, member] of this.#all()) callback(member, id, this)
  }
  entries() {
    return this.#all().entries()
  }
  keys() {
    return this.#all().keys()
  }
  values() {
    return this.#all().values()
  }
  [Symbol.iterator]() {
    return this.#all().entries()
  }
}

const lastIds = new WeakMap<Selection, { version: number; byId: unknown; ids: readonly string[] }>()

/**
 * The selected IDs the directory still holds, in the order they were selected: one list per change
 * of the selection or the directory, however often the bar renders (each keystroke in the search).
 * `present`: how many of them the directory holds (the bar's count).
 */
function presentIds(selection: Selection, byId: ReadonlyMap<string, Member>, present: number) {
  const last = lastIds.get(selection)
  if (last && last.version === selection.version && last.byId === byId) return last.ids
  const all = selection.ids()
  const ids = present === all.length ? all : all.filter((id) => byId.has(id))
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
  sortedRows,
  listState,
}: {
  orgId: string
  table: DataTableInstance<Member>
  /** Every member in the table's current order (sorted, not filtered). */
  sortedRows: readonly DataTableRow<Member>[]
  /** The search and filters, to say what hides some of the selected. */
  listState: ListState
}) {
  const { selection } = useSelectionControls()
  const summary = useSelectionSummary(sortedRows)
  const isAdmin = useIsAdmin()
  // One per directory (a write's patch makes a new one), not per selection change.
  const directory = table.getCoreRowModel()
  const membersById = useMemo(() => new MembersById(directory.rowsById, directory.rows.length), [directory])
  const selectedIds = presentIds(selection, membersById, summary.selected)
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
