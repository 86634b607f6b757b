// Invitations (#22) on /members and on an invited member's page, against a scripted Tallyfy (MSW):
// the "Invited" column (what it shows, its sort with everyone else last, its CSV, the Columns menu),
// each invited row's menu (Resend at once, Withdraw behind its alert dialog) and the page's section.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../../api/credentials'
import { meQueries } from '../../../api/me'
import { memberQueries } from '../../../api/members/queries'
import type { Me, Member, MemberDirectory } from '../../../api/types'
import { activity } from '../../../api/writes/activity'
import { DAY_MS } from '../../../lib/recency'
import { completeDirectory, makeMember } from '../../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../../test/render-page'
import { Component as MemberDetailRoute } from '../member-detail-route'
import { loadLater, Component as MembersRoute } from '../members-route'

const orgId = TEST_ORG_ID
const now = Date.now()
const daysAgo = (days: number) => new Date(now - days * DAY_MS).toISOString()

const admin = makeMember({
  id: 1,
  fullName: 'Ada Admin',
  role: 'admin',
  rawRole: 'admin',
  createdAt: daysAgo(400),
})
const recent = makeMember({ id: 2, fullName: 'Bea Recent', status: 'invited', createdAt: daysAgo(3) })
const stale = makeMember({ id: 3, fullName: 'Cal Stale', status: 'invited', createdAt: daysAgo(40) })
const active = makeMember({ id: 4, fullName: 'Dee Active', createdAt: daysAgo(100) })
const older = makeMember({ id: 5, fullName: 'Eve Older', status: 'invited', createdAt: daysAgo(20) })
const everyone = [admin, recent, stale, active, older]

const meAs = (role: 'admin' | 'standard'): Me => ({
  id: admin.id,
  email: admin.email,
  fullName: admin.fullName,
  role,
  rawRole: role,
  pictureUrl: null,
})

type Answer = { status: number; body?: unknown; hold?: Promise<void> }
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => tallyfy())
afterAll(() => server.close())

/**
 * The writes Roster sent (and any read of a member), answered in order; an answer may be held until
 * a promise resolves. The organizations list (Export CSV's file name) is answered on the side.
 */
function tallyfy(...answers: Answer[]) {
  const sent: { method: string; path: string }[] = []
  server.use(
    http.get('*/api/me/organizations', () => HttpResponse.json({ data: [] })),
    http.all('*/api/*', async ({ request }) => {
      sent.push({ method: request.method, path: new URL(request.url).pathname })
      const answer = answers.shift()
      if (!answer) throw new Error(`unexpected request ${request.method} ${request.url}`)
      await answer.hold
      if (answer.body === undefined) return new HttpResponse(null, { status: answer.status })
      return HttpResponse.json(answer.body as JsonBodyType, { status: answer.status })
    }),
  )
  return sent
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

function renderMembers({
  path = '/members',
  role = 'admin' as 'admin' | 'standard',
  directory = completeDirectory(everyone),
} = {}) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, meAs(role))
  queryClient.setQueryData<MemberDirectory>(memberQueries.directory(orgId).queryKey, directory)
  return renderPage(
    { '/members': <MembersRoute />, '/members/:memberId': <h1>Member page</h1> },
    { path, queryClient },
  )
}

function renderMemberPage(member: Member, role: 'admin' | 'standard' = 'admin') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, meAs(role))
  queryClient.setQueryData(memberQueries.directory(orgId).queryKey, completeDirectory(everyone))
  queryClient.setQueryData(memberQueries.detail(orgId, member.id).queryKey, member)
  return renderPage(
    { '/members/:memberId': <MemberDetailRoute />, '/members': <h1>Members list</h1> },
    { path: `/members/${member.id}`, queryClient },
  )
}

const nameLinks = () =>
  within(screen.getAllByRole('rowgroup')[1]!)
    .queryAllByRole('link')
    .filter((a) => a.classList.contains('member-name__link'))
    .map((a) => a.textContent)
const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) })
const invitedCell = (name: string) => row(name).querySelector<HTMLElement>('.data-table__cell--invited')!
const menuButton = (name: string) => screen.getByRole('button', { name: `Invitation actions for ${name}` })
const entries = () => activity.list(orgId)

beforeAll(() => loadLater())
beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
  activity.clear()
})
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
})

