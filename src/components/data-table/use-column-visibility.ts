// Which columns of a table a person has hidden, remembered on this device per organization and
// table. localStorage holds only column IDs (`roster.columns.<orgId>.<table>` → ["job_title"]):
// never a token, never a name or an email. Hidden columns stay in what the page hands to
// useDataTable, marked `meta.hidden`: the table and Export CSV leave them out, while a sort by one
// (the order in the URL is what the person chose) still applies.
import { useMemo, useState } from 'react'
import type { DataTableColumn } from './use-data-table'

export function columnStorageKey(orgId: string, table: string): string {
  return `roster.columns.${orgId}.${table}`
}

/**
 * Bumped when something other than the table's own menu stores a choice: a saved view opened
 * (apply-hidden-columns.ts, loaded with the Views menu). A view always opens by a navigation, which
 * renders the list again, and a table whose revision is behind then reads its choice again (no
 * subscription in the first download of /members).
 */
export const columnChoiceRevision = { value: 0 }

/** The hidden IDs stored for a table, keeping only IDs the table still lets people hide. */
function readHiddenColumns(key: string, hideable: readonly string[]): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return hideable.filter((id) => parsed.includes(id))
  } catch {
    // Storage refused (private mode) or garbage in it: every column shows.
    return []
  }
}

function writeHiddenColumns(key: string, hidden: readonly string[]) {
  try {
    if (hidden.length === 0) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, JSON.stringify(hidden))
  } catch {
    // Not remembered, but the choice still applies until the page is left.
  }
}

export interface ColumnChoice<T extends object> {
  /** The columns to hand to useDataTable: the hidden ones marked `meta.hidden` (a stable array per choice). */
  columns: readonly DataTableColumn<T>[]
  /** What the "Columns" menu lists: every column a person may hide, with its state. */
  options: readonly { id: string; label: string; visible: boolean }[]
  toggle: (id: string) => void
}

function columnId<T extends object>(column: DataTableColumn<T>): string {
  return column.id ?? ''
}

/**
 * Column visibility, read from and written to localStorage. `all` and `hideable` at module scope
 * (stable arrays); `hideable` names the IDs a person may hide (never the name).
 */
export function useColumnVisibility<T extends object>(
  orgId: string,
  table: string,
  all: readonly DataTableColumn<T>[],
  hideable: readonly string[],
): ColumnChoice<T> {
  const key = columnStorageKey(orgId, table)
  const revision = columnChoiceRevision.value
  const [state, setState] = useState(() => ({ key, revision, hidden: readHiddenColumns(key, hideable) }))
  // Another organization (or table) has its own choice, or a saved view stored one: adjust while
  // rendering, not in an effect.
  let current = state
  if (state.key !== key || state.revision !== revision) {
    current = { key, revision, hidden: readHiddenColumns(key, hideable) }
    setState(current)
  }
  const hidden = current.hidden
  const columns = useMemo(
    () =>
      all.map((column) =>
        hidden.includes(columnId(column)) ? { ...column, meta: { ...column.meta, hidden: true } } : column,
      ),
    [all, hidden],
  )
  const options = useMemo(
    () =>
      all
        .filter((column) => hideable.includes(columnId(column)))
        .map((column) => ({
          id: columnId(column),
          label: typeof column.header === 'string' ? column.header : columnId(column),
          visible: !hidden.includes(columnId(column)),
        })),
    [all, hideable, hidden],
  )
  const toggle = (id: string) => {
    const next = hidden.includes(id)
      ? hidden.filter((h) => h !== id)
      : hideable.filter((h) => h === id || hidden.includes(h))
    writeHiddenColumns(key, next)
    setState({ key, revision, hidden: next })
  }
  return { columns, options, toggle }
}
