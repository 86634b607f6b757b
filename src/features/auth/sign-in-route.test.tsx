import { QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { StrictMode } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { ApiError } from '../../api/errors'
import { verifyCredentials } from '../../api/me'
import { createQueryClient } from '../../api/query-client'
import type { Me } from '../../api/types'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { createLocationSpy } from '../../test/location-spy'
import * as signInRoute from './sign-in-route'

vi.mock('../../api/me', () => ({ verifyCredentials: vi.fn<typeof verifyCredentials>() }))
const demo = vi.hoisted(() => ({ start: async (): Promise<void> => {} }))
vi.mock('./load-demo', async () => {
  const { DEMO_ORG_ID: orgId, DEMO_TOKEN: token } = await import('../../demo/credentials')
  return {
    loadDemo: async () => ({
      startDemo: () => demo.start(),
      stopDemo: async () => {},
      demoCredentials: { orgId, token, demo: true },
    }),
  }
})

const verify = vi.mocked(verifyCredentials)
const ORG = '0123456789abcdef0123456789abcdef'
const TOKEN = 'secret-token-value-123'
const me: Me = {
  id: 1,
  email: 'ada@example.com',
  fullName: 'Ada Lovelace',
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

function renderSignIn(initialEntry = '/sign-in', { strict = false } = {}) {
  const router = createLocationSpy()
  const tree = (
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter initialEntries={[initialEntry]}>
        <router.LocationSpy />
        <Routes>
          <Route path="/sign-in" element={<signInRoute.Component />} />
          <Route path="/members" element={<h1>Members page</h1>} />
          <Route path="/groups/:groupId" element={<h1>Group page</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>
  )
  // main.tsx renders the app in StrictMode, which runs renders and state initializers twice.
  render(strict ? <StrictMode>{tree}</StrictMode> : tree)
  return router
}

async function fillAndSubmit(orgId: string, token: string, remember = false) {
  const user = userEvent.setup()
  await user.type(await screen.findByLabelText('Organization ID'), orgId)
  await user.type(screen.getByLabelText('Access token'), token)
  if (remember) await user.click(screen.getByRole('checkbox', { name: 'Remember me on this device' }))
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

beforeEach(() => {
  credentialStore.clear()
  credentialStore.lastEndReason()
  verify.mockReset()
})

afterEach(() => {
  credentialStore.clear()
  demo.start = async () => {}
})

describe('sign-in page', () => {
  it('has a heading, labelled fields, a hidden token with a show toggle, and the demo entry', async () => {
    renderSignIn()
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Roster' })).toBeInTheDocument()
    const token = screen.getByLabelText('Access token')
    expect(token).toHaveAttribute('type', 'password')
    expect(token).toHaveAttribute('autocomplete', 'off')
    const toggle = screen.getByRole('button', { name: 'Show token' })
    expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await userEvent.click(toggle)
    expect(token).toHaveAttribute('type', 'text')
    expect(toggle).toHaveAttribute('aria-pressed', 'true')
    expect(screen.getByRole('checkbox', { name: 'Remember me on this device' })).not.toBeChecked()
    expect(screen.getByRole('button', { name: 'Explore the demo organization' })).toBeInTheDocument()
    expect(
      screen.getByText('No Tallyfy account needed. Sample data, nothing leaves your browser.'),
    ).toBeInTheDocument()
  })

  it('asks for both fields before calling Tallyfy', async () => {
    renderSignIn()
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByText('Enter your organization ID.')).toBeInTheDocument()
    expect(screen.getByText('Enter your access token.')).toBeInTheDocument()
    expect(screen.getByLabelText('Organization ID')).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByLabelText('Organization ID')).toHaveFocus()
    expect(verify).not.toHaveBeenCalled()
  })

  it('warns about an odd organization ID but still tries it, with trimmed values', async () => {
    verify.mockRejectedValue(new ApiError({ kind: 'network', message: 'fetch failed' }))
    renderSignIn()
    await fillAndSubmit('  my-org  ', `  ${TOKEN}  `)
    expect(await screen.findByText(/doesn't look like a Tallyfy organization ID/)).toBeInTheDocument()
    expect(verify).toHaveBeenCalledWith(
      { orgId: 'my-org', token: TOKEN, demo: false },
      expect.any(AbortSignal),
    )
  })

  it('says "Signing in…" and disables the button while checking', async () => {
    const pending: { finish?: (value: Me) => void } = {}
    verify.mockReturnValue(new Promise<Me>((resolve) => (pending.finish = resolve)))
    renderSignIn()
    await fillAndSubmit(ORG, TOKEN)
    expect(screen.getByRole('button', { name: 'Signing in…' })).toBeDisabled()
    pending.finish?.(me)
    expect(await screen.findByRole('heading', { name: 'Members page' })).toBeInTheDocument()
  })

  it.each([
    [401, /didn't accept this access token/, 'Access token'],
    [403, /no access to that organization/, 'Organization ID'],
    [404, /couldn't find an organization with that ID/, 'Organization ID'],
  ])('explains HTTP %i, keeps the values and focuses the field to fix', async (status, message, field) => {
    verify.mockRejectedValue(new ApiError({ kind: 'http', status, message: `HTTP ${status}` }))
    renderSignIn()
    await fillAndSubmit(ORG, TOKEN)
    expect((await screen.findByText(message)).closest('[role="alert"]')).not.toBeNull()
    expect(screen.getByLabelText(field)).toHaveFocus()
    expect(screen.getByLabelText('Organization ID')).toHaveValue(ORG)
    expect(screen.getByLabelText('Access token')).toHaveValue(TOKEN)
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled()
    expect(credentialStore.get()).toBeNull()
    expect(document.body.textContent).not.toContain(TOKEN)
  })

  it('explains an unreachable Tallyfy and a rate limit with its wait', async () => {
    verify.mockRejectedValueOnce(new ApiError({ kind: 'network', message: 'fetch failed' }))
    renderSignIn()
    const user = await fillAndSubmit(ORG, TOKEN)
    expect(await screen.findByText(/couldn't reach Tallyfy/)).toBeInTheDocument()

    verify.mockRejectedValueOnce(
      new ApiError({ kind: 'http', status: 429, retryAfter: 12, message: 'HTTP 429' }),
    )
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText(/too many requests\. Wait 12 s/)).toBeInTheDocument()
  })

  it('never echoes the token, even when the server repeats it', async () => {
    verify.mockRejectedValue(
      new ApiError({ kind: 'http', status: 400, serverMessage: `Bad token ${TOKEN}`, message: 'HTTP 400' }),
    )
    renderSignIn()
    await fillAndSubmit(ORG, TOKEN)
    expect(await screen.findByText(/Bad token/)).toBeInTheDocument()
    expect(document.body.textContent).not.toContain(TOKEN)
  })

  it('keeps the session in sessionStorage only, without Remember me', async () => {
    verify.mockResolvedValue(me)
    renderSignIn()
    await fillAndSubmit(ORG, TOKEN)
    await screen.findByRole('heading', { name: 'Members page' })
    expect(sessionStorage.getItem('roster.credentials')).toContain(ORG)
    expect(localStorage.getItem('roster.credentials')).toBeNull()
  })

  it('remembers the session in localStorage with Remember me', async () => {
    verify.mockResolvedValue(me)
    renderSignIn()
    await fillAndSubmit(ORG, TOKEN, true)
    await screen.findByRole('heading', { name: 'Members page' })
    expect(localStorage.getItem('roster.credentials')).toContain(ORG)
  })

  it('returns to a same-site returnTo after signing in', async () => {
    verify.mockResolvedValue(me)
    const router = renderSignIn(`/sign-in?returnTo=${encodeURIComponent('/groups/abc?q=x')}`)
    await fillAndSubmit(ORG, TOKEN)
    expect(await screen.findByRole('heading', { name: 'Group page' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/groups/abc')
    expect(router.location.search).toBe('?q=x')
  })

  it('ignores a returnTo that would leave the site', async () => {
    verify.mockResolvedValue(me)
    const router = renderSignIn(`/sign-in?returnTo=${encodeURIComponent('//evil.example/x')}`)
    await fillAndSubmit(ORG, TOKEN)
    await screen.findByRole('heading', { name: 'Members page' })
    expect(router.location.pathname).toBe('/members')
  })

  // The query as it arrives in the address bar (lib/return-to.test.ts tries many more).
  it.each([
    ['/%09/evil.example', '/%09/evil.example'],
    ['a tab, encoded', encodeURIComponent('/\t/evil.example')],
    ['a backslash', '%2F%5Cevil.example'],
    ['slashes, encoded twice', '%2F%252F%252Fevil.example'],
    ['a backslash, encoded twice', '%2F%255Cevil.example'],
    ['an absolute URL', 'https%3A%2F%2Fevil.example'],
    ['javascript:', 'javascript%3Aalert(1)'],
    ['a very long value', `%2Fmembers%3Fq%3D${'a'.repeat(3000)}`],
  ])('after sign-in, returnTo of %s goes to /members', async (_label, query) => {
    verify.mockResolvedValue(me)
    const router = renderSignIn(`/sign-in?returnTo=${query}`)
    await fillAndSubmit(ORG, TOKEN)
    await screen.findByRole('heading', { name: 'Members page' })
    expect(router.location.pathname).toBe('/members')
    expect(router.location.search).toBe('')
  })

  it('says the session has ended after a 401 ended it', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: false })
    credentialStore.endSession('expired')
    renderSignIn()
    expect(await screen.findByText('Your Tallyfy session has ended, sign in again.')).toBeInTheDocument()
  })

  it('says so in StrictMode too, where the page renders twice', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: false })
    credentialStore.endSession('expired')
    renderSignIn('/sign-in', { strict: true })
    expect(await screen.findByText('Your Tallyfy session has ended, sign in again.')).toBeInTheDocument()
  })

  it('says "You signed out." after signing out, and nothing on a later visit', async () => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: false })
    credentialStore.endSession('signed-out')
    renderSignIn()
    expect(await screen.findByText('You signed out.')).toBeInTheDocument()
    cleanup()
    renderSignIn()
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Roster' })
    expect(screen.queryByText('You signed out.')).toBeNull()
  })

  it.each([
    ['idle', 'You were signed out after 60 minutes without activity. Sign in again to carry on.'],
    [
      'lifetime',
      'Roster remembers a sign-in on a device for 30 days, and this one’s time was up. Sign in again to carry on.',
    ],
  ] as const)('says why a session ended at its limit (%s)', async (limit, words) => {
    credentialStore.set({ orgId: ORG, token: TOKEN, demo: false }, { remember: limit === 'lifetime' })
    credentialStore.endSession(limit)
    renderSignIn()
    expect(await screen.findByText(words)).toBeInTheDocument()
    expect(screen.queryByText('Your Tallyfy session has ended, sign in again.')).toBeNull()
  })

  it('opens the demo organization without a Tallyfy account', async () => {
    renderSignIn()
    await userEvent.click(await screen.findByRole('button', { name: 'Explore the demo organization' }))
    expect(await screen.findByRole('heading', { name: 'Members page' })).toBeInTheDocument()
    expect(credentialStore.get()).toEqual({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true })
    expect(localStorage.getItem('roster.credentials')).toBeNull()
  })

  it('keeps the real sign-in disabled while the demo starts, and enables it if the demo fails', async () => {
    let fail: ((error: Error) => void) | undefined
    demo.start = () => new Promise<void>((_, reject) => (fail = reject))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    renderSignIn()
    await userEvent.type(screen.getByLabelText('Organization ID'), ORG)
    await userEvent.type(screen.getByLabelText('Access token'), TOKEN)
    await userEvent.click(screen.getByRole('button', { name: 'Explore the demo organization' }))
    const submit = screen.getByRole('button', { name: 'Sign in' })
    await waitFor(() => expect(submit).toBeDisabled())
    await userEvent.click(submit)
    expect(verify).not.toHaveBeenCalled()

    fail?.(new Error('no service workers'))
    await waitFor(() => expect(submit).toBeEnabled())
  })

  it('keeps the demo disabled while a real sign-in is checked, and enables it when the check fails', async () => {
    let refuse: ((error: Error) => void) | undefined
    verify.mockImplementation(() => new Promise((_, reject) => (refuse = reject)))
    const started = vi.fn<() => Promise<void>>(async () => {})
    demo.start = started
    renderSignIn()
    await userEvent.type(screen.getByLabelText('Organization ID'), ORG)
    await userEvent.type(screen.getByLabelText('Access token'), TOKEN)
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))
    const demoButton = screen.getByRole('button', { name: 'Explore the demo organization' })
    await waitFor(() => expect(demoButton).toBeDisabled())
    await userEvent.click(demoButton)
    expect(started).not.toHaveBeenCalled()

    refuse?.(new ApiError({ kind: 'network', message: 'offline' }))
    await waitFor(() => expect(demoButton).toBeEnabled())
  })
})

describe('field errors', () => {
  it('clear as soon as the field is filled', async () => {
    renderSignIn()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Sign in' }))
    expect(screen.getByText('Enter your organization ID.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Organization ID'), 'x')
    expect(screen.queryByText('Enter your organization ID.')).toBeNull()
    expect(screen.getByText('Enter your access token.')).toBeInTheDocument()
  })
})
