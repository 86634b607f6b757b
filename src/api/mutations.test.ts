import { MutationObserver, QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { groupMutations, groupQueries } from './groups'
import { orgKeys } from './keys'
import { meQueries } from './me'
import { memberQueries } from './members'
import { createQueryClient } from './query-client'

const ORG = 'org1'
const GROUP = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
let queryClient: QueryClient
beforeEach(() => {
  credentialStore.clear()
  credentialStore.set({ orgId: ORG, token: 'stored-token', demo: false }, { remember: false })
  queryClient = createQueryClient()
})
afterEach(() => {
  server.resetHandlers()
  queryClient.clear()
})

/** Runs mutation options the way useMutation does, without a component. */
function run(options: ReturnType<typeof groupMutations.remove>) {
  return new MutationObserver(queryClient, options).mutate()
}

describe('orgKeys', () => {
  it('is the root of every query key, which keep their values', () => {
    expect(orgKeys(ORG)).toEqual(['org', ORG])
    expect(memberQueries.all(ORG)).toEqual(['org', ORG, 'members'])
    expect(memberQueries.directory(ORG).queryKey).toEqual(['org', ORG, 'members', 'directory'])
    expect(memberQueries.detail(ORG, 7).queryKey).toEqual(['org', ORG, 'members', 'detail', 7])
    expect(groupQueries.all(ORG)).toEqual(['org', ORG, 'groups'])
    expect(groupQueries.list(ORG).queryKey).toEqual(['org', ORG, 'groups', 'list'])
    expect(groupQueries.detail(ORG, 'g').queryKey).toEqual(['org', ORG, 'groups', 'detail', 'g'])
    expect(meQueries.current(ORG).queryKey).toEqual(['org', ORG, 'me'])
    expect(meQueries.organizations(ORG).queryKey).toEqual(['org', ORG, 'me', 'organizations'])
  })
})

describe('groupMutations.remove', () => {
  const deletes: string[] = []
  const serve = (response: () => Response) => {
    deletes.length = 0
    server.use(
      http.delete(`*/api/organizations/${ORG}/groups/:groupId`, ({ params }) => {
        deletes.push(String(params.groupId))
        return response()
      }),
    )
  }

  it('is keyed under the org and the group, so useIsMutating can find a change in flight', () => {
    expect(groupMutations.remove(ORG, GROUP).mutationKey).toEqual(['org', ORG, 'groups', 'remove', GROUP])
  })

  it('sends DELETE /organizations/{org}/groups/{id} and accepts 204', async () => {
    serve(() => new HttpResponse(null, { status: 204 }))
    await expect(run(groupMutations.remove(ORG, GROUP))).resolves.toBeUndefined()
    expect(deletes).toEqual([GROUP])
  })

  it('accepts 200 with the deleted group in the body', async () => {
    serve(() => HttpResponse.json({ data: { id: GROUP, name: 'Gone' } }))
    await expect(run(groupMutations.remove(ORG, GROUP))).resolves.toBeUndefined()
    expect(deletes).toEqual([GROUP])
  })

  it('counts as mutating for its group while the request is in flight', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.delete(`*/api/organizations/${ORG}/groups/${GROUP}`, async () => {
        await gate
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const pending = run(groupMutations.remove(ORG, GROUP))
    expect(queryClient.isMutating({ mutationKey: [...orgKeys(ORG), 'groups'] })).toBe(1)
    expect(queryClient.isMutating({ mutationKey: groupMutations.remove(ORG, 'other').mutationKey })).toBe(0)
    release()
    await pending
    expect(queryClient.isMutating()).toBe(0)
  })

  it('a refusal is a typed ApiError with Tallyfy’s message, and is not repeated', async () => {
    serve(() => HttpResponse.json({ error: true, message: 'You cannot delete this group.' }, { status: 403 }))
    const error = await run(groupMutations.remove(ORG, GROUP)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 403, serverMessage: 'You cannot delete this group.' })
    expect(deletes).toHaveLength(1)
  })
})
