// Text matching for search: accent- and case-insensitive, so "alvarez" finds "Álvarez" and "zoe"
// finds "Zoë". The same normalisation is used for the precomputed search index and for the query,
// and highlight ranges are mapped back onto the original string so <mark> lands on "Á", not "A".

const combiningMarks = /\p{M}+/gu

// Letters that do not decompose under NFKD but that people type without their stroke or ligature.
// Each maps one lowercase letter to what a person would type on a plain keyboard.
const extraFolds: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Greek final sigma: lowercasing depends on context, so fold it to one form for both sides.
  ς: 'σ',
}
const extraFoldPattern = new RegExp(`[${Object.keys(extraFolds).join('')}]`, 'gu')

/** Lowercase, NFKD, combining marks removed, a few stroked letters and ligatures folded. */
export function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(combiningMarks, '')
    .replace(extraFoldPattern, (ch) => extraFolds[ch] ?? ch)
}

/** The normalised words of a query, without duplicates; "" gives []. */
export function splitTerms(query: string): string[] {
  const terms = normalize(query).split(/\s+/u)
  return [...new Set(terms.filter((t) => t !== ''))]
}

/** True when every term occurs somewhere in the (already normalised) haystack. */
export function matchesAllTerms(normalizedHaystack: string, terms: readonly string[]): boolean {
  for (const term of terms) {
    if (!normalizedHaystack.includes(term)) return false
  }
  return true
}

interface TextRange {
  /** Inclusive start, in UTF-16 units of the original string. */
  start: number
  /** Exclusive end, in UTF-16 units of the original string. */
  end: number
}

/**
 * Where the terms occur in `text`, as merged, sorted ranges of the ORIGINAL string. Normalising
 * can change lengths (ß → ss, "é" as e + U+0301 → e), so each normalised character remembers the
 * original code point it came from.
 */
export function highlightRanges(text: string, terms: readonly string[]): TextRange[] {
  if (terms.length === 0 || text === '') return []
  let normalized = ''
  // origin[i] = the original [start, end) that produced normalized[i]
  const originStart: number[] = []
  const originEnd: number[] = []
  let offset = 0
  for (const codePoint of text) {
    const folded = normalize(codePoint)
    const end = offset + codePoint.length
    if (folded === '' && originEnd.length > 0) {
      // A lone combining mark belongs to the letter before it, so a highlight covers both.
      originEnd[originEnd.length - 1] = end
    }
    for (let i = 0; i < folded.length; i++) {
      originStart.push(offset)
      originEnd.push(end)
    }
    normalized += folded
    offset = end
  }

  const found: TextRange[] = []
  for (const term of terms) {
    if (term === '') continue
    let from = normalized.indexOf(term)
    while (from !== -1) {
      const last = from + term.length - 1
      found.push({ start: originStart[from] ?? 0, end: originEnd[last] ?? text.length })
      from = normalized.indexOf(term, from + 1)
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end)

  const merged: TextRange[] = []
  for (const range of found) {
    const previous = merged[merged.length - 1]
    if (previous && range.start <= previous.end) {
      previous.end = Math.max(previous.end, range.end)
    } else {
      merged.push({ ...range })
    }
  }
  return merged
}
