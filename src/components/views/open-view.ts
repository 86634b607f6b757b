// Opening a view: its URL, and on this device the columns a saved view recorded (column choice is a
// device setting, not part of the URL; see lib/saved-views.ts). The Views menu and the palette both
// open views here.
import type { NavigateFunction } from 'react-router'
import type { SavedView } from '../../lib/saved-views'
import { viewUrl, type ViewList, type ViewTarget } from '../../lib/views'
import { applyHiddenColumns, storedHiddenColumns } from '../data-table/apply-hidden-columns'

/** The table whose Columns menu a list has (use-column-visibility.ts), if any. */
const columnTables: Partial<Record<ViewList, string>> = { members: 'members' }

export function openView(
  navigate: NavigateFunction,
  orgId: string,
  view: ViewTarget & Pick<SavedView, 'hidden'>,
) {
  const table = columnTables[view.list]
  if (table && view.hidden) applyHiddenColumns(orgId, table, view.hidden)
  void navigate(viewUrl(view))
}

/** What a saved view records of the list's columns: the IDs hidden now, for a list with a Columns menu. */
export function hiddenColumnsOf(orgId: string, list: ViewList): string[] | undefined {
  const table = columnTables[list]
  return table ? storedHiddenColumns(orgId, table) : undefined
}
