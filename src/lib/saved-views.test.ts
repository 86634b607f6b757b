import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  deleteView,
  findSavedView,
  MAX_SAVED_VIEWS,
  readSavedViews,
  saveView,
  saveViewMessage,
  subscribeSavedViews,
  viewsStorageKey,
} from './saved-views'
import { builtInViews, canonicalSearch, viewUrl } from './views'
import { overviewLinks } from './overview-links'

afterEach(() => localStorage.clear())

describe('saved views', () => {
  it('saves, lists in order and deletes, per organization and per list', () => {
    expect(saveView('org-a', { list: 'members', name: 'My admins', search: '?role=admin' })).toMatchObject({
      ok: true,
      replaced: false,
    })
    saveView('org-a', { list: 'guests', name: 'Off', search: '?status=disabled' })
    saveView('org-b', { list: 'members', name: 'Other org', search: '' })
    expect(readSavedViews('org-a')).toEqual([
      { list: 'members', name: 'My admins', search: '?role=admin' },
      { list: 'guests', name: 'Off', search: '?status=disabled' },
    ])
    expect(readSavedViews('org-b').map((v) => v.name)).toEqual(['Other org'])
    // The same name on another list is another view.
    expect(saveView('org-a', { list: 'groups', name: 'my admins', search: '' }).ok).toBe(true)

    expect(deleteView('org-a', 'members', '  MY   admins ')).toMatchObject({ name: 'My admins' })
    expect(readSavedViews('org-a').map((v) => `${v.list}:${v.name}`)).toEqual([
      'guests:Off',
      'groups:my admins',
    ])
    expect(deleteView('org-a', 'members', 'My admins')).toBeNull()
    expect(readSavedViews('org-b')).toHaveLength(1)
  })

  it('stores only the list, the name, the list’s own parameters and column IDs under roster.views.<orgId>', () => {
    saveView('org-a', {
      list: 'members',
      name: '  Quiet   admins ',
      search: '?role=admin&token=secret&email=pat%40x.example&sort=name',
      hidden: ['job_title', 'Bad ID!', 'groups'],
    })
    const stored = JSON.parse(localStorage.getItem(viewsStorageKey('org-a'))!)
    expect(stored).toEqual([
      { list: 'members', name: 'Quiet admins', search: '?role=admin', hidden: ['job_title', 'groups'] },
    ])
  })

  it('refuses an empty name, a built-in view’s name, and a name in use unless replacing (which keeps its place)', () => {
    expect(saveView('o', { list: 'members', name: '   ', search: '' })).toEqual({
      ok: false,
      reason: 'empty',
    })
    expect(saveView('o', { list: 'members', name: 'x'.repeat(61), search: '' })).toEqual({
      ok: false,
      reason: 'too-long',
    })
    expect(saveView('o', { list: 'members', name: 'administrators', search: '' })).toEqual({
      ok: false,
      reason: 'built-in',
    })
    saveView('o', { list: 'members', name: 'First', search: '?role=light' })
    saveView('o', { list: 'members', name: 'Second', search: '' })
    expect(saveView('o', { list: 'members', name: 'FIRST', search: '?role=admin' })).toEqual({
      ok: false,
      reason: 'exists',
    })
    expect(readSavedViews('o')[0]?.search).toBe('?role=light')
    expect(
      saveView('o', { list: 'members', name: 'FIRST', search: '?role=admin' }, { replace: true }),
    ).toMatchObject({
      ok: true,
      replaced: true,
    })
    expect(readSavedViews('o').map((v) => [v.name, v.search])).toEqual([
      ['FIRST', '?role=admin'],
      ['Second', ''],
    ])
    expect(saveViewMessage('exists', ' First ')).toBe(
      'A view named “First” already exists. Save again to replace it.',
    )
    expect(saveViewMessage('empty', '')).toBe('Enter a name for the view.')
  })

  it('ignores junk in localStorage, entry by entry', () => {
    const key = viewsStorageKey('org-j')
    for (const junk of ['not json', '{"views":[]}', 'null', '42', '"text"']) {
      localStorage.setItem(key, junk)
      expect(readSavedViews('org-j')).toEqual([])
    }
    localStorage.setItem(
      key,
      JSON.stringify([
        null,
        'a string',
        { list: 'teams', name: 'Unknown list', search: '' },
        { list: 'members', name: '', search: '' },
        { list: 'members', name: 42, search: '' },
        { list: 'members', name: 'No question mark', search: 'role=admin' },
        { list: 'members', name: 'Kept', search: '?role=admin', hidden: 'job_title' },
        { list: 'members', name: 'kept', search: '?role=light' },
        { list: 'guests', name: 'Also kept', search: '?group=none&evil=<script>', hidden: [1, 'company'] },
      ]),
    )
    expect(readSavedViews('org-j')).toEqual([
      { list: 'members', name: 'Kept', search: '?role=admin' },
      { list: 'guests', name: 'Also kept', search: '?group=none', hidden: ['company'] },
    ])
    // Saving over junk keeps what was readable.
    saveView('org-j', { list: 'groups', name: 'New', search: '?filter=empty' })
    expect(readSavedViews('org-j').map((v) => v.name)).toEqual(['Kept', 'Also kept', 'New'])
  })

  it('gives the same array for the same stored text, and tells subscribers of changes (this tab and others)', () => {
    saveView('org-s', { list: 'members', name: 'One', search: '' })
    expect(readSavedViews('org-s')).toBe(readSavedViews('org-s'))
    const listener = vi.fn<() => void>()
    const stop = subscribeSavedViews(listener)
    saveView('org-s', { list: 'members', name: 'Two', search: '' })
    expect(listener).toHaveBeenCalledTimes(1)
    window.dispatchEvent(new StorageEvent('storage', { key: viewsStorageKey('org-s') }))
    window.dispatchEvent(new StorageEvent('storage', { key: 'roster.columns.org-s.members' }))
    expect(listener).toHaveBeenCalledTimes(2)
    stop()
    deleteView('org-s', 'members', 'One')
    expect(listener).toHaveBeenCalledTimes(2)
    expect(findSavedView('org-s', 'members', 'two')?.name).toBe('Two')
  })

  it('keeps at most MAX_SAVED_VIEWS', () => {
    for (let i = 0; i < MAX_SAVED_VIEWS; i++)
      saveView('org-m', { list: 'groups', name: `View ${i}`, search: '' })
    expect(saveView('org-m', { list: 'groups', name: 'One more', search: '' })).toEqual({
      ok: false,
      reason: 'too-many',
    })
  })

  it('says when the browser refuses to store', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(saveView('org-q', { list: 'members', name: 'X', search: '' })).toEqual({
      ok: false,
      reason: 'storage',
    })
    setItem.mockRestore()
  })
})

