// A write goes with the session that made it, and a body built from a read is built again after
// every wait: the two rules of the transport that "Writes you can trust" rests on.
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiRequest, rateLimitGate, retryPolicy } from './client'
import { credentialStore } from './credentials'
import type { ApiError } from './errors'
import type { Credentials } from './types'

const creds: Credentials = { orgId: 'org123', token: 'pat-one-0123456789', demo: false }
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const defaults = { ...retryPolicy }
beforeEach(() => {
  credentialStore.clear()
  credentialStore.set(creds, { remember: false })
  retryPolicy.random = () => 0
  rateLimitGate.reset()
})
afterEach(() => {
  server.resetHandlers()
  Object.assign(retryPolicy, defaults)
  rateLimitGate.reset()
  vi.useRealTimers()
})

/** A group on the "server" whose members another admin changes while we wait. */
function groupServer(firstAnswer: 'rate-limited' | 'ok') {
  const state = { members: [1, 2] as number[], puts: [] as unknown[] }
  server.use(
    http.get('*/api/groups/g1', () => HttpResponse.json({ data: { members: state.members } })),
    http.put('*/api/groups/g1', async ({ request }) => {
      const body = await request.json()
      state.puts.push(body)
      if (state.puts.length === 1 && firstAnswer === 'rate-limited') {
        // Someone else adds member 3 during the minute we are told to wait.
        state.members = [...state.members, 3]
        return HttpResponse.json(
          { message: 'Too many', code: 'RATE_LIMIT_EXCEEDED' },
          { status: 429, headers: { 'Retry-After': '60' } },
        )
      }
      state.members = (body as { members: number[] }).members
      return HttpResponse.json({ data: { members: state.members } })
    }),
  )
  return state
}

/** The body of "remove member 2", built from a fresh read each time it is asked for. */
const removeTwo = async () => {
  const response = await fetch('http://localhost/api/groups/g1')
  const fresh = (await response.json()) as { data: { members: number[] } }
  return { members: fresh.data.members.filter((id) => id !== 2) }
}

describe('a write whose body is built when it goes', () => {
  it('after a 429 with a long Retry-After, the PUT is rebuilt from a fresh read, keeping what changed meanwhile', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const state = groupServer('rate-limited')
    const done = apiRequest('PUT', '/groups/g1', { body: removeTwo })
    await vi.advanceTimersByTimeAsync(61_000)
    await done
    expect(state.puts).toEqual([{ members: [1] }, { members: [1, 3] }])
    expect(state.members).toEqual([1, 3])
  })

  it('a body built while the gate closed (another request met a 429) is built again after the wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const state = groupServer('ok')
    let builds = 0
    const done = apiRequest('PUT', '/groups/g1', {
      body: async () => {
        builds++
        const body = await removeTwo()
        if (builds === 1) {
          rateLimitGate.close(30)
          state.members = [...state.members, 3]
        }
        return body
      },
    })
    await vi.advanceTimersByTimeAsync(31_000)
    await done
    expect(builds).toBe(2)
    expect(state.puts).toEqual([{ members: [1, 3] }])
  })

  it('a plain body is sent as it was given (a POST is still never repeated)', async () => {
    const seen: unknown[] = []
    server.use(
      http.post('*/api/things', async ({ request }) => {
        seen.push(await request.json())
        return HttpResponse.json({}, { status: 500 })
      }),
    )
    await expect(apiRequest('POST', '/things', { body: { a: 1 } })).rejects.toMatchObject({ status: 500 })
    expect(seen).toEqual([{ a: 1 }])
  })
})

describe('a write belongs to the session that made it', () => {
  it('a PUT waiting out a 429 is not sent once its session has ended', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const state = groupServer('rate-limited')
    const done = apiRequest('PUT', '/groups/g1', { body: removeTwo }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(1_000)
    credentialStore.endSession('signed-out')
    await vi.advanceTimersByTimeAsync(61_000)
    const error = await done
    expect(error).toMatchObject({ kind: 'aborted' })
    expect(state.puts).toHaveLength(1)
  })

  it('nor once another organization has signed in', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] })
    const state = groupServer('rate-limited')
    const done = apiRequest('PUT', '/groups/g1', { body: removeTwo }).catch((e: ApiError) => e)
    await vi.advanceTimersByTimeAsync(1_000)
    credentialStore.set({ orgId: 'other-org', token: 'pat-two-0123456789', demo: false }, { remember: false })
    await vi.advanceTimersByTimeAsync(61_000)
    expect(await done).toMatchObject({ kind: 'aborted' })
    expect(state.puts).toHaveLength(1)
  })

  it('a read is not bound that way (sign-in checks pass their own credentials)', async () => {
    server.use(http.get('*/api/me', () => HttpResponse.json({ data: {} })))
    await expect(apiRequest('GET', '/me', { parse: (j) => j })).resolves.toEqual({ data: {} })
  })
})
