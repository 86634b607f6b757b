import { describe, expect, it } from 'vitest'
import { overviewLinks } from './overview-links'
import {
  INACTIVE_DAY_CHOICES,
  parseInvitedFilter,
  parseMonth,
  parseSignInFilter,
  signInBuckets,
  type InvitedFilter,
  type SignInFilter,
} from './recency'
import {
  hasActiveFilters,
  parseListState,
  serializeListState,
  searchAndSortCodec,
  type ListState,
} from './list-state'

/** The members list with nothing chosen: no search, sorted by name, no filters. */
const defaultListState: ListState = {
  q: '',
  sort: [{ id: 'name', desc: false }],
  role: null,
  status: null,
  signin: null,
  invited: null,
  seat: null,
  joined: null,
}

const parse = (search: string) => parseListState(new URLSearchParams(search))
const serialize = (state: ListState) => serializeListState(state).toString()

describe('parseListState', () => {
  it('gives the defaults for an empty URL', () => {
    expect(parse('')).toEqual(defaultListState)
  })
  it('reads search, sort keys and filters', () => {
    expect(parse('?q=ann%20smith&sort=-last_login,name&role=admin&status=invited')).toEqual({
      q: 'ann smith',
      sort: [
        { id: 'last_login', desc: true },
        { id: 'name', desc: false },
      ],
      role: 'admin',
      status: 'invited',
      signin: null,
      invited: null,
      seat: null,
      joined: null,
    })
  })
  it('ignores unknown values instead of failing', () => {
    expect(parse('?sort=-shoe_size,,email,email&role=owner&status=asleep')).toEqual({
      ...defaultListState,
      sort: [{ id: 'email', desc: false }],
    })
    expect(parse('?sort=nonsense')).toEqual(defaultListState)
  })
  it('keeps at most three sort keys', () => {
    expect(parse('?sort=email,role,status,job_title').sort.map((s) => s.id)).toEqual([
      'email',
      'role',
      'status',
    ])
  })
})

describe('serializeListState', () => {
  it('leaves defaults out', () => {
    expect(serialize(defaultListState)).toBe('')
    expect(serialize({ ...defaultListState, sort: [{ id: 'name', desc: false }] })).toBe('')
  })
  it('writes a compact sort and the filters', () => {
    expect(
      serialize({
        ...defaultListState,
        q: 'zoë ',
        sort: [
          { id: 'name', desc: true },
          { id: 'last_login', desc: false },
        ],
        role: 'light',
        status: 'disabled',
      }),
    ).toBe('q=zo%C3%AB+&sort=-name%2Clast_login&role=light&status=disabled')
  })
  it('round-trips', () => {
    const state: ListState = {
      ...defaultListState,
      q: 'Ann  Smith ',
      sort: [
        { id: 'status', desc: true },
        { id: 'email', desc: false },
      ],
      role: 'standard',
      status: 'active',
    }
    expect(parseListState(serializeListState(state))).toEqual(state)
    for (const search of ['', 'q=x', 'sort=-name', 'role=admin&status=invited', 'q=a&sort=email%2C-role']) {
      expect(serialize(parse(search))).toBe(search)
    }
  })
})

/** Every value each of the overview's filters takes (recency.ts's and the seat rule's own words). */
const signInValues: SignInFilter[] = [
  'within-30d',
  ...INACTIVE_DAY_CHOICES.map((days) => `not-${days}d` as const),
  'never',
  ...signInBuckets.filter((bucket) => bucket !== 'never'),
]
const invitedValues: InvitedFilter[] = ['over-14d', 'within-14d']

