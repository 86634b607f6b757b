import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { retryPolicy } from '../../api/client'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Me, Member, MemberDirectory } from '../../api/types'
import { Component as MemberDetailRoute, parseMemberId } from './member-detail-route'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'

const orgId = TEST_ORG_ID
const zoe = makeMember({
  id: 1001,
  fullName: 'Zoë Ångström',
  email: 'zoe.angstrom@example.com',
  role: 'admin',
  jobTitle: 'Chief of Staff',
  phone: '+44 20 7946 0958',
  timezone: 'Europe/Stockholm',
  createdAt: '2024-03-01T10:00:00Z',
  lastLoginAt: '2026-01-02T10:00:00Z',
  groups: [{ id: 'g1', name: 'Leadership' }],
})

const viewer: Me = {
  id: 7,
  email: 'viewer@example.com',
  fullName: 'Vi Ewer',
  role: 'standard',
  rawRole: 'standard',
  pictureUrl: null,
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

function renderMember(
  path: string,
  { directory, detail, state }: { directory?: MemberDirectory; detail?: Member; state?: unknown } = {},
) {
  const queryClient = createTestQueryClient()
  // Signed in as someone who is not an administrator, as the layout would know.
  queryClient.setQueryData(meQueries.current(orgId).queryKey, viewer)
  if (directory) queryClient.setQueryData(memberQueries.directory(orgId).queryKey, directory)
  if (detail) queryClient.setQueryData(memberQueries.detail(orgId, detail.id).queryKey, detail)
  const { router } = renderPage(
    { '/members': <h1>All members</h1>, '/members/:memberId': <MemberDetailRoute /> },
    { path, state, queryClient },
  )
  return { router }
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

const profilePath = `*/api/organizations/${orgId}/users/:memberId`
const directoryPath = `*/api/organizations/${orgId}/users`

/** Tallyfy's answer to GET /users/:id, the member's profile. */
function answer(status: number, body: JsonBodyType) {
  server.use(http.get(profilePath, () => HttpResponse.json(body, { status })))
}

beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
  Object.assign(retryPolicy, defaultRetryPolicy)
})
const defaultRetryPolicy = { ...retryPolicy }

describe('helpers', () => {
  it('accepts only positive integer IDs', () => {
    expect(parseMemberId('1001')).toBe(1001)
    for (const bad of ['0', '-4', 'abc', '1e3', '12.5', '', undefined, '99999999999999999999']) {
      expect(parseMemberId(bad)).toBeNull()
    }
  })
})

describe('member page', () => {
  it('shows the profile fields, with mailto and tel links and groups', () => {
    renderMember('/members/1001', { detail: zoe, state: { backTo: '/members?q=zoe' } })
    expect(screen.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'zoe.angstrom@example.com' })).toHaveAttribute(
      'href',
      'mailto:zoe.angstrom@example.com',
    )
    expect(screen.getByRole('link', { name: '+44 20 7946 0958' })).toHaveAttribute(
      'href',
      'tel:+442079460958',
    )
    expect(screen.getByText('Europe/Stockholm')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Leadership' })).toHaveAttribute('href', '/groups/g1')
    expect(screen.getByRole('link', { name: /Back to members/ })).toHaveAttribute('href', '/members?q=zoe')
  })

  it('shows the directory data at once while the profile loads', async () => {
    const profile = deferred()
    let asked = false
    server.use(
      http.get(profilePath, async () => {
        asked = true
        await profile.promise
        return HttpResponse.json({ data: { id: 1001, email: zoe.email, full_name: zoe.fullName } })
      }),
    )
    renderMember('/members/1001', { directory: completeDirectory([zoe]) })
    expect(screen.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeInTheDocument()
    // The profile was asked for and is still unanswered.
    await vi.waitFor(() => expect(asked).toBe(true))
    expect(screen.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeInTheDocument()
    profile.resolve()
  })

  it('falls back to the directory with a note when the profile is admin-only (403)', async () => {
    answer(403, { error: 'Forbidden', message: 'Admins only' })
    renderMember('/members/1001', { directory: completeDirectory([zoe]) })
    expect(
      await screen.findByText(/Only Tallyfy administrators can see full member profiles/),
    ).toBeInTheDocument()
    expect(screen.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeInTheDocument()
  })

  it('as a non-admin (403), says "Member not found" only when the complete directory lacks them', async () => {
    answer(403, { error: 'Forbidden', message: 'Admins only' })
    renderMember('/members/4242', { directory: completeDirectory([zoe]) })
    expect(await screen.findByRole('heading', { level: 1, name: 'Member not found' })).toBeInTheDocument()
  })

  it('as a non-admin (403) with a directory that stopped short: no "not found", but how much loaded and Retry', async () => {
    answer(403, { error: 'Forbidden', message: 'Admins only' })
    renderMember('/members/4242', {
      directory: { members: [zoe], total: 500, complete: false, loading: false },
    })
    expect(
      await screen.findByRole('heading', { level: 1, name: "Couldn't find this member yet" }),
    ).toBeInTheDocument()
    expect(screen.getByText(/Only 1 of 500 members could be loaded/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Member not found' })).not.toBeInTheDocument()
  })

  it('as a non-admin (403) whose directory failed: the error with Retry, not "not found"', async () => {
    // The client's own retries of a 503 are not what this is about (client.test.ts covers them).
    retryPolicy.transientRetries = 0
    answer(403, { message: 'Admins only' })
    server.use(http.get(directoryPath, () => HttpResponse.json({ message: 'Server error' }, { status: 503 })))
    renderMember('/members/4242')
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Member not found' })).not.toBeInTheDocument()
  })

  it('says "Member not found" for an unknown ID (404) and for a malformed one', async () => {
    answer(404, { error: 'Not found' })
    renderMember('/members/5')
    expect(await screen.findByRole('heading', { level: 1, name: 'Member not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to members' })).toHaveAttribute('href', '/members')
  })

  it('says "Member not found" for an ID that is not a number', () => {
    renderMember('/members/abc')
    expect(screen.getByRole('heading', { level: 1, name: 'Member not found' })).toBeInTheDocument()
  })

  it('offers a retry for other errors', async () => {
    answer(500, { error: 'Server error' })
    renderMember('/members/1001')
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeInTheDocument()
  })

  it('keeps showing the directory row when the profile read fails, says so, and Retry fills it in', async () => {
    retryPolicy.transientRetries = 0
    let fail = true
    server.use(
      http.get(profilePath, () =>
        fail
          ? HttpResponse.json({ message: 'Server error' }, { status: 500 })
          : HttpResponse.json({
              data: { id: 1001, email: zoe.email, full_name: zoe.fullName, job_title: 'Head of People' },
            }),
      ),
    )
    renderMember('/members/1001', { directory: completeDirectory([zoe]) })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/Couldn't load the full profile/)
    expect(alert).toHaveTextContent(/Showing what the directory knows/)
    // The member is still there, not an error page in their place.
    expect(screen.getByRole('heading', { level: 1, name: 'Zoë Ångström' })).toBeInTheDocument()
    expect(screen.getAllByText('Chief of Staff').length).toBeGreaterThan(0)

    fail = false
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect((await screen.findAllByText('Head of People')).length).toBeGreaterThan(0)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
