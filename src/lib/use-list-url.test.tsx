import { act, renderHook } from '@testing-library/react'
import type { ReactNode } from 'react'
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
  it('a sort click shows at once and the URL follows', async () => {
    const { result } = setup()
    act(() => result.current.list.update({ sort: [{ id: 'email', desc: true }] }))
    expect(result.current.list.state.sort).toEqual([{ id: 'email', desc: true }])
    await act(async () => {})
    expect(result.current.location.search).toBe('?sort=-email')
    expect(result.current.list.state.sort).toEqual([{ id: 'email', desc: true }])
  })

  it('Back after a sort shows the earlier sort, not the one held while the router caught up', async () => {
    const { result } = setup('/list?sort=-name')
    act(() => result.current.list.update({ sort: [{ id: 'email', desc: false }] }))
    await act(async () => {})
    expect(result.current.location.search).toBe('?sort=email')
    act(() => {
      void result.current.navigate(-1)
    })
    await act(async () => {})
    expect(result.current.location.search).toBe('?sort=-name')
    expect(result.current.list.state.sort).toEqual([{ id: 'name', desc: true }])
  })

  it('typing keeps the text as typed while older writes land; a link elsewhere replaces it', async () => {
    const { result } = setup()
    act(() => result.current.list.setQuery('ann '))
    act(() => result.current.list.setQuery('ann s'))
    expect(result.current.list.state.q).toBe('ann s')
    await act(async () => {})
    expect(result.current.location.search).toBe('?q=ann+s')
    expect(result.current.list.state.q).toBe('ann s')
    act(() => {
      void result.current.navigate('/list?q=zoe')
    })
    await act(async () => {})
    expect(result.current.list.state.q).toBe('zoe')
  })
})
