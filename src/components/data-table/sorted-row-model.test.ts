import { renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { SortingState } from '@tanstack/react-table'
import { compareSortValues, textSortValue, type SortValue } from './sort-fns'
import { sortWork } from './sorted-row-model'
import { dataTableColumnHelper, useDataTable, type DataTableColumn } from './use-data-table'

interface Item {
  id: number
  name: string | null
  rank: number | undefined
  seen: number | undefined
}

const col = dataTableColumnHelper<Item>()
const columns: DataTableColumn<Item>[] = col.columns([
  col.accessor((i) => textSortValue(i.name), {
    id: 'name',
    header: 'Name',
    sortFn: 'value',
    sortUndefined: 'last',
  }),
  col.accessor((i) => i.rank, { id: 'rank', header: 'Rank', sortFn: 'value', sortUndefined: 'last' }),
  col.accessor((i) => i.seen, { id: 'seen', header: 'Seen', sortFn: 'value', sortUndefined: 'first' }),
])

const valueOf: Record<string, (i: Item) => SortValue> = {
  name: (i) => textSortValue(i.name),
  rank: (i) => i.rank,
  seen: (i) => i.seen,
}
const unsetFirst: Record<string, boolean> = { name: false, rank: false, seen: true }

/** What TanStack's own sorted row model does, written out plainly: the reference to agree with. */
function referenceOrder(items: readonly Item[], sorting: SortingState): number[] {
  const positions = items.map((_, i) => i)
  positions.sort((a, b) => {
    for (const { id, desc } of sorting) {
      const va = valueOf[id]!(items[a]!)
      const vb = valueOf[id]!(items[b]!)
      if (va === undefined && vb === undefined) continue
      if (va === undefined || vb === undefined) return (va === undefined) === unsetFirst[id] ? -1 : 1
      const c = compareSortValues(va, vb)
      if (c !== 0) return desc ? -c : c
    }
    return a - b
  })
  return positions.map((i) => items[i]!.id)
}

// Few distinct values, so ties and "not set" are everywhere; accents and digits exercise the keys.
function makeItems(count: number, seed: number): Item[] {
  let state = seed
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
  const names = ['Ann', 'ann', 'Ångström', 'bob', 'Bob 2', 'Bob 10', 'zoë', '  ', null]
  return Array.from({ length: count }, (_, id) => ({
    id,
    name: names[Math.floor(next() * names.length)]!,
    rank: next() < 0.2 ? undefined : Math.floor(next() * 4),
    seen: next() < 0.3 ? undefined : Math.floor(next() * 5) * 1000,
  }))
}

function useTableOver(data: Item[], sorting: SortingState) {
  return useDataTable({
    data,
    columns,
    sorting,
    onSortingChange: () => {},
    getRowId: (i) => String(i.id),
  })
}

const idsOf = (table: ReturnType<typeof useTableOver>) => table.getRowModel().rows.map((r) => r.original.id)

describe('the data table sorted row model', () => {
  const sortings: SortingState[] = [
    [{ id: 'name', desc: false }],
    [{ id: 'name', desc: true }],
    [{ id: 'rank', desc: true }],
    [{ id: 'seen', desc: false }],
    [{ id: 'seen', desc: true }],
    [
      { id: 'rank', desc: false },
      { id: 'name', desc: true },
    ],
    [
      { id: 'seen', desc: true },
      { id: 'rank', desc: true },
      { id: 'name', desc: false },
    ],
  ]

  it.each(sortings.map((s) => [s.map((e) => `${e.desc ? '-' : ''}${e.id}`).join(','), s] as const))(
    'orders %s exactly as the stable reference does (ties in data order, not-set where the column says)',
    (_, sorting) => {
      const items = makeItems(400, 7)
      const { result } = renderHook(() => useTableOver(items, sorting))
      expect(idsOf(result.current)).toEqual(referenceOrder(items, sorting))
    },
  )

  it('sorts a column once per data array: flipping the direction and back costs no comparisons', () => {
    const items = makeItems(2000, 3)
    const { result, rerender } = renderHook(({ sorting }) => useTableOver(items, sorting), {
      initialProps: { sorting: [{ id: 'name', desc: false }] as SortingState },
    })
    const firstRows = result.current.getRowModel().rows
    const before = { ...sortWork }
    rerender({ sorting: [{ id: 'name', desc: true }] })
    const descending = result.current.getRowModel().rows
    rerender({ sorting: [{ id: 'name', desc: false }] })
    const ascending = result.current.getRowModel().rows
    expect(sortWork.ordersBuilt - before.ordersBuilt).toBe(0)
    expect(sortWork.comparisons - before.comparisons).toBe(0)
    expect(descending.map((r) => r.original.id)).toEqual(referenceOrder(items, [{ id: 'name', desc: true }]))
    // The same row objects, so memoised rows that did not move keep their identity.
    expect(ascending).toEqual(firstRows)
    expect(ascending[0]).toBe(firstRows[0])
  })

  it('a new data array (a new directory page) builds the order again, once', () => {
    const items = makeItems(500, 11)
    const { result, rerender } = renderHook(({ data }) => useTableOver(data, [{ id: 'rank', desc: false }]), {
      initialProps: { data: items },
    })
    result.current.getRowModel()
    const before = sortWork.ordersBuilt
    const more = [...items, ...makeItems(10, 12).map((i) => ({ ...i, id: i.id + 1000 }))]
    rerender({ data: more })
    expect(idsOf(result.current)).toEqual(referenceOrder(more, [{ id: 'rank', desc: false }]))
    result.current.getRowModel()
    expect(sortWork.ordersBuilt - before).toBe(1)
  })
})
