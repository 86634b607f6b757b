import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { credentialStore } from '../api/credentials'
import { bindSessionLifecycle } from './query-client'

const real = { orgId: 'org-a', token: 'token-a', demo: false }
const demo = { orgId: 'demo-org', token: 'demo-token', demo: true }

let client: QueryClient
let stopDemo: Mock<() => void>
let unbind: () => void

function start(initial: typeof real | null) {
  if (initial) credentialStore.set(initial, { remember: false })
  client = new QueryClient()
  client.setQueryData(['org', 'x', 'members'], ['Ada Lovelace'])
  stopDemo = vi.fn<() => void>()
  unbind = bindSessionLifecycle(client, stopDemo)
}

beforeEach(() => credentialStore.clear())
afterEach(() => unbind())

const cached = () => client.getQueryData(['org', 'x', 'members'])

describe('bindSessionLifecycle', () => {
  it.each([
    ['signing out', () => credentialStore.endSession('signed-out')],
    ['a 401', () => credentialStore.endSession('expired')],
  ])('%s of a demo session drops the cache and stops the demo worker', (_, end) => {
    start(demo)
    end()
    expect(cached()).toBeUndefined()
    expect(stopDemo).toHaveBeenCalledTimes(1)
  })

  it('another tab signing out ends this demo session the same way', async () => {
    start(demo)
    const otherTab = new BroadcastChannel('roster.session')
    // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
    otherTab.postMessage({ type: 'signed-out' })
    await vi.waitFor(() => expect(stopDemo).toHaveBeenCalledTimes(1))
    expect(cached()).toBeUndefined()
    otherTab.close()
  })

  it('a real session ending drops the cache but has no demo to stop', () => {
    start(real)
    credentialStore.endSession('signed-out')
    expect(cached()).toBeUndefined()
    expect(stopDemo).not.toHaveBeenCalled()
  })

  it('a real sign-in after the demo stops the demo worker', () => {
    start(demo)
    credentialStore.set(real, { remember: false })
    expect(stopDemo).toHaveBeenCalledTimes(1)
  })

  it('keeps the cache while the session stays the same, and stops the demo only once', () => {
    start(demo)
    credentialStore.set(demo, { remember: true })
    expect(cached()).toEqual(['Ada Lovelace'])
    credentialStore.endSession('signed-out')
    credentialStore.clear()
    expect(stopDemo).toHaveBeenCalledTimes(1)
  })
})
