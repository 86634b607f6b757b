import { describe, expect, it, vi } from 'vitest'
import { rankMatches, toRankable } from './rank-matches'

const person = (name: string, email: string) => toRankable(name, name, [name, email])
const page = (name: string) => toRankable(`page:${name}`, name, [name])
const numbered = (n: number) => Array.from({ length: n }, (_, i) => person(`Person ${i}`, `p${i}@x.example`))
const labels = (query: string, lists: Parameters<typeof rankMatches<string>>[1], limit?: number) =>
  rankMatches(query, lists, limit).map((e) => e.label)

describe('rankMatches', () => {
  const people = [
    person('Anna Grant', 'anna.grant@x.example'),
    person('Ann', 'ann@x.example'),
    person('Joanna Ann Smith', 'jsmith@x.example'),
    person('Hannah Whitfield', 'hannah@y.example'),
    person('Annabel Lee', 'annabel@x.example'),
    person('Bob Stone', 'bob@x.example'),
  ]

  it('puts exact before prefix before word prefix before substring', () => {
    expect(labels('ann', [people])).toEqual([
      'Ann', // exact
      'Anna Grant', // prefix, shorter first
      'Annabel Lee',
      'Joanna Ann Smith', // a word starts with "ann"
      'Hannah Whitfield', // substring
    ])
  })

  it('breaks ties by shorter text, then alphabetically', () => {
    const same = [
      person('Bo Zed', 'bz@x.example'),
      person('Al Zed', 'az@x.example'),
      person('Alfonso Zed', 'afz@x.example'),
      person('Zed', 'z@x.example'),
    ]
    expect(labels('zed', [same])).toEqual(['Zed', 'Al Zed', 'Bo Zed', 'Alfonso Zed'])
  })

  it('matches emails, ignores case and accents, and needs every word of a multi-word query', () => {
    expect(labels('JSMITH', [people])).toEqual(['Joanna Ann Smith'])
    expect(labels('hannah whit', [people])).toEqual(['Hannah Whitfield'])
    expect(labels('smith joanna', [people])).toEqual(['Joanna Ann Smith'])
    expect(labels('smith bob', [people])).toEqual([])
    expect(labels('zoe', [[person('Zoë Ångström', 'zoe@x.example')]])).toEqual(['Zoë Ångström'])
  })

  it('ranks pages on the same scale as people', () => {
    const pages = [page('Members'), page('Groups'), page('Guests'), page('Sign out')]
    const guests = [person('Guenther Gross', 'gg@x.example')]
    expect(labels('gue', [pages, guests])).toEqual(['Guests', 'Guenther Gross'])
    expect(labels('groups', [pages, guests])).toEqual(['Groups'])
    expect(labels('out', [pages])).toEqual(['Sign out'])
  })

  it('keeps only the best few, however many match', () => {
    const many = Array.from({ length: 5000 }, (_, i) => person(`Member ${i}`, `m${i}@x.example`))
    const result = labels('member', [many, [person('Member', 'exact@x.example')]], 8)
    expect(result).toHaveLength(8)
    expect(result[0]).toBe('Member')
    expect(result.slice(1)).toEqual([
      'Member 0',
      'Member 1',
      'Member 2',
      'Member 3',
      'Member 4',
      'Member 5',
      'Member 6',
    ])
  })

  it('returns nothing for an empty or blank query', () => {
    expect(labels('', [people])).toEqual([])
    expect(labels('   ', [people])).toEqual([])
  })

  it('works the query out once per search, not once per entry', () => {
    const small = numbered(10)
    const large = numbered(2000)
    const replace = vi.spyOn(String.prototype, 'replace')
    try {
      rankMatches('zz-top qq', [small])
      const forSmall = replace.mock.calls.length
      replace.mockClear()
      rankMatches('zz-top qq', [large])
      expect(replace.mock.calls.length).toBe(forSmall)
    } finally {
      replace.mockRestore()
    }
  })
})
