// Which columns of a table a person has hidden, remembered on this device per organization and
// table. localStorage holds only column IDs (`roster.columns.<orgId>.<table>` → ["job_title"]):
// never a token, never a name or an email.
import { useState } from 'react'
import type { ColumnVisibilityState, OnChangeFn, Updater } from '@tanstack/react-table'

export function columnStorageKey(orgId: string, table: string): string {
  return `roster.columns.${orgId}.${table}`
}

/** The hidden IDs stored for a table, keeping only IDs the table still has. */
export function readHiddenColumns(key: string, hideable: readonly string[]): string[] {
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

const toVisibility = (hidden: readonly string[]): ColumnVisibilityState =>
  Object.fromEntries(hidden.map((id) => [id, false]))

/**
 * Column visibility for `useDataTable`, read from and written to localStorage. `hideable` lists
 * the column IDs a person may hide (module scope: a stable array).
 */
export function useColumnVisibility(
  orgId: string,
  table: string,
  hideable: readonly string[],
): { columnVisibility: ColumnVisibilityState; onColumnVisibilityChange: OnChangeFn<ColumnVisibilityState> } {
  const key = columnStorageKey(orgId, table)
  const [state, setState] = useState(() => ({
    key,
    visibility: toVisibility(readHiddenColumns(key, hideable)),
  }))
  // Another organization (or table) has its own choice: adjust while rendering, not in an effect.
  let current = state
  if (state.key !== key) {
    current = { key, visibility: toVisibility(readHiddenColumns(key, hideable)) }
    setState(current)
  }
  const onColumnVisibilityChange = (updater: Updater<ColumnVisibilityState>) => {
    const next = typeof updater === 'function' ? updater(current.visibility) : updater
    const hidden = hideable.filter((id) => next[id] === false)
    writeHiddenColumns(key, hidden)
    setState({ key, visibility: toVisibility(hidden) })
  }
  return { columnVisibility: current.visibility, onColumnVisibilityChange }
}
