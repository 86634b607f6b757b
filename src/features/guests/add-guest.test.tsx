// "Add guest" on /guests against a scripted Tallyfy (MSW): a member's email is refused on the Email
// field before anything is sent (and Tallyfy's own 422 lands there when the directory could not
// tell), a 429 names the clock time to try again at, and an added guest is in the list at once with
// a notice that links to their page. Only admins see the button.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { parseGuest } from '../../api/guests/schema'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Me } from '../../api/types'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { makeMe, scriptedApiTests } from '../../test/scripted-api-tests'
import { Component as GuestsRoute } from './guests-route'

const orgId = TEST_ORG_ID
const member = makeMember({ id: 1003, fullName: 'Sam Standard', email: 'sam@acme.example' })
const admin = makeMe()
const guests = [parseGuest({ data: { email: 'ana@client.example', first_name: 'Ana', last_name: 'Lima' } })]

type Answer = { status: number; body: unknown; headers?: Record<string, string> }
const server = scriptedApiTests()
afterEach(() => vi.useRealTimers())

/** Every write Roster sent, answered in order (reads the page makes on the side find nothing). */
function tallyfy(...answers: Answer[]) {
  const sent: { method: string; url: string; body: unknown }[] = []
  server.use(
    http.get('*/api/me/organizations', () => HttpResponse.json({ data: [] })),
    http.get('*/api/organizations/:org/users', () => HttpResponse.json({ data: [] })),
    http.all('*/api/*', async ({ request }) => {
      const text = await request.text()
      sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined })
      const answer = answers.shift()
      if (!answer) throw new Error(`unexpected request ${request.method} ${request.url}`)
      return HttpResponse.json(answer.body as JsonBodyType, {
        status: answer.status,
        headers: answer.headers,
      })
    }),
  )
  return sent
}

function renderGuests({ me = admin, directory = true }: { me?: Me; directory?: boolean } = {}) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, me)
  queryClient.setQueryData(guestQueries.list(orgId).queryKey, guests)
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, [])
  if (directory)
    queryClient.setQueryData(memberQueries.directory(orgId).queryKey, completeDirectory([member]))
  renderPage(
    { '/guests': <GuestsRoute />, '/guests/:email': <h1>Guest page</h1> },
    { path: '/guests', queryClient },
  )
  return queryClient
}

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Add guest' }))
  return screen.findByRole('dialog', { name: 'Add guest' })
}

describe('Add guest', () => {
  it("refuses a member's email on the Email field, before sending anything", async () => {
    const user = userEvent.setup()
    const sent = tallyfy()
    renderGuests()
    const dialog = await openForm(user)
    const email = within(dialog).getByLabelText('Email')
    await user.type(email, 'SAM@acme.example')
    await user.click(within(dialog).getByRole('button', { name: 'Add guest' }))

    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription(/belongs to Sam Standard, a member of this organization/)
    expect(email).toHaveFocus()
    expect(sent).toEqual([])
  })

  it("puts Tallyfy's 422 on the Email field in its words when the directory could not tell", async () => {
    const user = userEvent.setup()
    const words = 'The email has already been taken by a member of this organization.'
    const sent = tallyfy({
      status: 422,
      body: { message: 'The given data was invalid.', errors: { email: [words] } },
    })
    renderGuests({ directory: false })
    const dialog = await openForm(user)
    const email = within(dialog).getByLabelText('Email')
    await user.type(email, 'sam@acme.example')
    await user.click(within(dialog).getByRole('button', { name: 'Add guest' }))

    await waitFor(() => expect(email).toHaveAccessibleDescription(words))
    expect(email).toHaveFocus()
    expect(sent.map((s) => s.method)).toEqual(['POST'])
  })

  it('names the clock time to try again at when Tallyfy’s hourly cap answers 429, and sends once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 6, 14, 20, 0))
    const user = userEvent.setup()
    const sent = tallyfy({
      status: 429,
      headers: { 'Retry-After': '600' },
      body: { message: "You've reached the limit for guest invites.", code: 'RATE_LIMIT_EXCEEDED' },
    })
    renderGuests()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Email'), 'new@client.example')
    await user.click(within(dialog).getByRole('button', { name: 'Add guest' }))

    const at = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(
      new Date(2026, 11, 6, 14, 30),
    )
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      `Tallyfy allows 30 new guests an hour, and this organization has reached that. Try again at ${at}.`,
    )
    // The form keeps what was typed, to send again later; nothing was repeated.
    expect(within(dialog).getByLabelText('Email')).toHaveValue('new@client.example')
    expect(sent.map((s) => s.method)).toEqual(['POST'])
  })

  it('puts the new guest in the list at once, with a notice that links to their page', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({
      status: 201,
      body: {
        data: {
          email: 'bea@client.example',
          first_name: 'Bea',
          last_name: 'Moreau',
          details: { company_name: 'Client Co' },
        },
      },
    })
    renderGuests()
    const dialog = await openForm(user)
    await user.type(within(dialog).getByLabelText('Email'), 'bea@client.example')
    await user.type(within(dialog).getByLabelText('First name'), 'Bea')
    await user.type(within(dialog).getByLabelText('Last name'), 'Moreau')
    await user.type(within(dialog).getByLabelText('Company'), 'Client Co')
    await user.dblClick(within(dialog).getByRole('button', { name: 'Add guest' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const table = screen.getByRole('table', { name: /Guests/ })
    expect(within(table).getByRole('link', { name: 'Bea Moreau' })).toBeInTheDocument()
    expect(sent.map((s) => [s.method, s.body])).toEqual([
      [
        'POST',
        { email: 'bea@client.example', first_name: 'Bea', last_name: 'Moreau', company_name: 'Client Co' },
      ],
    ])
    const notices = screen.getByRole('status', { name: 'Notifications' })
    expect(
      await within(notices).findByText('Added guest Bea Moreau (bea@client.example).'),
    ).toBeInTheDocument()
    expect(within(notices).getByRole('link', { name: 'Open Bea Moreau' })).toHaveAttribute(
      'href',
      '/guests/bea%40client.example',
    )
  })

  it('is not offered to someone who is not an administrator', async () => {
    tallyfy()
    renderGuests({ me: { ...admin, role: 'standard', rawRole: 'standard' } })
    await screen.findByRole('table', { name: /Guests/ })
    expect(screen.queryByRole('button', { name: 'Add guest' })).not.toBeInTheDocument()
  })
})
