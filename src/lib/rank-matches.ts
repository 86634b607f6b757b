// Ranking for the command palette ("Go to"): what a person types against names, emails and page
// names. Exact beats prefix beats a word's prefix beats a substring; within a tier the shorter text
// wins (it is closer to what was typed), then alphabetical order. Only the best few are kept, with a
// bounded insertion instead of a sort, so a one-letter query over 50,000 members stays within a frame.
import { normalize } from './text'

type MatchTier = 0 | 1 | 2 | 3

const TIER = { exact: 0, prefix: 1, wordPrefix: 2, substring: 3 } as const

/** One searchable thing: its texts, normalised once when the index is built. */
export interface RankableEntry<T> {
  value: T
  /** What is shown and what ties are broken on. */
  label: string
  /** Normalised texts to match (name, email…). */
  fields: readonly string[]
  /** The same texts with every run of non-letters as one space and a leading space: word starts. */
  words: readonly string[]
  /** Sort key of the label, for the alphabetical tie-break. */
  sortKey: string
}

const nonWord = /[^\p{L}\p{N}]+/gu

export function toRankable<T>(value: T, label: string, texts: readonly (string | null | undefined)[]) {
  const fields = texts.filter((t): t is string => !!t && t.trim() !== '').map((t) => normalize(t.trim()))
  return {
    value,
    label,
    fields,
    words: fields.map((f) => ` ${f.replace(nonWord, ' ')}`),
    sortKey: normalize(label),
  } satisfies RankableEntry<T>
}

/** The normalised query, spaces collapsed; "" when there is nothing to look for. */
function normalizeQuery(query: string): string {
  return normalize(query).trim().replace(/\s+/g, ' ')
}

/** What a query is matched with, worked out once per keystroke rather than once per entry. */
interface PreparedQuery {
  q: string
  /** The query's words as one spaced string with a leading space (" ann smith"), for word starts. */
  spaced: string
  /** Each typed word with a leading space, when several were typed; otherwise empty. */
  spacedTerms: readonly string[]
  terms: readonly string[]
}

function prepareQuery(q: string): PreparedQuery {
  const terms = q.split(' ')
  return {
    q,
    spaced: ` ${q.replace(nonWord, ' ').trim()}`,
    terms: terms.length < 2 ? [] : terms,
    spacedTerms: terms.length < 2 ? [] : terms.map((term) => ` ${term}`),
  }
}

function tierOf<T>(
  entry: RankableEntry<T>,
  query: PreparedQuery,
): { tier: MatchTier; length: number } | null {
  const { q, spaced, terms, spacedTerms } = query
  let best: { tier: MatchTier; length: number } | null = null
  const consider = (tier: MatchTier, length: number) => {
    if (!best || tier < best.tier || (tier === best.tier && length < best.length)) best = { tier, length }
  }
  for (let i = 0; i < entry.fields.length; i++) {
    const field = entry.fields[i] as string
    if (field === q) consider(TIER.exact, field.length)
    else if (field.startsWith(q)) consider(TIER.prefix, field.length)
    else if (spaced.length > 1 && (entry.words[i] as string).includes(spaced))
      consider(TIER.wordPrefix, field.length)
    else if (field.includes(q)) consider(TIER.substring, field.length)
  }
  if (best) return best
  // Several words typed ("ann smith", "smith ann"): each must appear somewhere in the entry.
  if (terms.length === 0) return null
  let allWordStarts = true
  for (let t = 0; t < terms.length; t++) {
    const spacedTerm = spacedTerms[t] as string
    if (entry.words.some((w) => w.includes(spacedTerm))) continue
    allWordStarts = false
    const term = terms[t] as string
    if (!entry.fields.some((f) => f.includes(term))) return null
  }
  let shortest = Infinity
  for (const field of entry.fields) shortest = Math.min(shortest, field.length)
  return { tier: allWordStarts ? TIER.wordPrefix : TIER.substring, length: shortest }
}

interface Ranked<T> {
  entry: RankableEntry<T>
  tier: MatchTier
  length: number
}

function before<T>(a: Ranked<T>, b: Ranked<T>): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier
  if (a.length !== b.length) return a.length < b.length
  return a.entry.sortKey < b.entry.sortKey
}

/**
 * The best `limit` entries for the query, best first. Several lists (pages, members, guests,
 * groups) can be passed at once; they compete on the same scale.
 */
export function rankMatches<T>(
  query: string,
  lists: readonly (readonly RankableEntry<T>[])[],
  limit = 8,
): RankableEntry<T>[] {
  const q = normalizeQuery(query)
  if (q === '' || limit <= 0) return []
  const prepared = prepareQuery(q)
  const top: Ranked<T>[] = []
  for (const list of lists) {
    for (const entry of list) {
      const match = tierOf(entry, prepared)
      if (!match) continue
      const ranked = { entry, ...match }
      if (top.length === limit && !before(ranked, top[limit - 1] as Ranked<T>)) continue
      let at = top.length
      while (at > 0 && before(ranked, top[at - 1] as Ranked<T>)) at--
      top.splice(at, 0, ranked)
      if (top.length > limit) top.pop()
    }
  }
  return top.map((r) => r.entry)
}
