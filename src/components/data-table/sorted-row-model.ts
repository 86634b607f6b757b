// The data table's sorted row model: TanStack's `createSortedRowModel` semantics (stable ties,
// `sortUndefined: 'first' | 'last'` in both directions, `invertSorting`, multi-key), but the work
// is done once per data version and column instead of once per click:
//
// - each sorted column's values are read once and turned into plain keys (`textSortKey` for text);
// - the column's ascending order is sorted once and remembered as a rank per row (equal values
//   share a rank), keyed by the identity of the rows array, so a new directory page re-sorts but a
//   click does not;
// - a single-key sort in either direction is then a linear walk over that order (descending walks
//   it backwards, run by run, so ties keep their original order and "not set" stays where it was);
// - a multi-key sort compares small integers (ranks) instead of strings.
//
// Rows are the very same row objects, in the same order TanStack's model would give, so pages that
// read `table.getRowModel().rows` see no difference except speed.
import {
  createSortedRowModel,
  tableMemo,
  type Row,
  type RowData,
  type RowModel,
  type Table,
  type TableFeatures,
} from '@tanstack/react-table'
import { sortFnValue, textSortKey, type SortValue } from './sort-fns'

type AnyRow = Row<TableFeatures, RowData>
type AnyTable = Table<TableFeatures, RowData>

/** What one column's order costs to build; read by tests (and a profiler) to see work, not time. */
export const sortWork = { ordersBuilt: 0, comparisons: 0 }

interface ColumnOrder {
  /** Row positions (into the pre-sorted rows) with a value, ascending, ties by position. */
  ascending: Int32Array
  /** Per position: the row's rank among distinct values (equal values share one), or -1 when not set. */
  rank: Int32Array
  /** Positions whose value is undefined, in their original order. */
  unset: Int32Array
}

/** A column's order depends on its values and comparator, so it is cached per rows array identity. */
const orderCache = new WeakMap<readonly AnyRow[], Map<string, ColumnOrder>>()

function compareKeys(a: string | number, b: string | number): number {
  sortWork.comparisons++
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const keyA = typeof a === 'string' ? a : textSortKey(String(a))
  const keyB = typeof b === 'string' ? b : textSortKey(String(b))
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
}

function buildColumnOrder(
  rows: readonly AnyRow[],
  columnId: string,
  sortFn: (a: AnyRow, b: AnyRow, columnId: string) => number,
  splitUnset: boolean,
): ColumnOrder {
  sortWork.ordersBuilt++
  const n = rows.length
  const byValue = sortFn === (sortFnValue as unknown)
  const keys: Array<string | number> = Array.from({ length: n })
  const defined: number[] = []
  const unset: number[] = []
  for (let i = 0; i < n; i++) {
    const value = rows[i]!.getValue<SortValue>(columnId)
    if (splitUnset && value === undefined) {
      unset.push(i)
      continue
    }
    defined.push(i)
    if (byValue && value !== undefined)
      keys[i] = typeof value === 'number' ? value : textSortKey(String(value))
  }
  // The same three-way comparison TanStack would make per click, made once here.
  const compare = byValue
    ? (a: number, b: number) => {
        const ka = keys[a]
        const kb = keys[b]
        // Only reachable when undefined is not split off: sortFnValue puts it last.
        if (ka === undefined || kb === undefined) return ka === kb ? 0 : ka === undefined ? 1 : -1
        return compareKeys(ka, kb)
      }
    : (a: number, b: number) => {
        sortWork.comparisons++
        return sortFn(rows[a]!, rows[b]!, columnId)
      }
  defined.sort((a, b) => compare(a, b) || a - b)
  const rank = new Int32Array(n).fill(-1)
  let current = 0
  for (let i = 0; i < defined.length; i++) {
    if (i > 0 && compare(defined[i - 1]!, defined[i]!) !== 0) current++
    rank[defined[i]!] = current
  }
  return { ascending: Int32Array.from(defined), rank, unset: Int32Array.from(unset) }
}

interface ResolvedSort {
  order: ColumnOrder
  /** Descending after `invertSorting`. */
  desc: boolean
  unsetFirst: boolean
}

