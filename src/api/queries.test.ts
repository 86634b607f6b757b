import { MutationObserver, QueryClient, QueryObserver } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from './credentials'
import { ApiError } from './errors'
import { groupQueries } from './groups/queries'
import { groupMutations } from './groups/mutations'
import { guestQueries } from './guests/queries'
import { orgKeys } from './keys'
import { meQueries, verifyCredentials } from './me'
import { directoryLoader, memberQueries, startDirectory } from './members/queries'
import { PAGES_IN_FLIGHT } from './paginate'
import { createQueryClient } from './query-client'
import type { MemberDirectory } from './types'

const ORG = 'org1'
const TOKEN = 'stored-token'
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
let queryClient: QueryClient
beforeEach(() => {
  credentialStore.clear()
  credentialStore.lastEndReason()
  credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: false })
  queryClient = createQueryClient()
})
afterEach(() => {
  server.resetHandlers()
  queryClient.clear()
})

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

const wireMember = (id: number) => ({
  id,
  email: `m${id}@example.com`,
  full_name: `Member ${id}`,
  role: 'standard',
  status: 'active',
  groups: { data: [{ id: 'g1', name: 'Ops' }] },
})

/** 250 members, capped at 100 per page; pages after the first wait for `gate`. */
function directoryServer(gate: Promise<void>, total = 250) {
  const urls: URL[] = []
  server.use(
    http.get(`*/api/organizations/${ORG}/users`, async ({ request }) => {
      const url = new URL(request.url)
      urls.push(url)
      const page = Number(url.searchParams.get('page'))
      const perPage = Math.min(Number(url.searchParams.get('per_page')), 100)
      if (page > 1) await gate
      const start = (page - 1) * perPage
      const ids = Array.from(
        { length: Math.max(0, Math.min(perPage, total - start)) },
        (_, i) => start + i + 1,
      )
      return HttpResponse.json({
        data: ids.map(wireMember),
        meta: {
          pagination: {
            total,
            count: ids.length,
            per_page: perPage,
            current_page: page,
            total_pages: Math.ceil(total / perPage),
            links: {},
          },
        },
      })
    }),
  )
  return urls
}

