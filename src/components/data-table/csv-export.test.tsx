import { render, renderHook, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SortingState } from '@tanstack/react-table'
import { CSV_BOM } from '../../lib/csv'
import { tableToCsv } from './csv-export'
import { DataTable } from './data-table'
import { textSortValue } from './sort-fns'
import { columnStorageKey, useColumnVisibility } from './use-column-visibility'
import { csvDate, dataTableColumnHelper, useDataTable, type DataTableColumn } from './use-data-table'

interface Person {
  id: number
  name: string
  title: string | null
  seen: string | null
}

const people: Person[] = [
  { id: 1, name: 'Cleo', title: 'Engineer', seen: '2026-01-05T10:00:00+01:00' },
  { id: 2, name: 'Ann', title: null, seen: null },
  { id: 3, name: 'Bob', title: 'Architect', seen: '2025-12-31T00:00:00Z' },
  { id: 4, name: 'Dee', title: 'Designer', seen: 'not a date' },
]

const seenAt = (p: Person) => {
  const time = p.seen ? Date.parse(p.seen) : Number.NaN
  return Number.isNaN(time) ? undefined : time
}

const col = dataTableColumnHelper<Person>()
const columns: DataTableColumn<Person>[] = col.columns([
  // A picture: no csv value, so never exported.
  col.display({ id: 'avatar', header: '', cell: () => null }),
  col.accessor((p) => textSortValue(p.name), {
    id: 'name',
    header: 'Name',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.name,
    meta: { csv: (p) => p.name },
  }),
  col.accessor((p) => textSortValue(p.title), {
    id: 'title',
    header: 'Job title',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.title ?? '—',
    meta: { csv: (p) => p.title },
  }),
  col.accessor((p) => seenAt(p), {
    id: 'seen',
    header: 'Last seen',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.seen ?? 'Never',
    meta: { csv: (p) => csvDate(p.seen) },
  }),
])
const hideable = ['title', 'seen']
const ORG = 'org-1'

/** The table a list page builds: the person's column choice, then the model with the URL's sort. */
function usePeopleTable(sorting: SortingState) {
  const choice = useColumnVisibility(ORG, 'people', columns, hideable)
  return useDataTable({
    data: people,
    columns: choice.columns,
    sorting,
    onSortingChange: () => {},
    getRowId: (p) => String(p.id),
  })
}

function PeopleTable({ sorting }: { sorting: SortingState }) {
  const table = usePeopleTable(sorting)
  return <DataTable table={table} caption="People" virtualize={false} />
}

const lines = (csv: string) => csv.slice(CSV_BOM.length).split('\r\n').slice(0, -1)
const hide = (...ids: string[]) =>
  window.localStorage.setItem(columnStorageKey(ORG, 'people'), JSON.stringify(ids))

afterEach(() => window.localStorage.clear())

describe('tableToCsv', () => {
  it('writes a header row of the exportable columns in order, then the rows in the order given', () => {
    const { result } = renderHook(() => usePeopleTable([{ id: 'name', desc: false }]))
    const table = result.current
    const sorted = table.getRowModel().rows
    expect(lines(tableToCsv(table, sorted))).toEqual([
      'Name,Job title,Last seen',
      'Ann,,',
      'Bob,Architect,2025-12-31T00:00:00.000Z',
      // Any ISO variant from Tallyfy comes out as one form, in UTC; an unreadable date is empty.
      'Cleo,Engineer,2026-01-05T09:00:00.000Z',
      'Dee,Designer,',
    ])
    // The rows as handed over (a page's filtered view), not the table's own order or all of them.
    const [ann, bob, cleo] = sorted
    expect(lines(tableToCsv(table, [cleo!, ann!]))).toEqual([
      'Name,Job title,Last seen',
      'Cleo,Engineer,2026-01-05T09:00:00.000Z',
      'Ann,,',
    ])
    expect(lines(tableToCsv(table, [bob!]))).toHaveLength(2)
    expect(lines(tableToCsv(table, []))).toEqual(['Name,Job title,Last seen'])
  })

  it('leaves hidden columns out and keeps the others in their order', () => {
    hide('title')
    const { result } = renderHook(() => usePeopleTable([{ id: 'name', desc: false }]))
    expect(lines(tableToCsv(result.current, result.current.getRowModel().rows))).toEqual([
      'Name,Last seen',
      'Ann,',
      'Bob,2025-12-31T00:00:00.000Z',
      'Cleo,2026-01-05T09:00:00.000Z',
      'Dee,',
    ])
  })
})

describe('sorting by a hidden column', () => {
  it('still sorts the rows by it (the URL’s order is what the person chose), and the export follows', () => {
    hide('title')
    const { result } = renderHook(() => usePeopleTable([{ id: 'title', desc: false }]))
    const rows = result.current.getRowModel().rows
    // Architect, Designer, Engineer, then no title last.
    expect(rows.map((r) => r.original.name)).toEqual(['Bob', 'Dee', 'Cleo', 'Ann'])
    expect(lines(tableToCsv(result.current, rows)).map((line) => line.split(',')[0])).toEqual([
      'Name',
      'Bob',
      'Dee',
      'Cleo',
      'Ann',
    ])
  })

  it('applies descending and as a secondary key too', () => {
    hide('title', 'seen')
    const desc = renderHook(() => usePeopleTable([{ id: 'seen', desc: true }]))
    expect(desc.result.current.getRowModel().rows.map((r) => r.original.name)).toEqual([
      'Cleo',
      'Bob',
      'Ann',
      'Dee',
    ])
    // Hidden "Last seen" first, then name descending among the ties (both never seen).
    const multi = renderHook(() =>
      usePeopleTable([
        { id: 'seen', desc: false },
        { id: 'name', desc: true },
      ]),
    )
    expect(multi.result.current.getRowModel().rows.map((r) => r.original.name)).toEqual([
      'Bob',
      'Cleo',
      'Dee',
      'Ann',
    ])
  })

  it('is not drawn, while the caption still says the order in force', () => {
    hide('title')
    render(<PeopleTable sorting={[{ id: 'title', desc: true }]} />)
    const grid = screen.getByRole('table', { name: /^People/ })
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['', 'Name', 'Last seen'])
    expect(within(grid).queryByText('Architect')).toBeNull()
    const body = within(grid).getAllByRole('rowgroup')[1]!
    const names = within(body)
      .getAllByRole('row')
      .map((row) => within(row).getAllByRole('cell')[1]!.textContent)
    expect(names).toEqual(['Cleo', 'Dee', 'Bob', 'Ann'])
    expect(grid).toHaveAccessibleName('People, sorted by Job title, descending')
  })
})
