import { afterEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../credentials'
import { claimPrefetch, startPrefetch } from './first-page-prefetch'

const alice = { orgId: 'org-a', token: 'token-a', demo: false }
const bob = { orgId: 'org-b', token: 'token-b', demo: false }

/** A request that answers "page 1" a task later, remembering the signal it was given. */
function pendingLoad() {
  const seen: { signal: AbortSignal | null } = { signal: null }
  const load = (_credentials: unknown, signal: AbortSignal) => {
    seen.signal = signal
    return new Promise<string>((resolve) => setTimeout(() => resolve('page 1'), 0))
  }
  return { seen, load }
}

afterEach(() => credentialStore.clear())

describe('the first directory page prefetched at sign-in', () => {
  it('is handed over only after the check accepted it, to the credentials that asked for it', async () => {
    const { load } = pendingLoad()
    const handle = startPrefetch(alice, 'users:1000', load)
    credentialStore.set(alice, { remember: false })
    expect(claimPrefetch('org-a', 'users:1000')).toBeNull()

    const again = startPrefetch(alice, 'users:1000', load)
    again.accept()
    handle.discard() // an older handle cannot cancel the newer prefetch
    await expect(claimPrefetch('org-a', 'users:1000')).resolves.toBe('page 1')
    // One use: the next load fetches for itself.
    expect(claimPrefetch('org-a', 'users:1000')).toBeNull()
  })

  it('is cancelled and forgotten when the check fails', () => {
    const { seen, load } = pendingLoad()
    const handle = startPrefetch(alice, 'users:1000', load)
    handle.discard()
    expect(seen.signal?.aborted).toBe(true)
    credentialStore.set(alice, { remember: false })
    expect(claimPrefetch('org-a', 'users:1000')).toBeNull()
  })

  it('never answers another organization, another token or another request', () => {
    for (const [signedIn, orgId, shape] of [
      [bob, 'org-b', 'users:1000'],
      [{ ...alice, token: 'other' }, 'org-a', 'users:1000'],
      [alice, 'org-b', 'users:1000'],
      [alice, 'org-a', 'users:100'],
    ] as const) {
      const { seen, load } = pendingLoad()
      startPrefetch(alice, 'users:1000', load).accept()
      credentialStore.set(signedIn, { remember: false })
      expect(claimPrefetch(orgId, shape)).toBeNull()
      expect(seen.signal?.aborted).toBe(true)
    }
  })

  it('is dropped when the person signs out before the members page claimed it', () => {
    const { seen, load } = pendingLoad()
    startPrefetch(alice, 'users:1000', load).accept()
    credentialStore.set(alice, { remember: false })
    credentialStore.clear()
    expect(seen.signal?.aborted).toBe(true)
    credentialStore.set(alice, { remember: false })
    expect(claimPrefetch('org-a', 'users:1000')).toBeNull()
  })

  it('follows the claiming loader: cancelling the load cancels the request', () => {
    const { seen, load } = pendingLoad()
    startPrefetch(alice, 'users:1000', load).accept()
    credentialStore.set(alice, { remember: false })
    const controller = new AbortController()
    void claimPrefetch('org-a', 'users:1000', controller.signal)
    controller.abort()
    expect(seen.signal?.aborted).toBe(true)
  })
})