describe('the Invited column', () => {
  it('says how long ago each invitation went, and nothing for members who are not invited', () => {
    renderMembers()
    expect(screen.getByRole('columnheader', { name: /^Invited/ })).toBeInTheDocument()
    expect(within(invitedCell('Bea Recent')).getByText('3 days ago')).toBeInTheDocument()
    expect(
      within(invitedCell('Cal Stale')).getByText(/^(last month|\d+ (days|weeks) ago)$/),
    ).toBeInTheDocument()
    // The exact date and time are in the tooltip and read by screen readers.
    expect(invitedCell('Bea Recent').querySelector('time')).toHaveAttribute('dateTime', recent.createdAt)
    expect(invitedCell('Dee Active')).toBeEmptyDOMElement()
    expect(invitedCell('Ada Admin')).toBeEmptyDOMElement()
  })

  it('sorts by invitation age, oldest first then newest first, with everyone not invited last both ways', async () => {
    const user = userEvent.setup()
    const { router } = renderMembers()
    await user.click(screen.getByRole('button', { name: 'Invited' }))
    expect(router.location.search).toBe('?sort=invited')
    expect(screen.getByRole('columnheader', { name: /^Invited/ })).toHaveAttribute('aria-sort', 'ascending')
    expect(nameLinks().slice(0, 3)).toEqual(['Cal Stale', 'Eve Older', 'Bea Recent'])
    expect(new Set(nameLinks().slice(3))).toEqual(new Set(['Ada Admin', 'Dee Active']))

    await user.click(screen.getByRole('button', { name: 'Invited' }))
    expect(router.location.search).toBe('?sort=-invited')
    expect(nameLinks().slice(0, 3)).toEqual(['Bea Recent', 'Eve Older', 'Cal Stale'])
    expect(new Set(nameLinks().slice(3))).toEqual(new Set(['Ada Admin', 'Dee Active']))
  })

  it('the quick view of invitations over 14 days shows only those, with their column', () => {
    renderMembers({ path: '/members?invited=over-14d&sort=invited' })
    expect(nameLinks()).toEqual(['Cal Stale', 'Eve Older'])
  })

  it('is in Export CSV as an ISO date for invited members and empty for the others, and hides with Columns', async () => {
    const user = userEvent.setup()
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:export'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    try {
      renderMembers({ path: '/members?sort=name' })
      await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
      await waitFor(() => expect(blobs).toHaveLength(1))
      const lines = (await blobs[0]!.text()).replace(/^\uFEFF/, '').split('\r\n')
      expect(lines[0]).toBe('Name,Email,Role,Status,Job title,Groups,Last login,Invited')
      const invitedOf = (name: string) =>
        lines
          .find((line) => line.startsWith(name))!
          .split(',')
          .at(-1)
      expect(invitedOf('Bea Recent')).toBe(recent.createdAt)
      expect(invitedOf('Cal Stale')).toBe(stale.createdAt)
      expect(invitedOf('Dee Active')).toBe('')
      expect(invitedOf('Ada Admin')).toBe('')

      // Hidden with "Columns": out of the table and out of the next file.
      await user.click(await screen.findByRole('button', { name: /^Columns/ }))
      await user.click(screen.getByRole('menuitemcheckbox', { name: 'Invited' }))
      await user.keyboard('{Escape}')
      expect(screen.queryByRole('columnheader', { name: /^Invited/ })).not.toBeInTheDocument()
      expect(screen.queryByRole('button', { name: /^Invitation actions for/ })).not.toBeInTheDocument()
      await user.click(screen.getByRole('button', { name: 'Export CSV' }))
      await waitFor(() => expect(blobs).toHaveLength(2))
      expect((await blobs[1]!.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
        'Name,Email,Role,Status,Job title,Groups,Last login',
      )
    } finally {
      click.mockRestore()
      vi.restoreAllMocks()
    }
  })
})

