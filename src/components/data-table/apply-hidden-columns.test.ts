import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { applyHiddenColumns, storedHiddenColumns } from './apply-hidden-columns'
import { columnStorageKey, useColumnVisibility } from './use-column-visibility'
import { dataTableColumnHelper } from './use-data-table'

const col = dataTableColumnHelper<{ a: string; b: string }>()
const columns = [col.accessor('a', { id: 'a', header: 'A' }), col.accessor('b', { id: 'b', header: 'B' })]
const hideable = ['a', 'b']

describe('a saved view’s columns', () => {
  it('are stored as the table’s own choice, and a table on screen reads them again at its next render (the view’s navigation)', () => {
    const { result, rerender } = renderHook(() => useColumnVisibility('org', 'members', columns, hideable))
    expect(result.current.options.map((o) => o.visible)).toEqual([true, true])
    applyHiddenColumns('org', 'members', ['b'])
    rerender()
    expect(result.current.options.map((o) => o.visible)).toEqual([true, false])
    expect(localStorage.getItem(columnStorageKey('org', 'members'))).toBe('["b"]')
    expect(storedHiddenColumns('org', 'members')).toEqual(['b'])
    // The table's own menu still works on top.
    act(() => result.current.toggle('a'))
    expect(storedHiddenColumns('org', 'members')).toEqual(['a', 'b'])
    applyHiddenColumns('org', 'members', [])
    rerender()
    expect(result.current.options.map((o) => o.visible)).toEqual([true, true])
    expect(localStorage.getItem(columnStorageKey('org', 'members'))).toBeNull()
  })

  it('reads junk as nothing hidden', () => {
    localStorage.setItem(columnStorageKey('org', 'members'), '{"x":1')
    expect(storedHiddenColumns('org', 'members')).toEqual([])
  })
})
