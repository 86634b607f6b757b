// An admin's controls on a guest's page, against a scripted Tallyfy (MSW): a 403 refusal to disable
// shows in Tallyfy's words and leaves the person signed in; Reset link and Remove guest ask first;
// Remove goes back to /guests with a notice; Convert to member shows a 409 in Tallyfy's words, and
// afterwards opens the new member's page. Nobody but an admin sees any of it.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { parseGuest } from '../../api/guests/schema'
import { meQueries } from '../../api/me'
import type { Me } from '../../api/types'
import { makeGroup } from '../../test/group-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { makeMe, scriptedApiTests } from '../../test/scripted-api-tests'
import { Component as GuestDetailRoute } from './guest-detail-route'

const orgId = TEST_ORG_ID
const EMAIL = 'ravi@nimbus.example'
const INCOMPLETE = 'Cannot disable guest with incomplete tasks'
const SEATS = 'Your organization has no full seats left. Buy more seats or free one first.'
const admin = makeMe()
const wireGuest = (details: Record<string, unknown> = {}) => ({
  data: { email: EMAIL, first_name: 'Ravi', last_name: 'Kapoor', details },
})

type Answer = { status: number; body: unknown }
const server = scriptedApiTests()

/** Every write Roster sent, answered in order. */
function tallyfy(...answers: Answer[]) {
  const sent: { method: string; path: string; body: unknown }[] = []
  server.use(
    http.all('*/api/*', async ({ request }) => {
      const text = await request.text()
      const path = new URL(request.url).pathname.replace(`/api/organizations/${orgId}`, '')
      sent.push({ method: request.method, path, body: text ? JSON.parse(text) : undefined })
      const answer = answers.shift()
      if (!answer) throw new Error(`unexpected request ${request.method} ${request.url}`)
      return HttpResponse.json(answer.body as JsonBodyType, { status: answer.status })
    }),
  )
  return sent
}

function renderGuestPage({ me = admin }: { me?: Me } = {}) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, me)
  queryClient.setQueryData(guestQueries.detail(orgId, EMAIL).queryKey, parseGuest(wireGuest()))
  queryClient.setQueryData(guestQueries.list(orgId).queryKey, [parseGuest(wireGuest())])
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, [
    makeGroup({ id: 'g1', name: 'Vendors', guests: [EMAIL] }),
    makeGroup({ id: 'g2', name: 'Support', guests: ['RAVI@nimbus.example'] }),
  ])
  const page = renderPage(
    {
      '/guests/:email': <GuestDetailRoute />,
      '/guests': <h1>Guests list</h1>,
      '/members/:memberId': <h1>Member page</h1>,
    },
    { path: `/guests/${encodeURIComponent(EMAIL)}`, queryClient },
  )
  return { ...page, queryClient }
}

const notices = () => screen.getByRole('status', { name: 'Notifications' })

describe('Disable guest', () => {
  it("shows a 403 refusal in Tallyfy's words, and the session goes on", async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ status: 403, body: { error: true, message: INCOMPLETE } })
    renderGuestPage()

    const disable = await screen.findByRole('button', { name: 'Disable guest' })
    await user.click(disable)

    expect(await screen.findByRole('alert')).toHaveTextContent(INCOMPLETE)
    expect(credentialStore.get()).not.toBeNull()
    expect(screen.getByRole('heading', { level: 1, name: 'Ravi Kapoor' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Disable guest' })).toBeEnabled()
    expect(sent.map((s) => [s.method, s.path])).toEqual([
      ['DELETE', `/guests/${encodeURIComponent(EMAIL)}/disable`],
    ])
  })

  it('disables at once when Tallyfy agrees, and Undo enables again', async () => {
    const user = userEvent.setup()
    const sent = tallyfy(
      { status: 201, body: wireGuest({ disabled_at: '2026-12-06T10:00:00Z' }) },
      { status: 201, body: wireGuest({ disabled_at: null }) },
    )
    renderGuestPage()

    await user.click(await screen.findByRole('button', { name: 'Disable guest' }))
    expect(await screen.findByRole('button', { name: 'Enable guest' })).toBeInTheDocument()
    await within(notices()).findByText('Disabled Ravi Kapoor: their link no longer opens their tasks.')
    await user.click(within(notices()).getByRole('button', { name: 'Undo' }))

    expect(await screen.findByRole('button', { name: 'Disable guest' })).toBeInTheDocument()
    expect(sent.map((s) => s.method)).toEqual(['DELETE', 'PUT'])
    expect(sent[1]?.path).toMatch(/\/enable$/)
  })
})

