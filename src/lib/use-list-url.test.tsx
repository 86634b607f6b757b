import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { MemoryRouter, useLocation, useNavigate } from 'react-router'
import { describe, expect, it } from 'vitest'
import { searchAndSortCodec } from './list-state'
import { useListUrl } from './use-list-url'

const codec = searchAndSortCodec(['name', 'email'] as const, [{ id: 'name', desc: false }])

function setup(initial = '/list') {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[initial]}>{children}</MemoryRouter>
  )
  return renderHook(() => ({ list: useListUrl(codec), navigate: useNavigate(), location: useLocation() }), {
    wrapper,
  })
}

describe('useListUrl', () => {
  it('a sort click shows before the router has rendered its URL, and the URL follows', async () => {
    const { result } = setup()
    await act(async () => {
      // The click's own update, flushed the way a discrete event is; the router's is a transition.
      flushSync(() => result.current.list.update({ sort: [{ id: 'email', desc: true }] }))
      expect(result.current.location.search).toBe('')
      expect(result.current.list.state.sort).toEqual([{ id: 'email', desc: true }])
    })
    expect(result.current.location.search).toBe('?sort=-email')
    expect(result.current.list.state.sort).toEqual([{ id: 'email', desc: true }])
  })

  it('once the URL lands, the table keeps the very same sort array (no second re-sort)', async () => {
    const { result } = setup()
    let held: unknown
    await act(async () => {
      flushSync(() => result.current.list.update({ sort: [{ id: 'email', desc: false }] }))
      held = result.current.list.state.sort
    })
    expect(result.current.location.search).toBe('?sort=email')
    expect(result.current.list.state.sort).toBe(held)
  })

  it('two quick changes that end where they started, then Back: the earlier entry is shown', async () => {
    const { result } = setup()
    await act(async () => {
      flushSync(() => result.current.list.update({ sort: [{ id: 'email', desc: false }] }))
      flushSync(() => result.current.list.update({ sort: [{ id: 'name', desc: false }] }))
    })
    expect(result.current.location.search).toBe('')
    await act(async () => {
      void result.current.navigate(-1)
    })
    expect(result.current.location.search).toBe('?sort=email')
    expect(result.current.list.state.sort).toEqual([{ id: 'email', desc: false }])
  })

  it('Back after a sort shows the earlier sort', async () => {
    const { result } = setup('/list?sort=-name')
    await act(async () => {
      result.current.list.update({ sort: [{ id: 'email', desc: false }] })
    })
    expect(result.current.location.search).toBe('?sort=email')
    await act(async () => {
      void result.current.navigate(-1)
    })
    expect(result.current.location.search).toBe('?sort=-name')
    expect(result.current.list.state.sort).toEqual([{ id: 'name', desc: true }])
  })

  it('keystrokes replace the current entry, so Back never steps through them', async () => {
    const { result } = setup()
    await act(async () => {
      result.current.list.update({ sort: [{ id: 'email', desc: false }] })
    })
    await act(async () => {
      flushSync(() => result.current.list.setQuery('a'))
      flushSync(() => result.current.list.setQuery('an'))
    })
    expect(result.current.location.search).toBe('?q=an&sort=email')
    await act(async () => {
      void result.current.navigate(-1)
    })
    expect(result.current.location.search).toBe('')
    expect(result.current.list.state.q).toBe('')
  })

  it('typing keeps the text as typed while its older writes land; a link elsewhere replaces it', async () => {
    const { result } = setup()
    await act(async () => {
      flushSync(() => result.current.list.setQuery('ann '))
      flushSync(() => result.current.list.setQuery('ann s'))
      expect(result.current.list.state.q).toBe('ann s')
    })
    expect(result.current.location.search).toBe('?q=ann+s')
    expect(result.current.list.state.q).toBe('ann s')
    await act(async () => {
      void result.current.navigate('/list?q=zoe')
    })
    expect(result.current.list.state.q).toBe('zoe')
  })
})
