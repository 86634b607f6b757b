import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useMemo, useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { SortingState } from '@tanstack/react-table'
import { DataTable, describeSorting } from './data-table'
import { compareSortValues, textSortValue } from './sort-fns'
import { dataTableColumnHelper, useDataTable } from './use-data-table'

interface Person {
  id: number
  name: string
  title: string | null
  seen: string | null
}

const people: Person[] = [
  { id: 1, name: 'Zoë Quinn', title: 'Engineer', seen: '2026-01-05T00:00:00Z' },
  { id: 2, name: 'Ångström Ann', title: null, seen: '2025-12-31T00:00:00Z' },
  { id: 3, name: 'bob Baker', title: 'Designer', seen: null },
  { id: 4, name: 'Adam Alder', title: 'Engineer', seen: '2026-01-20T00:00:00Z' },
  { id: 5, name: 'Zed Zimmer', title: '  ', seen: '2026-01-04T00:00:00Z' },
]

const col = dataTableColumnHelper<Person>()
const columns = col.columns([
  col.accessor((p) => textSortValue(p.name), {
    id: 'name',
    header: 'Name',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.name,
  }),
  col.accessor((p) => textSortValue(p.title), {
    id: 'title',
    header: 'Title',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.title ?? '—',
  }),
  col.accessor((p) => (p.seen ? Date.parse(p.seen) : undefined), {
    id: 'seen',
    header: 'Last seen',
    sortFn: 'value',
    sortUndefined: 'last',
    cell: (ctx) => ctx.row.original.seen ?? 'Never',
  }),
])

function PeopleTable({
  data = people,
  initial = [{ id: 'name', desc: false }],
}: {
  data?: Person[]
  initial?: SortingState
}) {
  const [sorting, setSorting] = useState<SortingState>(initial)
  const stable = useMemo(() => data, [data])
  const table = useDataTable({
    data: stable,
    columns,
    sorting,
    onSortingChange: setSorting,
    getRowId: (p) => String(p.id),
  })
  return <DataTable table={table} caption="People" empty="Nobody here" />
}

function names(): string[] {
  const body = screen.getAllByRole('rowgroup')[1]!
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '')
}

function sortedCopy<T extends string | number | undefined>(values: T[]): T[] {
  const copy = [...values]
  // oxlint-disable-next-line unicorn/no-array-sort -- a fresh copy; toSorted is ES2023, beyond the project's lib
  copy.sort(compareSortValues)
  return copy
}

describe('comparators', () => {
  it('sorts accents with their base letter and numbers numerically', () => {
    const sorted = sortedCopy(['Zoë', 'bob', 'Ångström', 'Adam', 'item 10', 'item 2'])
    expect(sorted).toEqual(['Adam', 'Ångström', 'bob', 'item 2', 'item 10', 'Zoë'])
  })
  it('puts empty values last and compares numbers as numbers', () => {
    expect(sortedCopy([undefined, 3, 20, 1])).toEqual([1, 3, 20, undefined])
    expect(textSortValue('   ')).toBeUndefined()
    expect(textSortValue(null)).toBeUndefined()
  })
  it('describes the sort in words', () => {
    expect(
      describeSorting(
        [
          { id: 'name', desc: false },
          { id: 'seen', desc: true },
        ],
        (id) => (id === 'name' ? 'Name' : 'Last seen'),
      ),
    ).toBe('sorted by Name, ascending, then Last seen, descending')
  })
})

