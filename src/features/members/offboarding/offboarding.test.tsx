// Offboarding on a member's page (#22), against a scripted Tallyfy (MSW): what the leaver owns, part
// by part, before anything is sent; "Reassign to" offering active members, people who share a group
// with the leaver first; "Remove" when there is nothing to hand over (PHP's `[]` maps); Tallyfy's
// refusals where they belong; the typed email before a permanent deletion; the default
// administrator's way out.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../../api/credentials'
import { activity } from '../../../api/writes/activity'
import { meQueries } from '../../../api/me'
import { memberQueries } from '../../../api/members/queries'
import type { Me, Member } from '../../../api/types'
import { completeDirectory, makeMember } from '../../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../../test/render-page'
import { Component as MemberDetailRoute } from '../member-detail-route'

const orgId = TEST_ORG_ID
const DEFAULT_ADMIN_REFUSAL =
  'Cannot modify the default administrator. Please assign another member as default administrator first.'

const finance = { id: 'g-fin', name: 'Finance' }
const design = { id: 'g-des', name: 'Design' }
const myself = makeMember({ id: 1001, fullName: 'Ada Admin', role: 'admin', rawRole: 'admin' })
const defaultAdmin = makeMember({
  id: 1002,
  fullName: 'Dana Default',
  role: 'admin',
  rawRole: 'admin',
  isDefaultAdmin: true,
})
const leaver = makeMember({ id: 1010, fullName: 'Olivia Owner', groups: [finance, design] })
// In the directory by name: Aaron and Zed share nothing; Yara shares Finance; Bea shares Design.
const aaron = makeMember({ id: 1020, fullName: 'Aaron Apple' })
const bea = makeMember({ id: 1021, fullName: 'Bea Brown', groups: [design] })
const yara = makeMember({ id: 1022, fullName: 'Yara Young', groups: [finance] })
const zed = makeMember({ id: 1023, fullName: 'Zed Zimmer' })
const invited = makeMember({ id: 1024, fullName: 'Ivy Invited', status: 'invited', groups: [finance] })
const gone = makeMember({ id: 1025, fullName: 'Dora Disabled', status: 'disabled', groups: [] })
const everyone = [myself, defaultAdmin, leaver, aaron, bea, yara, zed, invited, gone]

