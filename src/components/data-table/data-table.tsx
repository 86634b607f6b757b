/**
 * <DataTable>: a real, accessible, sortable and virtualised <table> for any row type.
 *
 * Build the model with `useDataTable` (./use-data-table.ts), then render it here:
 *
 *   const table = useDataTable({ data, columns, sorting, onSortingChange, getRowId })
 *   const rows = myFilter(table.getRowModel().rows) // optional: already sorted; filter with a plain loop
 *   <DataTable table={table} rows={rows} caption="Members" />
 *
 * Props
 * - `table`      the instance from useDataTable (columns, sorting state and handlers).
 * - `rows`       the rows to show, in order. Defaults to `table.getRowModel().rows` (sorted, unfiltered).
 * - `caption`    what the table lists ("Members"). The caption also says the current sort in words;
 *                it is visually hidden unless `showCaption`.
 * - `virtualize` 'auto' (default) virtualises above `virtualizeAbove` rows (default 100); true/false force it.
 *                Virtual rows use the window as the scroller, a fixed row height from the CSS custom
 *                property --row-height, and top/bottom spacer rows, so the sticky header stays put.
 * - `empty`      shown in place of the body when there are no rows (e.g. "No members match").
 * - `className`  added to the <table>, e.g. to size columns: every cell has the class
 *                `data-table__cell--<columnId>`.
 * - `rowClassName(row)` optional extra class per row.
 *
 * Columns: a sortable column needs a string `header` (it names the sort button and the caption)
 * and, for locale-aware sorting with empty values last, `sortFn: 'value'` and `sortUndefined:
 * 'last'` with an accessor that returns a string, a number (dates: epoch ms) or undefined.
 * A column with `enableSorting: false` gets a plain <th>; its header may be any renderable.
 *
 * Semantics: <caption>, <th scope="col"> with a <button> per sortable column and `aria-sort` on the
 * <th> of the primary sort key; `aria-rowcount` (rows + header) on the table and `aria-rowindex` on
 * each rendered row, so screen readers know where they are even though most rows are not in the DOM.
 * Click sorts ascending, then flips; Shift+click adds (or flips) a secondary key.
 */