describe('Reset link', () => {
  it('asks first, saying the old link stops working; Cancel sends nothing', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ status: 201, body: wireGuest() })
    renderGuestPage()

    await user.click(await screen.findByRole('button', { name: 'Reset link' }))
    let dialog = screen.getByRole('alertdialog', { name: 'Reset Ravi Kapoor’s link?' })
    expect(dialog).toHaveAccessibleDescription(/The old one stops working at once/)
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(sent).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Reset link' }))
    dialog = screen.getByRole('alertdialog', { name: 'Reset Ravi Kapoor’s link?' })
    await user.dblClick(within(dialog).getByRole('button', { name: 'Reset link' }))
    await within(notices()).findByText('Ravi Kapoor has a new link. The old one no longer works.')
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(sent.map((s) => [s.method, s.path])).toEqual([
      ['PUT', `/guests/${encodeURIComponent(EMAIL)}/reset-link`],
    ])
  })
})

describe('Remove guest', () => {
  it('names the groups they leave, then goes back to the guests with a notice', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ status: 200, body: wireGuest() })
    const { queryClient } = renderGuestPage()

    await user.click(await screen.findByRole('button', { name: 'Remove guest' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Remove Ravi Kapoor?' })
    expect(dialog).toHaveAccessibleDescription(/all 2 of their groups: Support and Vendors/)
    await user.click(within(dialog).getByRole('button', { name: 'Remove guest' }))

    expect(await screen.findByRole('heading', { name: 'Guests list' })).toBeInTheDocument()
    await within(notices()).findByText(
      'Removed guest Ravi Kapoor. They are no longer in the organization or any group.',
    )
    expect(queryClient.getQueryData(guestQueries.list(orgId).queryKey)).toEqual([])
    expect(sent.map((s) => [s.method, s.path])).toEqual([['DELETE', `/guests/${encodeURIComponent(EMAIL)}`]])
  })
})

describe('Convert to member', () => {
  it("shows a 409 (no seats) in Tallyfy's words and keeps the dialog; then converts and opens the member", async () => {
    const user = userEvent.setup()
    const sent = tallyfy(
      {
        status: 409,
        body: { error: { code: 'SEAT_POOL_EXHAUSTED', message: SEATS, details: { pool_type: 'full' } } },
      },
      {
        status: 201,
        body: {
          data: {
            id: 2001,
            email: EMAIL,
            first_name: 'Ravi',
            last_name: 'Kapoor',
            role: 'light',
            status: 'invited',
          },
        },
      },
    )
    renderGuestPage()

    await user.click(await screen.findByRole('button', { name: 'Convert to member' }))
    const dialog = await screen.findByRole('dialog', { name: 'Convert Ravi Kapoor to a member?' })
    expect(within(dialog).getByLabelText('First name')).toHaveValue('Ravi')
    expect(within(dialog).getByLabelText('First name')).toHaveFocus()
    expect(within(dialog).getByLabelText('Last name')).toHaveValue('Kapoor')
    await user.click(within(dialog).getByRole('button', { name: 'Convert to member' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(SEATS)

    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Light')
    await user.click(within(dialog).getByRole('button', { name: 'Convert to member' }))
    expect(await screen.findByRole('heading', { name: 'Member page' })).toBeInTheDocument()
    await within(notices()).findByText('Ravi Kapoor is now a member of the organization (invited, Light).')
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      [
        'POST',
        `/guests/${encodeURIComponent(EMAIL)}/to/member`,
        { first_name: 'Ravi', last_name: 'Kapoor', role: 'standard' },
      ],
      [
        'POST',
        `/guests/${encodeURIComponent(EMAIL)}/to/member`,
        { first_name: 'Ravi', last_name: 'Kapoor', role: 'light' },
      ],
    ])
  })
})

it('shows no administration to someone who is not an administrator', async () => {
  tallyfy()
  renderGuestPage({ me: { ...admin, role: 'standard', rawRole: 'standard' } })
  await screen.findByRole('heading', { level: 1, name: 'Ravi Kapoor' })
  await waitFor(() =>
    expect(screen.queryByRole('heading', { name: 'Administration' })).not.toBeInTheDocument(),
  )
  expect(screen.queryByRole('button', { name: 'Disable guest' })).not.toBeInTheDocument()
})
