import type { SortingState } from '@tanstack/react-table'

/**
 * `?sort=` ⇄ a data table's sorting, in the members page's format: comma-separated column IDs,
 * "-" for descending ("-role,name"). Unknown IDs and repeats are dropped; nothing valid means the
 * default, and the default is left out of the URL so links stay short.
 */
export function parseSortingParam(
  param: string | null,
  allowed: readonly string[],
  fallback: SortingState,
  maxKeys = 3,
): SortingState {
  const sorting: SortingState = []
  for (const token of (param ?? '').split(',')) {
    const trimmed = token.trim()
    const desc = trimmed.startsWith('-')
    const id = desc ? trimmed.slice(1) : trimmed
    if (!allowed.includes(id) || sorting.some((s) => s.id === id)) continue
    sorting.push({ id, desc })
    if (sorting.length === maxKeys) break
  }
  return sorting.length > 0 ? sorting : fallback
}

export function formatSortingParam(sorting: SortingState, fallback: SortingState): string | null {
  const same =
    sorting.length === fallback.length &&
    sorting.every((s, i) => s.id === fallback[i]?.id && s.desc === fallback[i]?.desc)
  if (same || sorting.length === 0) return null
  return sorting.map((s) => (s.desc ? `-${s.id}` : s.id)).join(',')
}