describe('memberQueries.directory', () => {
  it('fills page by page: first page visible with complete false, then everything', async () => {
    const gate = deferred()
    const urls = directoryServer(gate.promise)
    const options = memberQueries.directory(ORG)
    expect(options.queryKey).toEqual(['org', ORG, 'members', 'directory'])

    const done = queryClient.fetchQuery(options)
    await vi.waitFor(() => expect(queryClient.getQueryData(options.queryKey)?.members.length).toBe(100))
    const partial = queryClient.getQueryData(options.queryKey) as MemberDirectory
    expect(partial).toMatchObject({ total: 250, complete: false })
    expect(partial.members[0]).toMatchObject({
      id: 1,
      fullName: 'Member 1',
      groups: [{ id: 'g1', name: 'Ops' }],
    })
    // What a component sees: success with rows, still fetching the rest.
    expect(queryClient.getQueryState(options.queryKey)).toMatchObject({
      status: 'success',
      fetchStatus: 'fetching',
    })

    gate.resolve()
    const full = await done
    expect(full.complete).toBe(true)
    expect(full.total).toBe(250)
    expect(full.members.map((m) => m.id)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1))
    expect(queryClient.getQueryState(options.queryKey)?.fetchStatus).toBe('idle')

    const first = urls[0]
    expect(first && Object.fromEntries(first.searchParams)).toEqual({
      with: 'groups',
      page: '1',
      per_page: '1000',
    })
    expect(urls.slice(1).map((u) => u.searchParams.get('per_page'))).toEqual(['100', '100'])
  })

  it('a background refetch keeps the complete directory until the new one is complete', async () => {
    const gate = deferred()
    gate.resolve()
    directoryServer(gate.promise, 150)
    const options = memberQueries.directory(ORG)
    await queryClient.fetchQuery(options)

    const slow = deferred()
    const urls = directoryServer(slow.promise, 160)
    const refetch = queryClient.refetchQueries({ queryKey: options.queryKey })
    // The new page 1 has been read and page 2 asked for: the old directory is still the one shown.
    await vi.waitFor(() => expect(urls.map((u) => u.searchParams.get('page'))).toContain('2'))
    expect(queryClient.getQueryData(options.queryKey)).toMatchObject({ total: 150, complete: true })
    slow.resolve()
    await refetch
    expect(queryClient.getQueryData(options.queryKey)).toMatchObject({ total: 160, complete: true })
    expect(queryClient.getQueryData(options.queryKey)?.members).toHaveLength(160)
  })

  it('a member listed on two pages appears once', async () => {
    server.use(
      http.get(`*/api/organizations/${ORG}/users`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'))
        const ids = page === 1 ? [1, 2] : [2, 3]
        return HttpResponse.json({
          data: ids.map(wireMember),
          meta: { pagination: { total: 4, per_page: 2, current_page: page, total_pages: 2 } },
        })
      }),
    )
    const directory = await queryClient.fetchQuery(memberQueries.directory(ORG))
    expect(directory.members.map((m) => m.id)).toEqual([1, 2, 3])
    // Tallyfy said 4 and 3 distinct arrived (someone shifted between pages): not whole.
    expect(directory.complete).toBe(false)
  })

  it('belongs to the session: started without any page, it keeps loading when the last observer leaves', async () => {
    const gate = deferred()
    const urls = directoryServer(gate.promise, 1000)
    const options = memberQueries.directory(ORG)
    startDirectory(queryClient, ORG)
    // /members opens while rows arrive, and is left (a member opened) before the load ends.
    const observer = new QueryObserver(queryClient, options)
    const unsubscribe = observer.subscribe(() => {})
    await vi.waitFor(() => expect(queryClient.getQueryData(options.queryKey)?.members.length).toBe(100))
    unsubscribe()
    gate.resolve()
    await vi.waitFor(() => expect(queryClient.getQueryData(options.queryKey)?.complete).toBe(true))
    expect(queryClient.getQueryData(options.queryKey)?.members).toHaveLength(1000)
    expect(urls).toHaveLength(10)
    // Back on /members: nothing starts again.
    const again = new QueryObserver(queryClient, options)
    const off = again.subscribe(() => {})
    expect(again.getCurrentResult().data?.complete).toBe(true)
    off()
    expect(urls).toHaveLength(10)
  })

  it('stops for good when the cache is cleared (sign-out, organization change)', async () => {
    const gate = deferred()
    const urls = directoryServer(gate.promise, 5000)
    startDirectory(queryClient, ORG)
    const loader = await directoryLoader(queryClient, ORG)
    await vi.waitFor(() => expect(urls).toHaveLength(1 + PAGES_IN_FLIGHT))
    queryClient.clear()
    gate.resolve()
    // The loader's run has ended: nothing is left that could ask for another page.
    await vi.waitFor(() => expect(loader.isRunning).toBe(false))
    // Page 1 and the first pages in flight, nothing after the clear.
    expect(urls).toHaveLength(1 + PAGES_IN_FLIGHT)
    expect(queryClient.getQueryData(memberQueries.directory(ORG).queryKey)).toBeUndefined()
  })

  it('caches for minutes: a second read does not refetch', async () => {
    const gate = deferred()
    gate.resolve()
    const urls = directoryServer(gate.promise, 10)
    await queryClient.fetchQuery(memberQueries.directory(ORG))
    await queryClient.fetchQuery(memberQueries.directory(ORG))
    expect(urls).toHaveLength(1)
  })
})

