import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../credentials'
import { inAskingSession } from './session'

afterEach(() => credentialStore.clear())

const signIn = (orgId: string) =>
  credentialStore.set({ orgId, token: `token-${orgId}-0123456789`, demo: false }, { remember: false })

describe('a write queued behind another', () => {
  it('is not sent when its turn comes after the session that asked for it ended', async () => {
    signIn('org1')
    const qc = new QueryClient()
    const sent: string[] = []
    const gate = { release: null as (() => void) | null }
    const first = new MutationObserver(qc, {
      scope: { id: 'record' },
      mutationFn: inAskingSession(
        () => new Promise<void>((resolve) => (gate.release = () => (sent.push('first'), resolve()))),
      ),
    }).mutate(undefined)
    // The first is being sent; the second waits its turn in the record's queue.
    await vi.waitFor(() => expect(gate.release).not.toBeNull())
    const second = new MutationObserver(qc, {
      scope: { id: 'record' },
      mutationFn: inAskingSession(async () => void sent.push('second')),
    })
      .mutate(undefined)
      .catch((e: unknown) => e)
    signIn('org2')
    gate.release?.()
    await first
    expect(await second).toMatchObject({ kind: 'aborted' })
    expect(sent).toEqual(['first'])
  })

  it('goes when the session is still the one that asked', async () => {
    signIn('org1')
    const send = inAskingSession(async (n: number) => n * 2)
    await expect(new MutationObserver(new QueryClient(), { mutationFn: send }).mutate(21)).resolves.toBe(42)
  })
})