describe("an invited member's row", () => {
  it('offers no invitation actions to someone who is not an administrator', () => {
    renderMembers({ role: 'standard' })
    expect(within(invitedCell('Bea Recent')).getByText('3 days ago')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Invitation actions for/ })).not.toBeInTheDocument()
  })

  it('opens its menu from the keyboard on the first item; arrows move, Escape closes back on the button', async () => {
    const user = userEvent.setup()
    renderMembers()
    expect(screen.getAllByRole('button', { name: /^Invitation actions for/ })).toHaveLength(3)
    const button = menuButton('Bea Recent')
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    expect(button).toHaveAttribute('aria-expanded', 'false')
    button.focus()
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu', { name: 'Invitation actions for Bea Recent' })
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const items = within(menu).getAllByRole('menuitem')
    expect(items.map((item) => item.textContent)).toEqual(['Resend invitation', 'Withdraw invitation'])
    await waitFor(() => expect(items[0]).toHaveFocus())
    await user.keyboard('{ArrowDown}')
    expect(items[1]).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(items[0]).toHaveFocus()
    await user.keyboard('{End}')
    expect(items[1]).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
    // ArrowUp opens on the last item.
    await user.keyboard('{ArrowUp}')
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Withdraw invitation' })).toHaveFocus())
  })

  it('"Resend invitation" sends one request, says so, and is unavailable while it is in flight', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const sent = tallyfy({ status: 200, body: {}, hold: answer.promise })
    renderMembers()
    await user.click(menuButton('Bea Recent'))
    await user.click(await screen.findByRole('menuitem', { name: 'Resend invitation' }))
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
    expect(menuButton('Bea Recent')).toHaveFocus()
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toEqual({ method: 'POST', path: `/api/organizations/${orgId}/users/2/resend-invite` })

    // In flight: the menu's items are there but do nothing.
    await user.click(menuButton('Bea Recent'))
    const resend = await screen.findByRole('menuitem', { name: 'Resend invitation' })
    await waitFor(() => expect(resend).toHaveAttribute('aria-disabled', 'true'))
    await user.click(resend)
    expect(screen.getByRole('menuitem', { name: 'Withdraw invitation' })).toHaveAttribute(
      'aria-disabled',
      'true',
    )
    await user.keyboard('{Escape}')

    answer.resolve()
    expect(
      await screen.findByText(`Bea Recent's invitation was sent again to ${recent.email}.`),
    ).toBeInTheDocument()
    expect(sent).toHaveLength(1)
    expect(entries().map((e) => [e.label, e.outcome])).toEqual([["Resend Bea Recent's invitation", 'done']])
    // Still invited, still in the list.
    expect(row('Bea Recent')).toBeInTheDocument()
  })

  it("a refused resend says so in Tallyfy's words, in a notice and in Activity", async () => {
    const user = userEvent.setup()
    tallyfy({ status: 422, body: { message: 'This user has already accepted the invitation.' } })
    renderMembers()
    await user.click(menuButton('Bea Recent'))
    await user.click(await screen.findByRole('menuitem', { name: 'Resend invitation' }))
    await waitFor(() => expect(entries()[0]?.outcome).toBe('refused'))
    expect(
      await screen.findByText(
        "Bea Recent's invitation was not sent again: This user has already accepted the invitation.",
      ),
    ).toBeInTheDocument()
    expect(entries()[0]).toMatchObject({ label: "Resend Bea Recent's invitation", outcome: 'refused' })
  })

  it('"Withdraw invitation" asks first, naming what is lost; Withdraw takes the person out of the list and the counts', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const sent = tallyfy({ status: 200, body: { data: [] }, hold: answer.promise })
    renderMembers({ path: '/members?sort=invited' })
    expect(screen.getByText('5 members')).toBeInTheDocument()
    expect(
      within(screen.getByRole('combobox', { name: 'Status' })).getByRole('option', { name: 'Invited (3)' }),
    ).toBeInTheDocument()

    await user.click(menuButton('Eve Older'))
    await user.click(await screen.findByRole('menuitem', { name: 'Withdraw invitation' }))
    const dialog = await screen.findByRole('alertdialog', { name: "Withdraw Eve Older's invitation?" })
    expect(dialog).toHaveTextContent(`The invitation link sent to ${older.email} stops working at once`)
    expect(dialog).toHaveTextContent('The seat the invitation holds is freed.')
    // Nothing is sent before the admin confirms; Cancel is where focus starts.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(sent).toHaveLength(0)

    const withdraw = within(dialog).getByRole('button', { name: 'Withdraw' })
    await user.click(withdraw)
    await waitFor(() => expect(withdraw).toBeDisabled())
    await user.click(withdraw)
    expect(sent).toEqual([{ method: 'DELETE', path: `/api/organizations/${orgId}/users/5/withdraw-invite` }])
    // Still listed until Tallyfy agrees.
    expect(row('Eve Older')).toBeInTheDocument()

    answer.resolve()
    await waitFor(() => expect(screen.queryByRole('row', { name: /Eve Older/ })).not.toBeInTheDocument(), {
      timeout: 5000,
    })
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(
      await screen.findByText("Eve Older's invitation is withdrawn, and their seat is free."),
    ).toBeInTheDocument()
    expect(screen.getByText('4 members')).toBeInTheDocument()
    expect(
      within(screen.getByRole('combobox', { name: 'Status' })).getByRole('option', { name: 'Invited (2)' }),
    ).toBeInTheDocument()
    // Focus moves to the next row's name, not to the top of the page.
    expect(screen.getByRole('link', { name: 'Bea Recent' })).toHaveFocus()
    expect(entries().map((e) => [e.label, e.outcome])).toEqual([["Withdraw Eve Older's invitation", 'done']])
    expect(sent).toHaveLength(1)
  })

  it("a refused withdrawal keeps the person and shows Tallyfy's words in the dialog", async () => {
    const user = userEvent.setup()
    tallyfy({ status: 400, body: { error: true, message: 'The invitation cannot be withdrawn.' } })
    renderMembers()
    await user.click(menuButton('Bea Recent'))
    await user.click(await screen.findByRole('menuitem', { name: 'Withdraw invitation' }))
    const dialog = await screen.findByRole('alertdialog')
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The invitation cannot be withdrawn.')
    expect(row('Bea Recent')).toBeInTheDocument()
    expect(screen.getByText('5 members')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(menuButton('Bea Recent')).toHaveFocus()
  })
})

