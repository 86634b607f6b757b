import { QueryClient, QueryObserver, queryOptions } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { hasFailedRefresh } from './banners'

function failedWith(data: unknown) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const options = queryOptions({ queryKey: ['x'], queryFn: () => null as unknown, enabled: false })
  client.setQueryData(options.queryKey, data)
  const query = client.getQueryCache().find({ queryKey: options.queryKey })!
  query.setState({ status: 'error', error: new Error('down') })
  const observer = new QueryObserver(client, options)
  const off = observer.subscribe(() => {})
  return { client, off }
}

describe('the "may be out of date" banner', () => {
  it('shows for data on screen whose refresh failed', () => {
    const { client, off } = failedWith([{ id: 'g1' }])
    expect(hasFailedRefresh(client)).toBe(true)
    off()
    expect(hasFailedRefresh(client)).toBe(false)
  })

  it('leaves an incomplete directory to the page’s own notice (loaded N of M, Retry)', () => {
    expect(hasFailedRefresh(failedWith({ members: [], total: 300, complete: false }).client)).toBe(false)
    expect(hasFailedRefresh(failedWith({ members: [], total: 0, complete: true }).client)).toBe(true)
  })
})