const me: Me = {
  id: myself.id,
  email: myself.email,
  fullName: myself.fullName,
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

const OWNED = {
  data: {
    templates: { '7a1': 'Employee onboarding', '7a2': 'Quarterly close' },
    steps: [
      { id: 's1', title: 'Approve expenses', template_id: '7a2' },
      { id: 's2', title: 'Order a laptop', template_id: '7a1' },
    ],
    process_tasks: {
      r9: [
        {
          id: 't1',
          run_id: 'r9',
          run_name: 'Close Q3',
          template_name: 'Quarterly close',
          name: 'Reconcile',
          deadline: '2026-12-10T12:00:00Z',
        },
        {
          id: 't2',
          run_id: 'r9',
          run_name: 'Close Q3',
          template_name: 'Quarterly close',
          name: 'Sign off',
          deadline: null,
        },
      ],
      r8: [
        {
          id: 't3',
          run_id: 'r8',
          run_name: 'Onboard Sam',
          template_name: 'Employee onboarding',
          name: 'Welcome call',
          deadline: null,
        },
      ],
    },
    one_off_tasks: [{ id: 'o1', name: 'Renew the domain', deadline: null }],
  },
}
/** Owns nothing, the way PHP says it: empty maps as `[]`. */
const OWNS_NOTHING = { data: { templates: [], steps: [], process_tasks: [], one_off_tasks: [] } }

type Reply = { status: number; body?: unknown }
type Sent = { method: string; path: string; search: string; body: unknown }
const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

/**
 * Tallyfy as scripted: `routes` maps "METHOD /users/…" (the path under the organization) to its
 * replies, one per request in order (the last one repeats). Returns what was sent.
 */
function tallyfy(routes: Record<string, Reply[]>) {
  const sent: Sent[] = []
  server.use(
    http.all('*/api/organizations/:org/*', async ({ request }) => {
      const url = new URL(request.url)
      const path = url.pathname.replace(/^.*\/organizations\/[^/]+/, '')
      const text = await request.text()
      sent.push({
        method: request.method,
        path,
        search: url.search,
        body: text ? JSON.parse(text) : undefined,
      })
      const replies = routes[`${request.method} ${path}`]
      if (!replies || replies.length === 0) throw new Error(`unexpected ${request.method} ${path}`)
      const reply = replies.length > 1 ? replies.shift()! : replies[0]!
      return HttpResponse.json((reply.body ?? null) as JsonBodyType, { status: reply.status })
    }),
  )
  return sent
}

const writes = (sent: Sent[]) => sent.filter((s) => s.method !== 'GET')

const wireMember = (m: Member, overrides: Record<string, unknown> = {}) => ({
  data: {
    id: m.id,
    email: m.email,
    full_name: m.fullName,
    role: m.role,
    status: m.status,
    is_default_admin: m.isDefaultAdmin,
    ...overrides,
  },
})

function renderMemberPage(member: Member, { viewer = me }: { viewer?: Me } = {}) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, viewer)
  queryClient.setQueryData(
    memberQueries.directory(orgId).queryKey,
    completeDirectory(everyone.map((m) => (m.id === member.id ? member : m))),
  )
  queryClient.setQueryData(memberQueries.detail(orgId, member.id).queryKey, member)
  renderPage(
    {
      '/members/:memberId': <MemberDetailRoute />,
      '/members': <h1>Members list</h1>,
      '/guests/:email': <h1>Guest page</h1>,
    },
    { path: `/members/${member.id}`, queryClient },
  )
  return queryClient
}

const statusBadge = () => {
  const line = screen.getByRole('heading', { level: 1 }).parentElement?.querySelector('.member-page__badges')
  if (!(line instanceof HTMLElement)) throw new Error('no badges')
  return line
}

async function openRemove(user: ReturnType<typeof userEvent.setup>, name = 'Olivia Owner') {
  await user.click(await screen.findByRole('button', { name: 'Remove member' }))
  return screen.getByRole('alertdialog', { name: `Remove ${name}?` })
}

beforeEach(() => {
  credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
})

