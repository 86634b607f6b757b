import { describe, expect, it } from 'vitest'
import { backLinkFrom, groupBackLinkState } from './group-back-link'

describe('backLinkFrom', () => {
  it('goes back to the group a page was opened from, by name, carrying the group page’s own state', () => {
    const state = groupBackLinkState('/groups/abc123', ' Sales EMEA ', { backTo: '/groups?q=sa' })
    expect(backLinkFrom(state, '/guests', 'Back to guests')).toEqual({
      to: '/groups/abc123',
      label: 'Back to Sales EMEA',
      state: { backTo: '/groups?q=sa' },
    })
  })

  it('names "the group" when the state has no name', () => {
    expect(backLinkFrom({ backTo: '/groups/abc123' }, '/guests', 'Back to guests').label).toBe(
      'Back to the group',
    )
  })

  it('falls back to the list, as left or plain, for anything else', () => {
    expect(backLinkFrom({ backTo: '/guests?q=pat' }, '/guests', 'Back to guests')).toEqual({
      to: '/guests?q=pat',
      label: 'Back to guests',
    })
    for (const state of [
      null,
      undefined,
      'x',
      { backTo: 'https://evil.example/groups/abc' },
      { backTo: '/groups/abc/../../members', backLabel: 'x' },
      { backTo: '/groups/abc?x=1' },
      { backTo: 42 },
    ]) {
      expect(backLinkFrom(state, '/guests', 'Back to guests')).toEqual({
        to: '/guests',
        label: 'Back to guests',
      })
    }
  })
})