const url = (id: string) => viewUrl(builtInViews.find((v) => v.id === id)!)

describe('views are URLs', () => {
  it('the built-in views are exactly the overview’s links', () => {
    expect(url('administrators')).toBe(overviewLinks.administrators())
    expect(url('stale-invitations')).toBe(overviewLinks.staleInvitations())
    expect(url('never-signed-in')).toBe(overviewLinks.neverSignedIn())
    expect(url('inactive-90')).toBe(overviewLinks.inactive(90))
    expect(url('guests-in-no-group')).toBe(overviewLinks.guestsInNoGroup())
    expect(url('disabled-guests')).toBe(overviewLinks.disabledGuests())
    expect(url('empty-groups')).toBe(overviewLinks.emptyGroups())
  })

  it('a saved view round-trips: the search it stores is the one its list writes, and reads back the same', () => {
    for (const [list, search] of [
      ['members', '?q=ann&sort=-last_login&role=admin&status=active'],
      ['guests', '?q=pat&sort=-company&status=disabled&group=none'],
      ['groups', '?q=ops&sort=-members&filter=empty'],
    ] as const) {
      const canonical = canonicalSearch(list, search)
      expect(canonicalSearch(list, canonical)).toBe(canonical)
      saveView('org-r', { list, name: `A ${list} view`, search })
      expect(findSavedView('org-r', list, `A ${list} view`)?.search).toBe(canonical)
    }
    expect(canonicalSearch('guests', '?group=none&status=disabled')).toBe('?status=disabled&group=none')
    expect(canonicalSearch('groups', '?sort=name')).toBe('')
  })
})