describe('Remove member: what the person owns', () => {
  it('lists it by part before anything is sent, and asks who takes it over', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ 'GET /users/1010/reassignment-information': [{ status: 200, body: OWNED }] })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    // The list's last comma follows the browser's locale ("…processes, and 1…" in en-US).
    expect(
      await within(dialog).findByText(
        /^Olivia Owner owns 2 templates, 2 steps, 3 tasks in 2 running processes,? and 1 one-off task\.$/,
      ),
    ).toBeInTheDocument()
    const part = (name: RegExp) => within(dialog).getByRole('heading', { name }).parentElement!
    expect(
      within(part(/^Templates \(2\)$/))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Employee onboarding', 'Quarterly close'])
    expect(
      within(part(/^Steps \(2\)$/))
        .getByText('Approve expenses')
        .closest('li'),
    ).toHaveTextContent('Approve expenses · in Quarterly close')
    const processes = part(/^Tasks in running processes \(3\)$/)
    const close = within(processes).getByText('Close Q3').closest('li')!
    expect(
      within(close)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/^Reconcile · due /), 'Sign off'])
    expect(within(processes).getByText('Onboard Sam').closest('li')).toHaveTextContent('Welcome call')
    expect(within(part(/^One-off tasks \(1\)$/))).toBeTruthy()
    expect(within(dialog).getByText('Renew the domain')).toBeInTheDocument()

    // Nothing goes until a successor is chosen.
    expect(within(dialog).getByRole('combobox', { name: 'Reassign to' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Remove and reassign' })).toBeDisabled()
    expect(writes(sent)).toEqual([])
  })

  it('offers active members only, people who share a group with the leaver first, and says so', async () => {
    const user = userEvent.setup()
    tallyfy({ 'GET /users/1010/reassignment-information': [{ status: 200, body: OWNED }] })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    const field = await within(dialog).findByRole('combobox', { name: 'Reassign to' })
    await user.click(field)
    const options = within(dialog).getAllByRole('option')
    expect(options.map((o) => o.querySelector('.member-option__name')?.textContent)).toEqual([
      'Bea Brown',
      'Yara Young',
      'Aaron Apple',
      'Ada Admin',
      'Dana Default',
      'Zed Zimmer',
    ])
    expect(options[0]).toHaveTextContent('Shares a group: Design')
    expect(options[1]).toHaveTextContent('Shares a group: Finance')
    expect(options[2]).not.toHaveTextContent('Shares a group')

    // Typing narrows to anyone matching, in the same order.
    await user.type(field, 'z')
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.querySelector('.member-option__name')?.textContent),
    ).toEqual(['Zed Zimmer'])
  })

  it('sends the successor as `to`, then shows the leaver disabled and in no group', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({
      'GET /users/1010/reassignment-information': [{ status: 200, body: OWNED }],
      'DELETE /users/1010': [{ status: 200, body: wireMember(leaver, { status: 'disabled' }) }],
    })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    const field = await within(dialog).findByRole('combobox', { name: 'Reassign to' })
    await user.type(field, 'yara')
    await user.keyboard('{ArrowDown}{Enter}')
    expect(field).toHaveValue('Yara Young')
    await user.click(within(dialog).getByRole('button', { name: 'Remove and reassign' }))

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(writes(sent)).toEqual([
      { method: 'DELETE', path: '/users/1010', search: '?with_reassignment=true&to=1022', body: undefined },
    ])
    expect(within(statusBadge()).getByText('Disabled')).toBeInTheDocument()
    expect(screen.getByText('Not in any group.')).toBeInTheDocument()
    // Focus does not fall to the page's end: the part's heading has it (its Remove button is gone).
    expect(screen.getByRole('heading', { name: 'Offboarding' })).toHaveFocus()
    expect(activity.list(orgId).at(-1)).toMatchObject({
      label: 'Remove Olivia Owner, handing their work to Yara Young',
      outcome: 'done',
    })
    expect(
      await screen.findByText(
        'Olivia Owner is removed: disabled, out of every group, and their work now belongs to Yara Young.',
      ),
    ).toBeInTheDocument()
  })

  it('editing the chosen name un-chooses it', async () => {
    const user = userEvent.setup()
    tallyfy({ 'GET /users/1010/reassignment-information': [{ status: 200, body: OWNED }] })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    const field = await within(dialog).findByRole('combobox', { name: 'Reassign to' })
    await user.type(field, 'yara')
    await user.keyboard('{ArrowDown}{Enter}')
    const confirm = within(dialog).getByRole('button', { name: 'Remove and reassign' })
    expect(confirm).toBeEnabled()
    await user.type(field, 'x')
    expect(confirm).toBeDisabled()
  })

  it('says "Remove" when there is nothing to hand over (empty maps as `[]`) and sends no reassignment', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({
      'GET /users/1020/reassignment-information': [{ status: 200, body: OWNS_NOTHING }],
      'DELETE /users/1020': [{ status: 200, body: wireMember(aaron, { status: 'disabled' }) }],
    })
    renderMemberPage(aaron)

    const dialog = await openRemove(user, 'Aaron Apple')
    expect(
      await within(dialog).findByText(
        'Aaron Apple owns no templates, steps or tasks: there is nothing to hand over.',
      ),
    ).toBeInTheDocument()
    expect(within(dialog).queryByRole('combobox', { name: 'Reassign to' })).not.toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: 'Remove and reassign' })).not.toBeInTheDocument()
    // Two clicks before React re-renders the button disabled send one request.
    const remove = within(dialog).getByRole('button', { name: 'Remove' })
    act(() => {
      fireEvent.click(remove)
      fireEvent.click(remove)
    })

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(writes(sent)).toEqual([{ method: 'DELETE', path: '/users/1020', search: '', body: undefined }])
    expect(within(statusBadge()).getByText('Disabled')).toBeInTheDocument()
  })

  it('says when the read failed, and Retry asks again', async () => {
    const user = userEvent.setup()
    tallyfy({
      'GET /users/1010/reassignment-information': [
        { status: 500, body: { message: 'Server error' } },
        { status: 200, body: OWNED },
      ],
    })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    const retry = await within(dialog).findByRole('button', { name: 'Retry' })
    expect(within(dialog).getByRole('button', { name: 'Remove' })).toBeDisabled()
    await user.click(retry)
    expect(await within(dialog).findByRole('heading', { name: 'Templates (2)' })).toBeInTheDocument()
  })
})

