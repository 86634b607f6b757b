// The table model shared by every data table in Roster: TanStack Table v9 with sorting only.
// Sorting state is controlled by the caller (it lives in the URL). Hidden columns (the "Columns"
// chooser) stay in `columns` marked `meta.hidden` (use-column-visibility.ts), so a sort by one still
// applies, and <DataTable> and Export CSV leave them out: TanStack's columnVisibilityFeature would
// add its weight to the first download for what a filter does. Filtering is deliberately not a
// TanStack feature here: callers filter the already-sorted rows with their own precomputed index,
// so a keystroke costs one pass over plain strings instead of a trip through the filter pipeline.
import {
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type OnChangeFn,
  type ReactTable,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table'
import { useMemo } from 'react'
import { MAX_SORT_KEYS, type SortKey } from '../../lib/sort-param'
import { sortFnValue } from './sort-fns'
import { createCachedSortedRowModel } from './sorted-row-model'

/** What a column puts in a CSV cell: text, a number, or a date (written as ISO 8601). */
export type CsvValue = string | number | Date | null | undefined

/** A timestamp from Tallyfy (any of its ISO variants) as a Date, so the CSV gets one ISO 8601 form. */
export function csvDate(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

declare module '@tanstack/table-core' {
  // TFeatures and TValue are part of TanStack's declaration; every merge must repeat them.
  // oxlint-disable-next-line no-unused-vars
  interface ColumnMeta<TFeatures, TData, TValue> {
    /**
     * The column's plain-text value for "Export CSV" (see csv-export.ts). A column without one
     * (a picture, an action) is left out of the file.
     */
    csv?: (row: TData) => CsvValue
    /**
     * Hidden with "Columns": neither shown nor exported, but still in the table so that a sort by
     * it (the order in the URL is what the person chose) keeps applying.
     */
    hidden?: boolean
  }
}

const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  // Each column's order is computed once per data array and reused in both directions.
  sortedRowModel: createCachedSortedRowModel(),
  sortFns: { value: sortFnValue },
})

export type DataTableFeatures = typeof dataTableFeatures
// The value type differs per column; TanStack's own helpers type an array of columns this way.
// oxlint-disable-next-line no-explicit-any
export type DataTableColumn<T extends object> = ColumnDef<DataTableFeatures, T, any>
export type DataTableRow<T extends object> = Row<DataTableFeatures, T>
export type DataTableInstance<T extends object> = ReactTable<DataTableFeatures, T>

/** A column helper bound to the data table's features: `const col = dataTableColumnHelper<Member>()`. */
export function dataTableColumnHelper<T extends object>() {
  return createColumnHelper<DataTableFeatures, T>()
}

function isShiftEvent(event: unknown): boolean {
  return typeof event === 'object' && event !== null && 'shiftKey' in event && event.shiftKey === true
}

interface UseDataTableOptions<T extends object> {
  /** Keep stable (memoised): a new array re-sorts every row. */
  data: readonly T[]
  /** Keep stable (module scope or useMemo). Sortable columns use `sortFn: 'value'`, `sortUndefined: 'last'`. */
  columns: readonly DataTableColumn<T>[]
  sorting: SortingState
  onSortingChange: OnChangeFn<SortingState>
  /** The record's own ID, so React keys and row identity survive sorting and refetches. */
  getRowId: (original: T) => string
  /** Most keys a person can sort by at once with Shift+click. */
  maxSortKeys?: number
}

export function useDataTable<T extends object>({
  data,
  columns,
  sorting,
  onSortingChange,
  getRowId,
  maxSortKeys = MAX_SORT_KEYS,
}: UseDataTableOptions<T>): DataTableInstance<T> {
  return useTable({
    features: dataTableFeatures,
    columns: columns as DataTableColumn<T>[],
    data: data as T[],
    state: { sorting },
    onSortingChange,
    getRowId: (original) => getRowId(original),
    // Always some order: a click flips ascending/descending and never drops back to "unsorted".
    enableSortingRemoval: false,
    enableMultiRemove: false,
    // Every column starts ascending, whatever its value type, so a click is predictable.
    sortDescFirst: false,
    enableMultiSort: true,
    maxMultiSortColCount: maxSortKeys,
    isMultiSortEvent: isShiftEvent,
  })
}

/**
 * The sorting a header click asks for, as the list's own sort keys: TanStack hands an updater (or a
 * value) over its generic state; keys the list does not know are dropped, so the URL stays valid.
 */
export function nextSorting<Id extends string>(
  updater: Updater<SortingState>,
  current: readonly SortKey<Id>[],
  isId: (id: string) => id is Id,
): SortKey<Id>[] {
  const next = typeof updater === 'function' ? updater([...current]) : updater
  return next.flatMap((s) => (isId(s.id) ? [{ id: s.id, desc: s.desc }] : []))
}

/**
 * The sorted rows that match a search, still in sorted order: `matching` is what the list's own
 * filter kept (null when nothing is searched). Filtering walks the cached order, so a keystroke
 * never re-sorts.
 */
export function useMatchingRows<T extends object>(
  sortedRows: readonly DataTableRow<T>[],
  matching: readonly T[] | null,
  total: number,
): readonly DataTableRow<T>[] {
  return useMemo(() => {
    if (matching === null || matching.length === total) return sortedRows
    const keep = new Set(matching)
    return sortedRows.filter((row) => keep.has(row.original))
  }, [sortedRows, matching, total])
}
