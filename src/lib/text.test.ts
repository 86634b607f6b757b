import { describe, expect, it } from 'vitest'
import { highlightRanges, matchesAllTerms, normalize, splitTerms } from './text'

function marked(text: string, query: string): string {
  let out = ''
  let at = 0
  for (const { start, end } of highlightRanges(text, splitTerms(query))) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`
    at = end
  }
  return out + text.slice(at)
}

describe('normalize', () => {
  it('lowercases and strips accents', () => {
    expect(normalize('Álvarez')).toBe('alvarez')
    expect(normalize('Zoë Ångström')).toBe('zoe angstrom')
  })
  it('folds letters that do not decompose', () => {
    expect(normalize('Straße Søren Æsir Łukasz')).toBe('strasse soren aesir lukasz')
  })
  it('treats precomposed and decomposed accents alike', () => {
    expect(normalize('Zoe\u0308')).toBe(normalize('Zo\u00eb'))
  })
})

describe('splitTerms and matchesAllTerms', () => {
  it('splits on whitespace, normalises and drops duplicates', () => {
    expect(splitTerms('  Ann   SMITH ann ')).toEqual(['ann', 'smith'])
    expect(splitTerms('   ')).toEqual([])
  })
  it('needs every term, each anywhere (name or email)', () => {
    const haystack = normalize('Ann Smith\u0000ann.smith@example.com')
    expect(matchesAllTerms(haystack, splitTerms('ann smith'))).toBe(true)
    expect(matchesAllTerms(haystack, splitTerms('smith example.com'))).toBe(true)
    expect(matchesAllTerms(haystack, splitTerms('ann jones'))).toBe(false)
  })
  it('is accent-insensitive both ways', () => {
    expect(matchesAllTerms(normalize('José Álvarez'), splitTerms('alvarez'))).toBe(true)
    expect(matchesAllTerms(normalize('Jose Alvarez'), splitTerms('ÁLVAREZ'))).toBe(true)
  })
  it('matches an empty query', () => {
    expect(matchesAllTerms('anything', [])).toBe(true)
  })
})

describe('highlightRanges', () => {
  it('marks ranges on the original string with accents', () => {
    expect(marked('José Álvarez', 'alva')).toBe('José [Álva]rez')
    expect(marked('Zoë Quinn', 'zoe')).toBe('[Zoë] Quinn')
  })
  it('includes a decomposed combining mark in the mark', () => {
    expect(marked('Zoe\u0308 Quinn', 'zoe')).toBe('[Zoe\u0308] Quinn')
  })
  it('maps folded letters that change length', () => {
    expect(marked('Große Straße', 'strasse')).toBe('Große [Straße]')
  })
  it('merges overlapping terms and finds every occurrence', () => {
    expect(marked('anna.annabel@example.com', 'ann nna')).toBe('[anna].[anna]bel@example.com')
  })
  it('returns nothing without terms', () => {
    expect(highlightRanges('Ann', [])).toEqual([])
  })
})
