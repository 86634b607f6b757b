import { describe, expect, it, vi } from 'vitest'
import { createSelection, rangeIds } from './selection'

const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1))

describe('a selection', () => {
  it('toggles one ID at a time, and tells its subscribers with a new version each time', () => {
    const selection = createSelection()
    const listener = vi.fn<() => void>()
    const unsubscribe = selection.subscribe(listener)
    expect(selection.size).toBe(0)
    selection.toggle('7')
    expect(selection.has('7')).toBe(true)
    expect(selection.size).toBe(1)
    expect(selection.version).toBe(1)
    selection.toggle('7')
    expect(selection.has('7')).toBe(false)
    expect(selection.version).toBe(2)
    expect(listener).toHaveBeenCalledTimes(2)
    unsubscribe()
    selection.toggle('8')
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('keeps the order people were selected in, and hands out a copy', () => {
    const selection = createSelection()
    selection.toggle('3')
    selection.set(['1', '2', '3'], true)
    const copy = selection.ids()
    expect(copy).toEqual(['3', '1', '2'])
    ;(copy as string[]).push('99')
    expect(selection.has('99')).toBe(false)
  })

  it('selects all of a filtered 100,000 and nobody else, in one change', () => {
    const all = ids(100_000)
    const filtered = all.filter((id) => Number(id) % 3 === 0)
    const selection = createSelection()
    selection.toggle('1') // selected before the search: stays selected, hidden by it
    const listener = vi.fn<() => void>()
    selection.subscribe(listener)
    selection.set(filtered, true)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(selection.size).toBe(filtered.length + 1)
    expect(filtered.every((id) => selection.has(id))).toBe(true)
    expect(all.filter((id) => selection.has(id) && Number(id) % 3 !== 0)).toEqual(['1'])

    // Unselect all shown: only the filtered ones go.
    selection.set(filtered, false)
    expect(selection.ids()).toEqual(['1'])
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('selects all from an empty selection (the fast path) with duplicates counted once', () => {
    const selection = createSelection()
    selection.set(['a', 'b', 'a'], true)
    expect(selection.size).toBe(2)
    expect(selection.ids()).toEqual(['a', 'b'])
  })

  it('adopts a Set made ahead of time as the whole selection when nothing is selected, else adds it', () => {
    const selection = createSelection()
    const listener = vi.fn<() => void>()
    selection.subscribe(listener)
    selection.adopt(new Set(['a', 'b']))
    expect(selection.ids()).toEqual(['a', 'b'])
    expect(listener).toHaveBeenCalledTimes(1)
    selection.adopt(new Set(['b', 'c']))
    expect(selection.ids()).toEqual(['a', 'b', 'c'])
    expect(listener).toHaveBeenCalledTimes(2)
    selection.clear()
    selection.adopt(new Set())
    expect(listener).toHaveBeenCalledTimes(3)
  })

  it('does not announce a change that changes nothing', () => {
    const selection = createSelection()
    const listener = vi.fn<() => void>()
    selection.subscribe(listener)
    selection.clear()
    selection.set([], true)
    selection.set(['x'], false)
    expect(listener).not.toHaveBeenCalled()
    selection.set(['x'], true)
    selection.set(['x'], true)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(selection.version).toBe(1)
  })

  it('survives a re-sort: it holds IDs, so a new order selects the same people', () => {
    const byName = ['10', '20', '30', '40', '50']
    const selection = createSelection()
    selection.set(rangeIds(byName, '20', '40'), true)
    expect(selection.ids()).toEqual(['20', '30', '40'])
    // The same people sorted another way: still selected, wherever they are now.
    const byEmail = ['40', '10', '50', '30', '20']
    expect(byEmail.filter((id) => selection.has(id))).toEqual(['40', '30', '20'])
    // A range in the new order is taken in that order.
    selection.set(rangeIds(byEmail, '10', '50'), true)
    expect(selection.size).toBe(5)
  })

  it('clears everything at once', () => {
    const selection = createSelection()
    selection.set(ids(1000), true)
    const listener = vi.fn<() => void>()
    selection.subscribe(listener)
    selection.clear()
    expect(selection.size).toBe(0)
    expect(selection.has('1')).toBe(false)
    expect(selection.ids()).toEqual([])
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('tells every subscriber even when one unsubscribes while being told', () => {
    const selection = createSelection()
    const second = vi.fn<() => void>()
    const unsubscribeFirst = selection.subscribe(() => unsubscribeFirst())
    selection.subscribe(second)
    selection.toggle('1')
    expect(second).toHaveBeenCalledTimes(1)
  })
})

describe('rangeIds', () => {
  const order = ['a', 'b', 'c', 'd', 'e']

  it('runs from the anchor to the target, either way, both included', () => {
    expect(rangeIds(order, 'b', 'd')).toEqual(['b', 'c', 'd'])
    expect(rangeIds(order, 'd', 'b')).toEqual(['b', 'c', 'd'])
    expect(rangeIds(order, 'c', 'c')).toEqual(['c'])
  })

  it('is only the target when the anchor is hidden, and nothing when the target is', () => {
    expect(rangeIds(order, 'zz', 'b')).toEqual(['b'])
    expect(rangeIds(order, 'b', 'zz')).toEqual([])
  })
})
