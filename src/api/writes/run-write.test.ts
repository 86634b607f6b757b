import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it, vi } from 'vitest'
import { runWrite } from './run-write'

function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const scope = { id: 'org:o1:member:7' }

describe('runWrite', () => {
  it('writes to one record (one scope) go one after another, in order; useIsMutating sees them', async () => {
    const qc = new QueryClient()
    const first = deferred<string>()
    const started: string[] = []
    const write = (name: string, answer: Promise<string>) =>
      runWrite(
        qc,
        {
          mutationKey: ['org', 'o1', 'members', 'role', 7],
          scope,
          mutationFn: (variables: string) => {
            started.push(variables)
            return answer
          },
        },
        name,
      )
    const a = write('a', first.promise)
    const b = write('b', Promise.resolve('B'))
    await vi.waitFor(() => expect(started).toEqual(['a']))
    expect(qc.isMutating({ mutationKey: ['org', 'o1', 'members'] })).toBe(2)
    first.resolve('A')
    await expect(a).resolves.toBe('A')
    await expect(b).resolves.toBe('B')
    expect(started).toEqual(['a', 'b'])
    expect(qc.isMutating()).toBe(0)
  })

  it('rejects as the mutation does, and runs its callbacks', async () => {
    const qc = new QueryClient()
    const onError = vi.fn<() => void>()
    const refused = new Error('refused')
    await expect(
      runWrite(qc, { mutationFn: () => Promise.reject(refused), onError }, undefined),
    ).rejects.toBe(refused)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('lets go of a settled write, so the cache drops it after its gcTime', async () => {
    const qc = new QueryClient({ defaultOptions: { mutations: { gcTime: 1 } } })
    await runWrite(qc, { mutationFn: async () => 'done' }, undefined)
    await vi.waitFor(() => expect(qc.getMutationCache().getAll()).toHaveLength(0))
  })
})
