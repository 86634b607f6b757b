// Which people of a list are selected (issue #21): a set of IDs (a member's String(id), a guest's
// guestKey), never row positions, so a selection survives sorting, searching and a refetch. Kept
// outside React: the header checkbox, each visible row's checkbox and the selection bar subscribe,
// and a change re-renders only what reads it, never every row of a 100,000-member table.
import { useSyncExternalStore } from 'react'

export interface Selection {
  has(id: string): boolean
  readonly size: number
  toggle(id: string): void
  /** Selects (`on`) or unselects many at once: "Select all shown", a Shift+click range. */
  set(ids: Iterable<string>, on: boolean): void
  /**
   * Selects these IDs as `set(ids, true)` does, but when nothing is selected yet the Set itself
   * becomes the selection, without a copy (100,000 IDs made ahead of the click, see select-column.tsx).
   * The caller hands the Set over and never uses it again.
   */
  adopt(ids: Set<string>): void
  clear(): void
  /** The selected IDs (a copy), in the order they were selected. */
  ids(): readonly string[]
  /** Bumps on every change (for useSyncExternalStore and memoised counts). */
  readonly version: number
  subscribe(listener: () => void): () => void
}

export function createSelection(): Selection {
  let selected = new Set<string>()
  let version = 0
  const listeners = new Set<() => void>()
  const changed = () => {
    version++
    // A listener may unsubscribe (a row scrolling away) while the others are told: a Set's
    // iteration carries on past a deleted entry.
    for (const listener of listeners) listener()
  }
  const selection: Selection = {
    has: (id) => selected.has(id),
    get size() {
      return selected.size
    },
    get version() {
      return version
    },
    toggle(id) {
      if (!selected.delete(id)) selected.add(id)
      changed()
    },
    set(ids, on) {
      const before = selected.size
      if (on && before === 0) {
        // Select all from nothing: the Set constructor is several times faster than adding one by one.
        selected = new Set(ids)
        if (selected.size > 0) changed()
        return
      }
      let any = false
      if (on) {
        for (const id of ids) selected.add(id)
        any = selected.size !== before
      } else {
        for (const id of ids) if (selected.delete(id)) any = true
      }
      if (any) changed()
    },
    adopt(ids) {
      if (selected.size > 0) {
        selection.set(ids, true)
        return
      }
      selected = ids
      if (selected.size > 0) changed()
    },
    clear() {
      if (selected.size === 0) return
      selected = new Set()
      changed()
    },
    ids: () => [...selected],
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
  return selection
}

/**
 * The IDs from `anchor` to `target` in the list's current order, both included (a Shift+click
 * range). Only the target when the anchor is not in the order (hidden by the search since it was
 * clicked); nothing when the target is not.
 */
export function rangeIds(orderedIds: readonly string[], anchor: string, target: string): string[] {
  const to = orderedIds.indexOf(target)
  if (to < 0) return []
  const from = orderedIds.indexOf(anchor)
  if (from < 0) return [target]
  return orderedIds.slice(Math.min(from, to), Math.max(from, to) + 1)
}

/** Re-renders the caller on every change of the selection; returns its version. */
export function useSelectionVersion(selection: Selection): number {
  return useSyncExternalStore(selection.subscribe, () => selection.version)
}
