// `?sort=` ⇄ a table's sorting, the one format every list in Roster uses: comma-separated column
// IDs, "-" for descending ("-role,name"). Unknown IDs and repeats are dropped; nothing valid means
// the list's default, and the default is left out of the URL so links stay short.

export interface SortKey<Id extends string = string> {
  id: Id
  desc: boolean
}

/** Most keys a person can sort by at once (Shift+click adds one); the URL never holds more. */
export const MAX_SORT_KEYS = 3

/** The last parse per list (keyed by its allowed IDs, a module constant), for parseSortingParam. */
const lastParsed = new WeakMap<
  readonly string[],
  { param: string | null; fallback: readonly SortKey[]; maxKeys: number; sorting: readonly SortKey[] }
>()

/**
 * The sorting a `?sort=` value asks for. The same value (for the same list) gives the very same array
 * back: every location change parses the URL again, and a new but equal array would make a table
 * lay its whole order out again on each keystroke of a search.
 */
export function parseSortingParam<Id extends string>(
  param: string | null,
  allowed: readonly Id[],
  fallback: readonly SortKey<Id>[],
  maxKeys = MAX_SORT_KEYS,
): SortKey<Id>[] {
  const last = lastParsed.get(allowed)
  if (last && last.param === param && last.fallback === fallback && last.maxKeys === maxKeys)
    return last.sorting as SortKey<Id>[]
  const sorting = readSortingParam(param, allowed, fallback, maxKeys)
  lastParsed.set(allowed, { param, fallback, maxKeys, sorting })
  return sorting
}

function readSortingParam<Id extends string>(
  param: string | null,
  allowed: readonly Id[],
  fallback: readonly SortKey<Id>[],
  maxKeys: number,
): SortKey<Id>[] {
  const sorting: SortKey<Id>[] = []
  for (const token of (param ?? '').split(',')) {
    const trimmed = token.trim()
    const desc = trimmed.startsWith('-')
    const id = desc ? trimmed.slice(1) : trimmed
    if (!(allowed as readonly string[]).includes(id) || sorting.some((s) => s.id === id)) continue
    sorting.push({ id: id as Id, desc })
    if (sorting.length === maxKeys) break
  }
  return sorting.length > 0 ? sorting : (fallback as SortKey<Id>[])
}

function sameSorting(a: readonly SortKey[], b: readonly SortKey[]): boolean {
  return a.length === b.length && a.every((s, i) => s.id === b[i]?.id && s.desc === b[i]?.desc)
}

/** The URL value, or null for the default (or no sort at all). */
export function formatSortingParam(sorting: readonly SortKey[], fallback: readonly SortKey[]): string | null {
  if (sorting.length === 0 || sameSorting(sorting, fallback)) return null
  return sorting.map((s) => (s.desc ? `-${s.id}` : s.id)).join(',')
}
