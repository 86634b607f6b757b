import { describe, expect, it } from 'vitest'
import { viewCatalog } from '../../components/views/views-menu'
import { overviewLinks } from '../../lib/overview-links'
import { rankMatches } from '../../lib/rank-matches'
import type { SavedView } from '../../lib/saved-views'
import { makeMember } from '../../test/member-factory'
import { builtInViewEntries, memberEntries, savedViewEntries } from './palette-entries'

describe('memberEntries', () => {
  const directory = [
    makeMember({ id: 1, fullName: 'Ann Lee', email: 'ann@x.example' }),
    makeMember({ id: 2, fullName: 'Bo Chen', email: 'bo@x.example' }),
  ]

  it('builds the entries once per directory array: the next open reuses them', () => {
    const first = memberEntries(directory)
    expect(memberEntries(directory)).toBe(first)
    expect(first.map((e) => e.value.key)).toEqual(['member:1', 'member:2'])
    expect(rankMatches('bo', [first]).map((e) => e.label)).toEqual(['Bo Chen'])
  })

  it('builds anew for a new array (the directory refetched or grew)', () => {
    const first = memberEntries(directory)
    const grown = [...directory, makeMember({ id: 3, fullName: 'Cy Dee', email: 'cy@x.example' })]
    const next = memberEntries(grown)
    expect(next).not.toBe(first)
    expect(next.map((e) => e.label)).toEqual(['Ann Lee', 'Bo Chen', 'Cy Dee'])
  })
})

describe('view entries', () => {
  it('finds the built-in views by name, each to its list’s URL', () => {
    const [first] = rankMatches('never signed', [builtInViewEntries(viewCatalog)])
    expect(first?.value).toMatchObject({ kind: 'view', label: 'Never signed in', detail: 'Members' })
    expect(first?.value.to).toBe(overviewLinks.neverSignedIn())
    expect(rankMatches('empty groups', [builtInViewEntries(viewCatalog)])[0]?.value.to).toBe(
      '/groups?filter=empty',
    )
  })

  it('finds saved views by name, once per stored array', () => {
    const saved: SavedView[] = [
      { list: 'members', name: 'Quiet admins', search: '?role=admin', hidden: ['job_title'] },
      { list: 'guests', name: 'Off clients', search: '?status=disabled' },
    ]
    const entries = savedViewEntries(viewCatalog, saved)
    expect(savedViewEntries(viewCatalog, saved)).toBe(entries)
    const [match] = rankMatches('quiet', [entries])
    expect(match?.value).toMatchObject({
      key: 'view:saved:members:Quiet admins',
      detail: 'Members, saved on this device',
      to: '/members?role=admin',
      view: saved[0],
    })
  })
})