describe("an invited member's page", () => {
  it('shows when the invitation went, with Resend and Withdraw, to administrators only', () => {
    renderMemberPage(recent)
    const section = screen.getByRole('region', { name: 'Invitation' })
    expect(section).toHaveTextContent(`to ${recent.email}`)
    expect(within(section).getByRole('button', { name: 'Resend invitation' })).toBeEnabled()
    expect(within(section).getByRole('button', { name: 'Withdraw invitation' })).toBeEnabled()
  })

  it('is not offered for a member who is not invited', () => {
    renderMemberPage(active)
    expect(screen.getByRole('heading', { level: 1, name: 'Dee Active' })).toBeInTheDocument()
    expect(screen.queryByRole('region', { name: 'Invitation' })).not.toBeInTheDocument()
  })

  it('is not offered to someone who is not an administrator', () => {
    renderMemberPage(recent, 'standard')
    expect(screen.getByRole('heading', { level: 1, name: 'Bea Recent' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Resend invitation' })).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Withdraw invitation' })).not.toBeInTheDocument()
  })

  it('"Resend invitation" is disabled while it runs and announces the outcome', async () => {
    const user = userEvent.setup()
    const answer = deferred()
    const sent = tallyfy({ status: 200, body: {}, hold: answer.promise })
    renderMemberPage(recent)
    const resend = screen.getByRole('button', { name: 'Resend invitation' })
    await user.click(resend)
    await waitFor(() => expect(resend).toBeDisabled())
    expect(screen.getByRole('button', { name: 'Withdraw invitation' })).toBeDisabled()
    answer.resolve()
    expect(
      await screen.findByText(`Bea Recent's invitation was sent again to ${recent.email}.`),
    ).toBeInTheDocument()
    await waitFor(() => expect(resend).toBeEnabled())
    expect(sent.map((s) => s.method)).toEqual(['POST'])
    expect(entries()[0]).toMatchObject({ label: "Resend Bea Recent's invitation", outcome: 'done' })
  })

  it('a withdrawal goes back to the list with a notice, and the person is out of the directory', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ status: 204 })
    const { router, queryClient } = renderMemberPage(stale)
    await user.click(screen.getByRole('button', { name: 'Withdraw invitation' }))
    const dialog = await screen.findByRole('alertdialog', { name: "Withdraw Cal Stale's invitation?" })
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }))
    expect(await screen.findByRole('heading', { name: 'Members list' })).toBeInTheDocument()
    expect(router.location.pathname).toBe('/members')
    expect(
      await screen.findByText("Cal Stale's invitation is withdrawn, and their seat is free."),
    ).toBeInTheDocument()
    // The page left before the person left the cache, so it never asked Tallyfy for them again.
    expect(sent).toEqual([{ method: 'DELETE', path: `/api/organizations/${orgId}/users/3/withdraw-invite` }])
    const directory = queryClient.getQueryData<MemberDirectory>(memberQueries.directory(orgId).queryKey)!
    expect(directory.members.map((m) => m.id)).not.toContain(stale.id)
    expect(directory.total).toBe(everyone.length - 1)
  })
})