describe("Remove member: Tallyfy's refusals", () => {
  it('an invalid successor shows on the "Reassign to" field, in its words', async () => {
    const user = userEvent.setup()
    tallyfy({
      'GET /users/1010/reassignment-information': [{ status: 200, body: OWNED }],
      'DELETE /users/1010': [
        {
          status: 422,
          body: { message: 'The given data was invalid.', errors: { to: ['The selected to is invalid.'] } },
        },
      ],
    })
    renderMemberPage(leaver)

    const dialog = await openRemove(user)
    const field = await within(dialog).findByRole('combobox', { name: 'Reassign to' })
    await user.type(field, 'zed')
    await user.keyboard('{ArrowDown}{Enter}')
    await user.click(within(dialog).getByRole('button', { name: 'Remove and reassign' }))

    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'))
    expect(field).toHaveAccessibleDescription(expect.stringContaining('The selected to is invalid.'))
    expect(within(statusBadge()).getByText('Active')).toBeInTheDocument()
    expect(screen.getByRole('alertdialog')).toBeInTheDocument()
  })

  it("the default administrator: Tallyfy's words, what to do, and who could take the role", async () => {
    const user = userEvent.setup()
    tallyfy({
      'GET /users/1002/reassignment-information': [{ status: 200, body: OWNS_NOTHING }],
      'DELETE /users/1002': [{ status: 400, body: { error: true, message: DEFAULT_ADMIN_REFUSAL } }],
    })
    renderMemberPage(defaultAdmin)

    const dialog = await openRemove(user, 'Dana Default')
    await user.click(await within(dialog).findByRole('button', { name: 'Remove' }))

    const alert = await within(dialog).findByRole('alert')
    expect(alert).toHaveTextContent(DEFAULT_ADMIN_REFUSAL)
    expect(alert).toHaveTextContent(
      'Make another active administrator the default first: open their page and choose “Make default administrator”.',
    )
    expect(within(alert).getByRole('link', { name: 'Ada Admin' })).toHaveAttribute('href', '/members/1001')
    expect(activity.list(orgId).at(-1)).toMatchObject({
      label: 'Remove Dana Default',
      outcome: 'refused',
      detail: DEFAULT_ADMIN_REFUSAL,
    })
  })

  it("the bot: Tallyfy's words in the dialog", async () => {
    const user = userEvent.setup()
    const bot = makeMember({ id: 1030, fullName: 'Tallyfy Bot' })
    const message = "You can't remove a bot user from this organization!"
    tallyfy({
      'GET /users/1030/reassignment-information': [{ status: 200, body: OWNS_NOTHING }],
      'DELETE /users/1030': [{ status: 400, body: { error: true, message } }],
    })
    renderMemberPage(bot)

    const dialog = await openRemove(user, 'Tallyfy Bot')
    await user.click(await within(dialog).findByRole('button', { name: 'Remove' }))
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message)
    expect(within(dialog).getByRole('alert')).not.toHaveTextContent('default')
  })
})

