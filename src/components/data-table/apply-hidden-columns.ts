// A saved view's columns, applied: stored as the table's own choice (use-column-visibility.ts), and
// its revision bumped so a table already on screen reads it again when the view's navigation
// renders it. Loaded with the Views menu and the palette, never with /members.
import { columnChoiceRevision, columnStorageKey } from './use-column-visibility'

export function applyHiddenColumns(orgId: string, table: string, hidden: readonly string[]) {
  try {
    const key = columnStorageKey(orgId, table)
    if (hidden.length === 0) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, JSON.stringify(hidden))
  } catch {
    // Storage refused: the view still opens, with the columns already shown.
    return
  }
  columnChoiceRevision.value++
}

/** The hidden column IDs stored for a table on this device (what a saved view records). */
export function storedHiddenColumns(orgId: string, table: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(columnStorageKey(orgId, table)) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : []
  } catch {
    return []
  }
}
