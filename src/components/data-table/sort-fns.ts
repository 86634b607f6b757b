// Comparators for the data table. Columns give TanStack a sort value per row: a string (compared
// the way people read: "Ångström" with the A's, "item 2" before "item 10"), a number (dates as
// epoch milliseconds, so they sort as dates), or undefined for "not set", which the column's
// `sortUndefined: 'last'` keeps at the end in both directions.
import type { Row, SortFn, TableFeatures } from '@tanstack/react-table'

export type SortValue = string | number | undefined

/** Shared: building a collator is costly, comparing with one is cheap. */
export const textCollator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })

/** Ascending order of two sort values; undefined (not set) after everything else. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (a === undefined || b === undefined) {
    if (a === b) return 0
    return a === undefined ? 1 : -1
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b
  return textCollator.compare(String(a), String(b))
}

/** An empty or whitespace-only string is "not set", so it sorts last rather than first. */
export function textSortValue(text: string | null | undefined): string | undefined {
  if (text == null) return undefined
  const trimmed = text.trim()
  return trimmed === '' ? undefined : trimmed
}

function sortByValue<TFeatures extends TableFeatures, TData extends object>(
  rowA: Row<TFeatures, TData>,
  rowB: Row<TFeatures, TData>,
  columnId: string,
): number {
  return compareSortValues(rowA.getValue<SortValue>(columnId), rowB.getValue<SortValue>(columnId))
}

/** Registered as `sortFn: 'value'`; handles strings and numbers alike. */
export const sortFnValue = sortByValue as SortFn<TableFeatures, object>
