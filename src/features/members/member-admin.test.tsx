// The admin controls on a member's page, against a scripted Tallyfy (MSW): the Role select must show the
// member's actual role after every write settles (a refusal that rolls back, an Undo), and changing
// your own role away from Administrator asks first.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Me, Member } from '../../api/types'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { Component as MemberDetailRoute } from './member-detail-route'

const orgId = TEST_ORG_ID
const DEFAULT_ADMIN_REFUSAL =
  'Cannot modify the default administrator. Please assign another member as default administrator first.'

const myself = makeMember({ id: 1001, fullName: 'Ada Admin', role: 'admin', rawRole: 'admin' })
const defaultAdmin = makeMember({ id: 1002, fullName: 'Dana Default', role: 'admin', rawRole: 'admin' })
const colleague = makeMember({ id: 1003, fullName: 'Sam Standard' })
const me: Me = {
  id: myself.id,
  email: myself.email,
  fullName: myself.fullName,
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

type Answer = { status: number; body: unknown }
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/** The writes Roster sent, and Tallyfy's answers to them, one per request in order. */
function tallyfy(...answers: Answer[]) {
  const sent: { method: string; url: string; body: unknown }[] = []
  server.use(
    http.all('*/api/*', async ({ request }) => {
      const text = await request.text()
      sent.push({ method: request.method, url: request.url, body: text ? JSON.parse(text) : undefined })
      const answer = answers.shift()
      if (!answer) throw new Error(`unexpected request ${request.method} ${request.url}`)
      return HttpResponse.json(answer.body as JsonBodyType, { status: answer.status })
    }),
  )
  return sent
}

const wire = (member: Member, role: string) => ({
  data: {
    id: member.id,
    email: member.email,
    first_name: member.fullName.split(' ')[0],
    last_name: member.fullName.split(' ')[1],
    full_name: member.fullName,
    role,
    status: 'active',
  },
})

function renderMemberPage(member: Member) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, me)
  queryClient.setQueryData(
    memberQueries.directory(orgId).queryKey,
    completeDirectory([myself, defaultAdmin, colleague]),
  )
  queryClient.setQueryData(memberQueries.detail(orgId, member.id).queryKey, member)
  renderPage({ '/members/:memberId': <MemberDetailRoute /> }, { path: `/members/${member.id}`, queryClient })
}

const roleSelect = () => screen.getByRole('combobox', { name: 'Role' })
const changeRoleButton = () => screen.getByRole('button', { name: 'Change role' })
const badges = () => {
  const heading = screen.getByRole('heading', { level: 1 })
  const badgeLine = heading.parentElement?.querySelector('.member-page__badges')
  if (!(badgeLine instanceof HTMLElement)) throw new Error('no badges')
  return badgeLine
}

beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
})

describe('the Role select follows the member after each write', () => {
  it("goes back to Administrator with the badge when Tallyfy refuses the default administrator's change", async () => {
    const user = userEvent.setup()
    tallyfy({ status: 400, body: { error: true, message: DEFAULT_ADMIN_REFUSAL } })
    renderMemberPage(defaultAdmin)

    await user.selectOptions(roleSelect(), 'Standard')
    expect(changeRoleButton()).toBeEnabled()
    await user.click(changeRoleButton())

    expect(await screen.findByRole('alert')).toHaveTextContent(DEFAULT_ADMIN_REFUSAL)
    expect(within(badges()).getByText('Administrator')).toBeInTheDocument()
    expect(roleSelect()).toHaveValue('admin')
    expect(changeRoleButton()).toBeDisabled()
  })

  it('shows the old role again after Undo, and Change role is off until another is picked', async () => {
    const user = userEvent.setup()
    const sent = tallyfy(
      { status: 200, body: wire(colleague, 'light') },
      // Undo first reads the member: still Light, the role Roster set, so it goes ahead.
      { status: 200, body: wire(colleague, 'light') },
      { status: 200, body: wire(colleague, 'standard') },
    )
    renderMemberPage(colleague)

    await user.selectOptions(roleSelect(), 'Light')
    await user.click(changeRoleButton())
    const notices = screen.getByRole('status', { name: 'Notifications' })
    await within(notices).findByText("Sam Standard's role is now Light.")
    expect(roleSelect()).toHaveValue('light')

    await user.click(await within(notices).findByRole('button', { name: /^Undo/ }))
    await within(notices).findByText("Sam Standard's role is Standard again.")
    expect(within(badges()).getByText('Standard')).toBeInTheDocument()
    expect(roleSelect()).toHaveValue('standard')
    expect(changeRoleButton()).toBeDisabled()
    expect(sent.map((s) => [s.method, s.body])).toEqual([
      ['PUT', { role: 'light' }],
      ['GET', undefined],
      ['PUT', { role: 'standard' }],
    ])
  })
})

describe('changing your own role away from Administrator', () => {
  it('asks first: Cancel keeps the role and sends nothing', async () => {
    const user = userEvent.setup()
    const sent = tallyfy()
    renderMemberPage(myself)

    await user.selectOptions(roleSelect(), 'Standard')
    await user.click(changeRoleButton())
    const confirm = screen.getByRole('alertdialog', { name: 'Give up your administrator role?' })
    expect(confirm).toHaveTextContent('You will become a Standard member and lose these controls')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))

    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(within(badges()).getByText('Administrator')).toBeInTheDocument()
    expect(changeRoleButton()).toBeInTheDocument()
    expect(sent).toEqual([])
  })

  it('"Change my role" changes it, and the administration controls go', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ status: 200, body: wire(myself, 'standard') })
    renderMemberPage(myself)

    await user.selectOptions(roleSelect(), 'Standard')
    await user.click(changeRoleButton())
    const confirm = screen.getByRole('alertdialog', { name: 'Give up your administrator role?' })
    await user.click(within(confirm).getByRole('button', { name: 'Change my role' }))

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Change role' })).not.toBeInTheDocument())
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.queryByRole('combobox', { name: 'Role' })).not.toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Administration' })).not.toBeInTheDocument()
    expect(within(badges()).getByText('Standard')).toBeInTheDocument()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ method: 'PUT', body: { role: 'standard' } })
    expect(sent[0]?.url).toMatch(/\/users\/1001\/role$/)
  })
})

describe('refusals inside the disable dialog', () => {
  it("are announced (role=alert) in Tallyfy's words, and the status goes back", async () => {
    const user = userEvent.setup()
    tallyfy({ status: 400, body: { error: true, message: DEFAULT_ADMIN_REFUSAL } })
    renderMemberPage(defaultAdmin)

    await user.click(screen.getByRole('button', { name: 'Disable member' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Disable Dana Default?' })
    await user.click(within(confirm).getByRole('button', { name: 'Disable' }))

    expect(await within(confirm).findByRole('alert')).toHaveTextContent(DEFAULT_ADMIN_REFUSAL)
    expect(within(badges()).getByText('Active')).toBeInTheDocument()
  })
})