function singleKeyRows(rows: readonly AnyRow[], sort: ResolvedSort): AnyRow[] {
  const { ascending, rank, unset } = sort.order
  const out: AnyRow[] = []
  const pushUnset = () => {
    for (let i = 0; i < unset.length; i++) out.push(rows[unset[i]!]!)
  }
  if (sort.unsetFirst) pushUnset()
  if (!sort.desc) {
    for (let i = 0; i < ascending.length; i++) out.push(rows[ascending[i]!]!)
  } else {
    // Backwards one run of equal values at a time; inside a run, original order (stable ties).
    let end = ascending.length
    while (end > 0) {
      let start = end - 1
      const r = rank[ascending[start]!]
      while (start > 0 && rank[ascending[start - 1]!] === r) start--
      for (let i = start; i < end; i++) out.push(rows[ascending[i]!]!)
      end = start
    }
  }
  if (!sort.unsetFirst) pushUnset()
  return out
}

function multiKeyRows(rows: readonly AnyRow[], sorts: readonly ResolvedSort[]): AnyRow[] {
  const positions = Array.from({ length: rows.length }, (_, i) => i)
  positions.sort((a, b) => {
    for (const sort of sorts) {
      const ra = sort.order.rank[a]!
      const rb = sort.order.rank[b]!
      if (ra === rb) continue
      if (ra === -1 || rb === -1) return (ra === -1) === sort.unsetFirst ? -1 : 1
      return sort.desc ? rb - ra : ra - rb
    }
    return a - b
  })
  return positions.map((i) => rows[i]!)
}

function columnOrder(
  rows: readonly AnyRow[],
  columnId: string,
  sortFn: (a: AnyRow, b: AnyRow, columnId: string) => number,
  splitUnset: boolean,
): ColumnOrder {
  let byColumn = orderCache.get(rows)
  if (!byColumn) {
    byColumn = new Map()
    orderCache.set(rows, byColumn)
  }
  const cacheKey = `${splitUnset ? 's' : 'n'}:${columnId}`
  let order = byColumn.get(cacheKey)
  if (!order) {
    order = buildColumnOrder(rows, columnId, sortFn, splitUnset)
    byColumn.set(cacheKey, order)
  }
  return order
}

function sortedModel(table: AnyTable, fallback: () => RowModel<TableFeatures, RowData>) {
  const preSorted = table.getPreSortedRowModel()
  const sorting = table.atoms.sorting?.get()
  const rows = preSorted.rows
  if (!rows.length || !sorting?.length) return preSorted
  if (rows.some((row) => row.subRows.length > 0)) return fallback()
  const resolved: ResolvedSort[] = []
  for (const entry of sorting) {
    const column = table.getColumn(entry.id)
    if (!column || !column.getCanSort()) continue
    const { sortUndefined, invertSorting } = column.columnDef
    // A numeric sortUndefined means "undefined counts as larger/smaller", which flips with the
    // direction; nested rows sort per level. Neither is used by Roster: TanStack's own model handles them.
    if (typeof sortUndefined === 'number') return fallback()
    const splitUnset = sortUndefined === 'first' || sortUndefined === 'last'
    resolved.push({
      order: columnOrder(rows, entry.id, column.getSortFn(), splitUnset),
      desc: entry.desc !== Boolean(invertSorting),
      unsetFirst: sortUndefined === 'first',
    })
  }
  if (resolved.length === 0) return preSorted
  const sortedRows = resolved.length === 1 ? singleKeyRows(rows, resolved[0]!) : multiKeyRows(rows, resolved)
  return { rows: sortedRows, flatRows: sortedRows, rowsById: preSorted.rowsById }
}

/** Drop-in for `createSortedRowModel()` in `tableFeatures({ sortedRowModel: … })`. */
export function createCachedSortedRowModel() {
  const stock = createSortedRowModel()
  return (_table: unknown) => {
    const table = _table as AnyTable
    let fallback: (() => RowModel<TableFeatures, RowData>) | null = null
    const useStock = () => {
      fallback ??= (stock as (t: unknown) => () => RowModel<TableFeatures, RowData>)(table)
      return fallback()
    }
    return tableMemo({
      feature: 'rowSortingFeature',
      table: table as Parameters<typeof tableMemo>[0]['table'],
      fnName: 'table.getSortedRowModel',
      memoDeps: () => [table.atoms.sorting?.get(), table.getPreSortedRowModel()],
      fn: () => sortedModel(table, useStock),
    })
  }
}