describe('Delete permanently', () => {
  it('is explained, not offered, while the member is active', async () => {
    tallyfy({})
    renderMemberPage(aaron)
    expect(await screen.findByText(/Tallyfy deletes only disabled members/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Delete permanently' })).not.toBeInTheDocument()
  })

  it('for a disabled member, goes live only once their email is typed (any case)', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({ 'DELETE /users/1025/delete': [{ status: 200, body: {} }] })
    renderMemberPage(gone)

    expect(screen.queryByRole('button', { name: 'Remove member' })).not.toBeInTheDocument()
    await user.click(await screen.findByRole('button', { name: 'Delete permanently' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Dora Disabled permanently?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete permanently' })
    const field = within(dialog).getByRole('textbox', { name: 'Type dora.disabled@example.com to confirm' })
    expect(confirm).toBeDisabled()
    await user.type(field, 'dora.disabled@example.co')
    expect(confirm).toBeDisabled()
    await user.type(field, 'M ')
    expect(confirm).toBeEnabled()
    await user.click(confirm)

    expect(await screen.findByRole('heading', { name: 'Members list' })).toBeInTheDocument()
    expect(writes(sent)).toEqual([
      { method: 'DELETE', path: '/users/1025/delete', search: '', body: undefined },
    ])
    expect(await screen.findByText('Dora Disabled is deleted permanently.')).toBeInTheDocument()
  })
})

describe('Convert to guest', () => {
  it('asks first, then opens the guest page with a notice', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({
      'PUT /users/1020/to/guest': [
        { status: 201, body: { data: { email: aaron.email, first_name: 'Aaron', last_name: 'Apple' } } },
      ],
    })
    renderMemberPage(aaron)

    await user.click(await screen.findByRole('button', { name: 'Convert to guest' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Convert Aaron Apple to a guest?' })
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.click(within(dialog).getByRole('button', { name: 'Convert to guest' }))

    expect(await screen.findByRole('heading', { name: 'Guest page' })).toBeInTheDocument()
    expect(writes(sent).map((s) => `${s.method} ${s.path}`)).toEqual(['PUT /users/1020/to/guest'])
    expect(
      await screen.findByText('Aaron Apple is a guest now: no longer a member, and out of every group.'),
    ).toBeInTheDocument()
  })
})

describe('Make default administrator', () => {
  it('is offered on an active administrator other than the default, and moves the role', async () => {
    const user = userEvent.setup()
    const sent = tallyfy({
      'PUT /users/1002/set-new-admin': [
        { status: 200, body: wireMember({ ...myself, isDefaultAdmin: true }) },
      ],
    })
    renderMemberPage(myself)

    // Your own page: nothing to remove yourself with, but you may take the default role.
    expect(await screen.findByRole('button', { name: 'Make default administrator' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Remove member' })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Make default administrator' }))
    const dialog = screen.getByRole('dialog', { name: 'Make Ada Admin the default administrator?' })
    expect(dialog).toHaveTextContent('Dana Default stops being the default administrator')
    await user.click(within(dialog).getByRole('button', { name: 'Make default administrator' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(writes(sent)).toEqual([
      { method: 'PUT', path: '/users/1002/set-new-admin', search: '', body: { new_admin_id: 1001 } },
    ])
    expect(screen.queryByRole('button', { name: 'Make default administrator' })).not.toBeInTheDocument()
  })

  it('is not offered on the default administrator, nor on a member who is not an administrator', async () => {
    tallyfy({})
    renderMemberPage(defaultAdmin)
    expect(await screen.findByRole('button', { name: 'Remove member' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Make default administrator' })).not.toBeInTheDocument()
    expect(
      screen.getByText(/Dana Default is the default administrator: Tallyfy will not remove them/),
    ).toBeInTheDocument()
  })
})

describe('who sees these controls', () => {
  it('nobody but an administrator', async () => {
    tallyfy({})
    renderMemberPage(aaron, { viewer: { ...me, role: 'standard', rawRole: 'standard' } })
    expect(await screen.findByRole('heading', { level: 1, name: 'Aaron Apple' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Offboarding' })).not.toBeInTheDocument()
    expect(
      screen.queryByRole('button', { name: /Remove member|Convert to guest|Delete permanently/ }),
    ).not.toBeInTheDocument()
  })
})