describe('detail and list queries', () => {
  it('member detail asks for groups', async () => {
    const urls: URL[] = []
    server.use(
      http.get(`*/api/organizations/${ORG}/users/:id`, ({ request, params }) => {
        urls.push(new URL(request.url))
        return HttpResponse.json({ data: wireMember(Number(params.id)) })
      }),
    )
    const options = memberQueries.detail(ORG, 42)
    expect(options.queryKey).toEqual(['org', ORG, 'members', 'detail', 42])
    const member = await queryClient.fetchQuery(options)
    expect(member).toMatchObject({ id: 42, groups: [{ id: 'g1', name: 'Ops' }] })
    expect(urls[0]?.searchParams.get('with')).toBe('groups')
  })

  it('groups list gets every page at 100 per page with assets', async () => {
    const urls: URL[] = []
    server.use(
      http.get(`*/api/organizations/${ORG}/groups`, ({ request }) => {
        const url = new URL(request.url)
        urls.push(url)
        const page = Number(url.searchParams.get('page'))
        const ids = page === 1 ? Array.from({ length: 100 }, (_, i) => i + 1) : [101, 102]
        return HttpResponse.json({
          data: ids.map((i) => ({ id: `g${i}`, name: `Group ${i}`, members: [1], guests: [] })),
          meta: { pagination: { total: 102, per_page: 100, current_page: page, total_pages: 2, links: [] } },
        })
      }),
    )
    const options = groupQueries.list(ORG)
    expect(options.queryKey).toEqual(['org', ORG, 'groups', 'list'])
    const groups = await queryClient.fetchQuery(options)
    expect(groups).toHaveLength(102)
    expect(groups.at(-1)).toMatchObject({ id: 'g102', memberIds: ['1'] })
    expect(
      urls.map((u) => [
        u.searchParams.get('page'),
        u.searchParams.get('per_page'),
        u.searchParams.get('with'),
      ]),
    ).toEqual([
      ['1', '100', 'assets'],
      ['2', '100', 'assets'],
    ])
  })

  it('a group that cannot be read is left out and counted apart, by page and field, never by value', async () => {
    server.use(
      http.get(`*/api/organizations/${ORG}/groups`, ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'))
        const data =
          page === 1
            ? [
                { id: 'g1', name: 'Ops', members: [1], guests: [] },
                { id: null, name: 'Secret project', members: [1], guests: [] },
              ]
            : [{ id: 'g3', name: 'Sales', members: [], guests: [] }]
        return HttpResponse.json({
          data,
          meta: { pagination: { total: 3, per_page: 2, current_page: page, total_pages: 2, links: [] } },
        })
      }),
    )
    const groups = await queryClient.fetchQuery(groupQueries.list(ORG))
    expect(groups.map((g) => g.id)).toEqual(['g1', 'g3'])
    const unreadable = queryClient.getQueryData(groupQueries.unreadable(ORG).queryKey)
    expect(unreadable).toEqual([
      { page: 1, index: 1, issues: [expect.objectContaining({ path: 'data[1].id', received: 'null' })] },
    ])
    expect(JSON.stringify(unreadable)).not.toContain('Secret project')
  })

  it('group detail asks for assets; a 404 stays a typed not-found error', async () => {
    const urls: URL[] = []
    server.use(
      http.get(`*/api/organizations/${ORG}/groups/:id`, ({ request, params }) => {
        urls.push(new URL(request.url))
        if (params.id === 'missing') {
          return HttpResponse.json(
            { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' },
            { status: 404 },
          )
        }
        return HttpResponse.json({ data: { id: params.id, name: 'Eng', members: ['1001'] } })
      }),
    )
    const options = groupQueries.detail(ORG, 'abc')
    expect(options.queryKey).toEqual(['org', ORG, 'groups', 'detail', 'abc'])
    expect(await queryClient.fetchQuery(options)).toMatchObject({ id: 'abc', memberIds: ['1001'] })
    expect(urls[0]?.searchParams.get('with')).toBe('assets')
    const error = await queryClient.fetchQuery(groupQueries.detail(ORG, 'missing')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).code).toBe('RESOURCE_NOT_FOUND')
    // retry: false at the Query level: the client already retries what is worth retrying.
    expect(urls).toHaveLength(2)
  })

  it('guests list loads every page, starting at the documented 999 per page', async () => {
    const urls: URL[] = []
    server.use(
      http.get(`*/api/organizations/${ORG}/guests`, ({ request }) => {
        const url = new URL(request.url)
        urls.push(url)
        // A server that caps at 100 says so in meta; the next page follows at that size.
        const page = Number(url.searchParams.get('page'))
        const emails =
          page === 1 ? Array.from({ length: 100 }, (_, i) => `g${i}@x.example`) : ['last@x.example']
        return HttpResponse.json({
          data: emails.map((email) => ({ email })),
          meta: { pagination: { total: 101, per_page: 100, current_page: page, total_pages: 2 } },
        })
      }),
    )
    const options = guestQueries.list(ORG)
    expect(options.queryKey).toEqual(['org', ORG, 'guests', 'list'])
    const guests = await queryClient.fetchQuery(options)
    expect(guests).toHaveLength(101)
    expect(guests.at(-1)?.email).toBe('last@x.example')
    expect(urls.map((u) => [u.searchParams.get('page'), u.searchParams.get('per_page')])).toEqual([
      ['1', '999'],
      ['2', '100'],
    ])
  })

  it('a guest that cannot be read is left out and counted apart, by page and field, never by value', async () => {
    server.use(
      http.get(`*/api/organizations/${ORG}/guests`, () =>
        HttpResponse.json({
          data: [{ email: 'a@x.example' }, { first_name: 'Secret', email: null }, { email: 'b@x.example' }],
          meta: { pagination: { total: 3, per_page: 999, current_page: 1, total_pages: 1 } },
        }),
      ),
    )
    const guests = await queryClient.fetchQuery(guestQueries.list(ORG))
    expect(guests.map((g) => g.email)).toEqual(['a@x.example', 'b@x.example'])
    const unreadable = queryClient.getQueryData(guestQueries.unreadable(ORG).queryKey)
    expect(unreadable).toEqual([
      { page: 1, index: 1, issues: [expect.objectContaining({ path: 'data[1].email', received: 'null' })] },
    ])
    expect(JSON.stringify(unreadable)).not.toContain('Secret')
  })

  it('guest detail accepts 201 for a GET, encodes the email, and a 404 stays not-found', async () => {
    const paths: string[] = []
    server.use(
      http.get(`*/api/organizations/${ORG}/guests/:email`, ({ request, params }) => {
        paths.push(new URL(request.url).pathname)
        if (params.email === 'gone@x.example') {
          return HttpResponse.json({ error: true, message: 'Not found' }, { status: 404 })
        }
        return HttpResponse.json({ data: { email: params.email, first_name: 'Pat' } }, { status: 201 })
      }),
    )
    const options = guestQueries.detail(ORG, 'Pat+1@X.example')
    expect(options.queryKey).toEqual(['org', ORG, 'guests', 'detail', 'pat+1@x.example'])
    expect(await queryClient.fetchQuery(options)).toMatchObject({ email: 'Pat+1@X.example', name: 'Pat' })
    expect(paths[0]).toBe(`/api/organizations/${ORG}/guests/Pat%2B1%40X.example`)
    const error = await queryClient
      .fetchQuery(guestQueries.detail(ORG, 'gone@x.example'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(404)
  })

  it('me and organizations', async () => {
    server.use(
      http.get('*/api/me', () =>
        HttpResponse.json({ data: { id: 7, email: 'me@example.com', first_name: 'Me' } }),
      ),
      http.get('*/api/me/organizations', () =>
        HttpResponse.json({ data: [{ id: ORG, name: 'Acme Ltd' }], meta: { pagination: { total: 1 } } }),
      ),
    )
    expect(meQueries.current(ORG).queryKey).toEqual(['org', ORG, 'me'])
    expect(await queryClient.fetchQuery(meQueries.current(ORG))).toEqual({
      id: 7,
      email: 'me@example.com',
      fullName: 'Me',
      role: 'unknown',
      rawRole: null,
      pictureUrl: null,
    })
    expect(await queryClient.fetchQuery(meQueries.organizations(ORG))).toEqual([
      { id: ORG, name: 'Acme Ltd' },
    ])
  })

  it('no query key holds the token', () => {
    const keys = [
      memberQueries.directory(ORG).queryKey,
      memberQueries.detail(ORG, 1).queryKey,
      groupQueries.list(ORG).queryKey,
      groupQueries.detail(ORG, 'g').queryKey,
      meQueries.current(ORG).queryKey,
      meQueries.organizations(ORG).queryKey,
    ]
    for (const key of keys) {
      expect(key.slice(0, 2)).toEqual(['org', ORG])
      expect(JSON.stringify(key)).not.toContain(TOKEN)
    }
  })
})

const unauthenticated = () => HttpResponse.json({ message: 'Unauthenticated.' }, { status: 401 })

describe('verifyCredentials', () => {
  const candidate = { orgId: 'org2', token: 'candidate-token', demo: false }

  it('checks /me and then one member of the organization, with the given token', async () => {
    const seen: Array<{ path: string; auth: string | null; perPage: string | null }> = []
    server.use(
      http.get('*/api/me', ({ request }) => {
        seen.push({ path: '/me', auth: request.headers.get('authorization'), perPage: null })
        return HttpResponse.json({ data: { id: 9, full_name: 'Candidate' } })
      }),
      http.get('*/api/organizations/org2/users', ({ request }) => {
        const url = new URL(request.url)
        seen.push({
          path: url.pathname,
          auth: request.headers.get('authorization'),
          perPage: url.searchParams.get('per_page'),
        })
        return HttpResponse.json({ data: [wireMember(1)], meta: { pagination: { total: 40, per_page: 1 } } })
      }),
    )
    await expect(verifyCredentials(candidate)).resolves.toMatchObject({ id: 9, fullName: 'Candidate' })
    expect(seen).toEqual([
      { path: '/me', auth: 'Bearer candidate-token', perPage: null },
      { path: '/api/organizations/org2/users', auth: 'Bearer candidate-token', perPage: '1' },
    ])
  })

  it('a wrong token is a 401 that leaves the stored session alone', async () => {
    // Both checks go at once; a wrong token is refused by both.
    server.use(
      http.get('*/api/me', unauthenticated),
      http.get('*/api/organizations/org2/users', unauthenticated),
    )
    const error = await verifyCredentials(candidate).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(401)
    expect(credentialStore.get()?.token).toBe(TOKEN)
    expect(credentialStore.lastEndReason()).toBeNull()
  })

  it('a token without access to the organization fails on the second call', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json({ data: { id: 9 } })),
      http.get('*/api/organizations/org2/users', () =>
        HttpResponse.json(
          { message: "You don't have application's permissions for this organization!" },
          { status: 403 },
        ),
      ),
    )
    const error = await verifyCredentials(candidate).catch((e: unknown) => e)
    expect((error as ApiError).status).toBe(403)
  })
})

describe('a 401 on a stored-session query', () => {
  it('ends the session as expired', async () => {
    server.use(
      http.get('*/api/me', () => HttpResponse.json({ message: 'Unauthenticated.' }, { status: 401 })),
    )
    await queryClient.fetchQuery(meQueries.current(ORG)).catch(() => {})
    expect(credentialStore.get()).toBeNull()
    expect(credentialStore.lastEndReason()).toBe('expired')
  })
})

const GROUP = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'
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