describe("the overview's filters in the URL", () => {
  it('reads every value of signin=, invited=, seat= and joined=', () => {
    expect(signInValues).toHaveLength(11)
    for (const signin of signInValues) {
      expect(parse(`?signin=${signin}`)).toEqual({ ...defaultListState, signin })
      // The codec and recency.ts accept the very same values.
      expect(parseSignInFilter(signin)).toBe(signin)
    }
    for (const invited of invitedValues) {
      expect(parse(`?invited=${invited}`)).toEqual({ ...defaultListState, invited })
      expect(parseInvitedFilter(invited)).toBe(invited)
    }
    for (const seat of ['full', 'light'] as const) {
      expect(parse(`?seat=${seat}`)).toEqual({ ...defaultListState, seat })
    }
    for (const joined of ['2024-01', '2025-12', '2026-03', '1999-10']) {
      expect(parse(`?joined=${joined}`)).toEqual({ ...defaultListState, joined })
      expect(parseMonth(joined)?.month).toBe(joined)
    }
  })

  it.each([
    'signin=not-45d',
    'signin=NEVER',
    'signin=never%20',
    'signin=',
    'signin=within-30d,never',
    'invited=over-15d',
    'invited=over',
    'seat=guest',
    'seat=Full',
    'joined=2026-13',
    'joined=2026-00',
    'joined=2026-3',
    'joined=0999-01',
    'joined=2026-03-01',
    'joined=march',
  ])('ignores %s, a value it does not know', (search) => {
    expect(parse(`?${search}`)).toEqual(defaultListState)
    expect(serialize(parse(`?${search}`))).toBe('')
  })

  it('refuses what recency.ts refuses', () => {
    const signIns = ['not-45d', 'NEVER', 'never ', '', 'within-30d,never'].map(parseSignInFilter)
    expect(signIns).toEqual([null, null, null, null, null])
    const months = ['2026-13', '2026-3', '0999-01', '2026-03-01'].map(parseMonth)
    expect(months).toEqual([null, null, null, null])
  })

  it('combines them with search, sort, role and status, and keeps a junk one from spoiling the rest', () => {
    expect(parse('?q=ann&sort=-last_login&role=admin&status=active&signin=not-90d&seat=full')).toEqual({
      q: 'ann',
      sort: [{ id: 'last_login', desc: true }],
      role: 'admin',
      status: 'active',
      signin: 'not-90d',
      invited: null,
      seat: 'full',
      joined: null,
    })
    expect(parse('?status=invited&invited=over-14d&joined=2026-02&signin=soon&seat=none')).toEqual({
      ...defaultListState,
      status: 'invited',
      invited: 'over-14d',
      joined: '2026-02',
    })
  })

  it('writes them after the others, in a fixed order, defaults left out', () => {
    expect(
      serialize({
        ...defaultListState,
        joined: '2026-03',
        seat: 'light',
        invited: 'within-14d',
        signin: 'never',
        status: 'invited',
      }),
    ).toBe('status=invited&signin=never&invited=within-14d&seat=light&joined=2026-03')
    expect(serialize({ ...defaultListState, signin: null, invited: null, seat: null, joined: null })).toBe('')
  })

  it('round-trips every value, alone and together', () => {
    const states: ListState[] = [
      ...signInValues.map((signin) => ({ ...defaultListState, signin })),
      ...invitedValues.map((invited) => ({ ...defaultListState, invited })),
      { ...defaultListState, seat: 'full' },
      { ...defaultListState, seat: 'light' },
      { ...defaultListState, joined: '2025-11' },
      {
        q: 'zoë ',
        sort: [{ id: 'status', desc: true }],
        role: 'light',
        status: 'invited',
        signin: '3-12m',
        invited: 'over-14d',
        seat: 'light',
        joined: '2024-07',
      },
    ]
    for (const state of states) expect(parseListState(serializeListState(state))).toEqual(state)
  })

  it.each([
    overviewLinks.membersByStatus('active'),
    overviewLinks.membersByRole('light'),
    overviewLinks.seats('full'),
    overviewLinks.seats('light'),
    overviewLinks.staleInvitations(),
    overviewLinks.neverSignedIn(),
    ...INACTIVE_DAY_CHOICES.map(overviewLinks.inactive),
    overviewLinks.administrators(),
    ...signInBuckets.map(overviewLinks.lastSignIn),
    overviewLinks.joined('2026-03'),
  ])('reads the overview’s link %s as written, and writes it back the same', (link) => {
    const search = link.slice(link.indexOf('?') + 1)
    const state = parse(`?${search}`)
    expect(hasActiveFilters(state)).toBe(true)
    expect(serialize(state)).toBe(search)
  })
})

describe('hasActiveFilters', () => {
  it('counts search and filters, not sorting', () => {
    expect(hasActiveFilters(defaultListState)).toBe(false)
    expect(hasActiveFilters({ ...defaultListState, q: '   ' })).toBe(false)
    expect(hasActiveFilters({ ...defaultListState, q: 'a' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, status: 'invited' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, sort: [{ id: 'email', desc: true }] })).toBe(false)
    expect(hasActiveFilters({ ...defaultListState, signin: 'never' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, invited: 'within-14d' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, seat: 'light' })).toBe(true)
    expect(hasActiveFilters({ ...defaultListState, joined: '2026-01' })).toBe(true)
  })
})

describe('searchAndSortCodec', () => {
  const codec = searchAndSortCodec(['name', 'members'] as const, [{ id: 'name', desc: false }], 1)

  it('reads no more sort keys from the URL than the list allows', () => {
    expect(codec.maxSortKeys).toBe(1)
    expect(codec.parse(new URLSearchParams('sort=-members,name')).sort).toEqual([
      { id: 'members', desc: true },
    ])
  })

  it('allows three keys unless told otherwise', () => {
    const wide = searchAndSortCodec(['a', 'b', 'c', 'd'] as const, [{ id: 'a', desc: false }])
    expect(wide.parse(new URLSearchParams('sort=b,-c,d,a')).sort).toHaveLength(3)
  })
})