import { memo, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { FlexRender, type Header, type SortingState } from '@tanstack/react-table'
import type { DataTableFeatures, DataTableInstance, DataTableRow } from './use-data-table'
import { useWindowRange } from './use-window-range'
import './data-table.css'

interface DataTableProps<T extends object> {
  table: DataTableInstance<T>
  rows?: readonly DataTableRow<T>[]
  caption: string
  showCaption?: boolean
  virtualize?: boolean | 'auto'
  virtualizeAbove?: number
  empty?: ReactNode
  className?: string
  rowClassName?: (row: DataTableRow<T>) => string | undefined
}

const DEFAULT_ROW_HEIGHT = 52
// Rows rendered beyond each edge of the window. Rows that scroll in are rendered in the very frame
// that shows them (use-window-range.ts), so a few are enough; each extra row is mounted anew on every
// keystroke or sort that changes the window.
const OVERSCAN = 5

/** "sorted by Name, ascending, then Last login, descending" */
export function describeSorting(sorting: SortingState, labelFor: (columnId: string) => string): string {
  if (sorting.length === 0) return 'not sorted'
  const parts = sorting.map((s) => `${labelFor(s.id)}, ${s.desc ? 'descending' : 'ascending'}`)
  return `sorted by ${parts.join(', then ')}`
}

function headerLabel<T extends object>(header: Header<DataTableFeatures, T, unknown>): string {
  const value = header.column.columnDef.header
  return typeof value === 'string' ? value : header.column.id
}

export function DataTable<T extends object>({
  table,
  rows,
  caption,
  showCaption = false,
  virtualize = 'auto',
  virtualizeAbove = 100,
  empty,
  className,
  rowClassName,
}: DataTableProps<T>) {
  const shownRows = rows ?? table.getRowModel().rows
  const sorting = table.state.sorting
  const headerGroups = table.getHeaderGroups()
  // A hidden column (meta.hidden) is in the table only so a sort by it applies; it is not drawn.
  const leafColumns = table.getAllLeafColumns().filter((column) => !column.columnDef.meta?.hidden)
  const columnCount = leafColumns.length
  // Rows are memoised on their row objects; this makes them re-render whenever the set of columns
  // changes (a column shown or hidden with "Columns"), whatever the row model does.
  const columnsKey = leafColumns.map((column) => column.id).join(' ')
  const labelFor = (id: string) => {
    const value = table.getColumn(id)?.columnDef.header
    return typeof value === 'string' ? value : id
  }
  const useVirtual = virtualize === 'auto' ? shownRows.length > virtualizeAbove : virtualize
  const tableRef = useRef<HTMLTableElement>(null)

  return (
    <table
      ref={tableRef}
      className={['data-table', className].filter(Boolean).join(' ')}
      aria-rowcount={shownRows.length + 1}
    >
      <caption className={showCaption ? 'data-table__caption' : 'visually-hidden'}>
        {caption}, {describeSorting(sorting, labelFor)}
      </caption>
      <thead className="data-table__head">
        {headerGroups.map((group) => (
          <tr key={group.id} aria-rowindex={1}>
            {group.headers.map((header) => {
              const column = header.column
              if (column.columnDef.meta?.hidden) return null
              const cellClass = `data-table__th data-table__cell--${column.id}`
              if (!column.getCanSort()) {
                return (
                  <th key={header.id} scope="col" className={cellClass}>
                    <FlexRender header={header} />
                  </th>
                )
              }
              const direction = column.getIsSorted()
              const sortIndex = column.getSortIndex()
              const label = headerLabel(header)
              // aria-sort belongs on one header only (APG): the primary key. Secondary keys are in the caption.
              const ariaSort =
                direction && sortIndex === 0 ? (direction === 'asc' ? 'ascending' : 'descending') : undefined
              return (
                <th key={header.id} scope="col" className={cellClass} aria-sort={ariaSort}>
                  <button
                    type="button"
                    className="data-table__sort"
                    onClick={column.getToggleSortingHandler()}
                    title={`Sort by ${label}. Shift+click to add as a secondary sort.`}
                  >
                    <span className="data-table__sort-label">{label}</span>
                    <SortIcon direction={direction} />
                    {direction && sorting.length > 1 && (
                      <span className="data-table__sort-index">
                        <span className="visually-hidden">, sort key </span>
                        {sortIndex + 1}
                      </span>
                    )}
                  </button>
                </th>
              )
            })}
          </tr>
        ))}
      </thead>
      {shownRows.length === 0 ? (
        <tbody>
          <tr aria-rowindex={2}>
            <td colSpan={columnCount} className="data-table__empty">
              {empty}
            </td>
          </tr>
        </tbody>
      ) : useVirtual ? (
        <VirtualBody
          rows={shownRows}
          tableRef={tableRef}
          rowClassName={rowClassName}
          columnsKey={columnsKey}
        />
      ) : (
        <tbody>
          {shownRows.map((row, index) => (
            <DataRow
              key={row.id}
              row={row}
              rowIndex={index + 2}
              className={rowClassName?.(row)}
              columnsKey={columnsKey}
            />
          ))}
        </tbody>
      )}
    </table>
  )
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  return (
    <svg
      className={`data-table__sort-icon data-table__sort-icon--${direction || 'none'}`}
      width="12"
      height="12"
      viewBox="0 0 12 12"
      aria-hidden="true"
      focusable="false"
    >
      {direction !== 'desc' && <path d="M6 2 9.5 5.5h-7z" fill="currentColor" />}
      {direction !== 'asc' && <path d="M6 10 2.5 6.5h7z" fill="currentColor" />}
    </svg>
  )
}

// Memoised: while scrolling, only rows entering the window render; the rest keep their elements.
// A row that only moved (a keystroke narrowed the results above it) changes its aria-rowindex and
// nothing else: its cells are memoised apart, on the row object, and re-render only through the
// contexts they read (search highlights). A feature that changes which cells a row shows must make
// that part of RowCells' props.
const DataRow = memo(function DataRow<T extends object>({
  row,
  rowIndex,
  className,
  columnsKey,
}: {
  row: DataTableRow<T>
  rowIndex: number
  className: string | undefined
  columnsKey: string
}) {
  return (
    <tr className={['data-table__row', className].filter(Boolean).join(' ')} aria-rowindex={rowIndex}>
      <RowCells row={row} columnsKey={columnsKey} />
    </tr>
  )
}) as <T extends object>(props: {
  row: DataTableRow<T>
  rowIndex: number
  className: string | undefined
  columnsKey: string
}) => ReactNode

// `columnsKey` names the columns shown (the Columns menu changes it), so hiding one re-renders the cells.
const RowCells = memo(function RowCells<T extends object>({
  row,
}: {
  row: DataTableRow<T>
  columnsKey: string
}) {
  return row.getAllCells().map((cell) =>
    cell.column.columnDef.meta?.hidden ? null : (
      <td key={cell.id} className={`data-table__td data-table__cell--${cell.column.id}`}>
        <FlexRender cell={cell} />
      </td>
    ),
  )
}) as <T extends object>(props: { row: DataTableRow<T>; columnsKey: string }) => ReactNode

function readRowHeight(table: HTMLTableElement): number {
  const value = Number.parseFloat(getComputedStyle(table).getPropertyValue('--row-height'))
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_ROW_HEIGHT
}

function VirtualBody<T extends object>({
  rows,
  tableRef,
  rowClassName,
  columnsKey,
}: {
  rows: readonly DataTableRow<T>[]
  tableRef: RefObject<HTMLTableElement | null>
  rowClassName?: (row: DataTableRow<T>) => string | undefined
  columnsKey: string
}) {
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  // Where the body starts in the page and how tall a row is are facts of layout, known only after it.
  const [geometry, setGeometry] = useState({ offset: 0, rowHeight: DEFAULT_ROW_HEIGHT })
  useLayoutEffect(() => {
    const measure = () => {
      const body = bodyRef.current
      const table = tableRef.current
      if (!body || !table) return
      const offset = Math.round(body.getBoundingClientRect().top + window.scrollY)
      const rowHeight = readRowHeight(table)
      setGeometry((old) =>
        old.offset === offset && old.rowHeight === rowHeight ? old : { offset, rowHeight },
      )
    }
    measure()
    // Content above the table (a notice, a progress line, a wrapping header) can move it at any time;
    // any such change resizes the body, so one observer there catches them all.
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [tableRef])

  const { first, last } = useWindowRange({
    count: rows.length,
    rowHeight: geometry.rowHeight,
    offset: geometry.offset,
    overscan: OVERSCAN,
  })
  const spacerBefore = first * geometry.rowHeight
  const spacerAfter = Math.max(0, (rows.length - last - 1) * geometry.rowHeight)
  const shown: number[] = []
  for (let index = first; index <= last; index++) shown.push(index)

  return (
    <tbody ref={bodyRef}>
      {spacerBefore > 0 && (
        <tr aria-hidden="true" className="data-table__spacer">
          {/* One cell, no colSpan: a span over every column would keep columns that CSS hides on
              narrow screens alive as empty tracks, and fixed layout would share the width with them. */}
          <td aria-hidden="true" style={{ height: spacerBefore }} />
        </tr>
      )}
      {shown.map((index) => {
        const row = rows[index]
        if (!row) return null
        return (
          <DataRow
            key={row.id}
            row={row}
            rowIndex={index + 2}
            className={rowClassName?.(row)}
            columnsKey={columnsKey}
          />
        )
      })}
      {spacerAfter > 0 && (
        <tr aria-hidden="true" className="data-table__spacer">
          <td aria-hidden="true" style={{ height: spacerAfter }} />
        </tr>
      )}
    </tbody>
  )
}