describe('DataTable', () => {
  it('is a table with a caption, column headers and row indexes', () => {
    render(<PeopleTable />)
    const table = screen.getByRole('table', { name: 'People, sorted by Name, ascending' })
    expect(table).toHaveAttribute('aria-rowcount', '6')
    expect(screen.getAllByRole('columnheader')).toHaveLength(3)
    const rows = within(screen.getAllByRole('rowgroup')[1]!).getAllByRole('row')
    expect(rows.map((r) => r.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4', '5', '6'])
  })

  it('sorts by name ascending with accents in place, and toggles on click', async () => {
    const user = userEvent.setup()
    render(<PeopleTable />)
    const nameHeader = screen.getByRole('columnheader', { name: /Name/ })
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(names()).toEqual(['Adam Alder', 'Ångström Ann', 'bob Baker', 'Zed Zimmer', 'Zoë Quinn'])

    await user.click(within(nameHeader).getByRole('button', { name: /Name/ }))
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    expect(names()).toEqual(['Zoë Quinn', 'Zed Zimmer', 'bob Baker', 'Ångström Ann', 'Adam Alder'])

    await user.click(within(nameHeader).getByRole('button', { name: /Name/ }))
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')
  })

  it('moves the sort to another column and keeps empty values last both ways', async () => {
    const user = userEvent.setup()
    render(<PeopleTable />)
    const seenHeader = screen.getByRole('columnheader', { name: /Last seen/ })
    await user.click(within(seenHeader).getByRole('button'))
    expect(seenHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(screen.getByRole('columnheader', { name: /Name/ })).not.toHaveAttribute('aria-sort')
    // Dates as dates: 2025-12-31 before 2026-01-04; never-seen last.
    expect(names()).toEqual(['Ångström Ann', 'Zed Zimmer', 'Zoë Quinn', 'Adam Alder', 'bob Baker'])
    await user.click(within(seenHeader).getByRole('button'))
    expect(seenHeader).toHaveAttribute('aria-sort', 'descending')
    expect(names()).toEqual(['Adam Alder', 'Zoë Quinn', 'Zed Zimmer', 'Ångström Ann', 'bob Baker'])
  })

  it('adds a secondary sort with Shift+click', async () => {
    const user = userEvent.setup()
    render(<PeopleTable initial={[{ id: 'title', desc: false }]} />)
    // Engineers tie on title: without a second key they keep data order (Zoë, Adam).
    expect(names()).toEqual(['bob Baker', 'Zoë Quinn', 'Adam Alder', 'Ångström Ann', 'Zed Zimmer'])
    const nameButton = screen.getByRole('button', { name: /^Name/ })
    await user.keyboard('{Shift>}')
    await user.click(nameButton)
    await user.click(nameButton)
    await user.keyboard('{/Shift}')
    expect(screen.getByRole('table')).toHaveAccessibleName(
      'People, sorted by Title, ascending, then Name, descending',
    )
    expect(screen.getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'ascending')
    expect(names()).toEqual(['bob Baker', 'Zoë Quinn', 'Adam Alder', 'Zed Zimmer', 'Ångström Ann'])
    // A plain click goes back to a single key.
    await user.click(screen.getByRole('button', { name: /^Last seen/ }))
    expect(screen.getByRole('table')).toHaveAccessibleName('People, sorted by Last seen, ascending')
  })

  it('shows the empty content when there are no rows', () => {
    render(<PeopleTable data={[]} />)
    expect(screen.getByText('Nobody here')).toBeInTheDocument()
  })
})

describe('DataTable virtualisation', () => {
  it('renders only the window of rows, with spacers and true row indexes', async () => {
    vi.resetModules()
    vi.doMock('./use-window-range', () => ({ useWindowRange: () => ({ first: 100, last: 119 }) }))
    const { DataTable: VirtualTable } = await import('./data-table')
    const many: Person[] = Array.from({ length: 5000 }, (_, i) => ({
      id: i,
      name: `Person ${String(i).padStart(4, '0')}`,
      title: null,
      seen: null,
    }))
    function Many() {
      const table = useDataTable({
        data: many,
        columns,
        sorting: [{ id: 'name', desc: false }],
        onSortingChange: () => {},
        getRowId: (p) => String(p.id),
      })
      return <VirtualTable table={table} caption="People" />
    }
    render(<Many />)
    const table = screen.getByRole('table')
    expect(table).toHaveAttribute('aria-rowcount', '5001')
    const bodyRows = within(screen.getAllByRole('rowgroup')[1]!).getAllByRole('row')
    expect(bodyRows).toHaveLength(20)
    expect(bodyRows[0]).toHaveAttribute('aria-rowindex', '102')
    expect(bodyRows[0]).toHaveTextContent('Person 0100')
    const spacers = table.querySelectorAll('tr[aria-hidden="true"]')
    expect(spacers).toHaveLength(2)
    vi.doUnmock('./use-window-range')
  })
})
