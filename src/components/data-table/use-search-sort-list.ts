// The wiring of a list whose URL holds a search and a sort (groups, guests, a group's members): the one table, sorted
// by the URL's keys (a header click writes them back), the list's own filter over the search, and
// the sorted rows that filter kept. Only the lazily loaded list pages import it, never /members.
import { useMemo } from 'react'
import type { SortingState, Updater } from '@tanstack/react-table'
import type { SearchAndSort } from '../../lib/list-state'
import type { ListUrl } from '../../lib/use-list-url'
import {
  nextSorting,
  useDataTable,
  useMatchingRows,
  type DataTableColumn,
  type DataTableInstance,
  type DataTableRow,
} from './use-data-table'

interface SearchSortListOptions<T extends object, Id extends string> {
  /** Keep stable (memoised). */
  items: readonly T[]
  /** Keep stable (module scope). */
  columns: readonly DataTableColumn<T>[]
  list: ListUrl<SearchAndSort<Id>>
  sortIds: readonly Id[]
  getRowId: (item: T) => string
  /** Keep stable (module scope): the items a search keeps, or all of them for an empty one. */
  filter: (items: readonly T[], query: string) => readonly T[]
  maxSortKeys?: number
}

export function useSearchSortList<T extends object, Id extends string>({
  items,
  columns,
  list,
  sortIds,
  getRowId,
  filter,
  maxSortKeys,
}: SearchSortListOptions<T, Id>): { table: DataTableInstance<T>; shown: readonly DataTableRow<T>[] } {
  const { q: query, sort } = list.state
  const isSortId = (id: string): id is Id => (sortIds as readonly string[]).includes(id)
  const table = useDataTable({
    data: items,
    columns,
    sorting: sort,
    onSortingChange: (updater: Updater<SortingState>) =>
      list.update({ sort: nextSorting(updater, sort, isSortId) }),
    getRowId,
    maxSortKeys,
  })
  const matching = useMemo(() => filter(items, query), [filter, items, query])
  const shown = useMatchingRows(table.getRowModel().rows, matching, items.length)
  return { table, shown }
}
