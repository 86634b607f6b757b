// A member's writes from the member page, against the demo organization's handlers: Undo of a role
// change never erases someone else's later change, a write whose answer was lost is settled by
// reading the member again, and every write lands its outcome in the Activity record (with one Undo
// shared by the notice and the Activity panel).
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { retryPolicy } from '../../api/client'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Member } from '../../api/types'
import { activity } from '../../api/writes/activity'
import { NoticeHost } from '../../components/notices'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { BOT_MEMBER_ID, DEFAULT_ADMIN_ID, wireRole } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { createTestQueryClient, renderPage } from '../../test/render-page'
import type { NoticeInput, Notify } from '../../components/notices'
import { InviteMemberDialog } from './invite-member-dialog'
import { Component as MemberDetailRoute } from './member-detail-route'
import { changeRole, disableMember } from './member-write-actions'

const { server, org, faults } = createDemoServer({ members: 120 })
const USERS = `/organizations/${DEMO_ORG_ID}/users`
const HEADERS = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
  'Content-Type': 'application/json',
}

const policy = { ...retryPolicy }
let qc: QueryClient
let writes: string[]
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false })
  activity.clear()
  retryPolicy.transientRetries = 0
  writes = []
  server.events.on('request:start', ({ request }) => {
    if (request.method !== 'GET') writes.push(`${request.method} ${new URL(request.url).pathname}`)
  })
})
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  server.events.removeAllListeners()
  Object.assign(retryPolicy, policy)
  credentialStore.clear()
  qc.clear()
})
afterAll(() => server.close())

let nextPlain = 0
/** A different active standard member for each test (the demo's data is shared by the file). */
function plainMember() {
  const found = org.members.filter(
    (m) =>
      m.status === 'active' &&
      wireRole(m)?.toLowerCase() === 'standard' &&
      ![DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID].includes(m.id),
  )[nextPlain++]
  if (!found) throw new Error('the demo has no more plain standard members')
  return found
}

async function openMemberPage(id: number) {
  qc = createTestQueryClient()
  await qc.fetchQuery(meQueries.current(DEMO_ORG_ID))
  await qc.fetchQuery(memberQueries.directory(DEMO_ORG_ID))
  const member = await qc.fetchQuery(memberQueries.detail(DEMO_ORG_ID, id))
  renderPage(
    { '/members/:memberId': <MemberDetailRoute /> },
    { path: `/members/${id}`, queryClient: qc, orgId: DEMO_ORG_ID },
  )
  await screen.findByRole('heading', { name: 'Administration' })
  return member
}

const notices = () => screen.getByRole('status', { name: 'Notifications' })
const entries = () => activity.list(DEMO_ORG_ID)
const entry = (label: string) => entries().find((e) => e.label === label)
const directoryRow = (id: number) =>
  qc.getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)?.members.find((m) => m.id === id)
const badges = () => {
  const badgeLine = screen
    .getByRole('heading', { level: 1 })
    .parentElement?.querySelector('.member-page__badges')
  if (!(badgeLine instanceof HTMLElement)) throw new Error('no badges')
  return badgeLine
}

async function changeRoleTo(label: 'Light' | 'Administrator' | 'Standard') {
  const user = userEvent.setup()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), label)
  await user.click(screen.getByRole('button', { name: 'Change role' }))
  return user
}

/** Another admin, elsewhere: Tallyfy changes, this tab's cache does not know. */
async function changeElsewhere(id: number, role: string) {
  const response = await fetch(`http://localhost:3000/api${USERS}/${id}/role`, {
    method: 'PUT',
    headers: HEADERS,
    body: JSON.stringify({ role }),
  })
  expect(response.ok).toBe(true)
}

describe('Undo of a role change', () => {
  it('first checks the role is still the one Roster set: changed since by someone else, nothing is sent and it says so', async () => {
    const bob = plainMember()
    const member: Member = await openMemberPage(bob.id)
    const user = await changeRoleTo('Light')
    await within(notices()).findByText(`${member.fullName}'s role is now Light.`)

    await changeElsewhere(bob.id, 'admin')
    writes = []
    await user.click(within(notices()).getByRole('button', { name: /^Undo/ }))

    const message = `Not undone: ${member.fullName}'s role is now Administrator, changed since by someone else.`
    expect(await within(notices()).findByText(message)).toBeInTheDocument()
    expect(writes).toEqual([])
    expect(wireRole(bob)).toBe('admin')
    // What Tallyfy holds is what the page shows now, and the Activity entry says the same.
    await waitFor(() => expect(within(badges()).getByText('Administrator')).toBeInTheDocument())
    expect(directoryRow(bob.id)?.role).toBe('admin')
    expect(entry(`Change ${member.fullName}'s role to Light`)).toMatchObject({
      outcome: 'done',
      detail: message,
      canUndo: false,
    })
  })

  it("when the role is still Roster's, goes back; the notice's Undo and the Activity entry's Undo are one", async () => {
    const bob = plainMember()
    const member = await openMemberPage(bob.id)
    const user = await changeRoleTo('Light')
    await within(notices()).findByText(`${member.fullName}'s role is now Light.`)
    const label = `Change ${member.fullName}'s role to Light`
    expect(entry(label)).toMatchObject({ outcome: 'done', canUndo: true })

    writes = []
    await user.click(within(notices()).getByRole('button', { name: /^Undo/ }))
    await within(notices()).findByText(`${member.fullName}'s role is Standard again.`)
    expect(wireRole(bob)).toBe('standard')
    expect(entry(label)).toMatchObject({ outcome: 'undone', canUndo: false })
    // The panel's Undo has nothing left to run: Undo ran once.
    expect(activity.undo(entry(label)!.id)).toBe(false)
    expect(writes).toEqual([`PUT /api${USERS}/${bob.id}/role`])
  })
})

describe('a write whose answer was lost', () => {
  it('role change applied, then the connection dropped: done, nothing rolled back', async () => {
    const bob = plainMember()
    const member = await openMemberPage(bob.id)
    faults.set({ dropAfterWrite: true, times: 1 })
    await changeRoleTo('Light')
    await within(notices()).findByText(`${member.fullName}'s role is now Light.`)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(within(badges()).getByText('Light')).toBeInTheDocument()
    expect(directoryRow(bob.id)?.role).toBe('light')
    expect(entry(`Change ${member.fullName}'s role to Light`)).toMatchObject({ outcome: 'done' })
  })

  it('role change answered 500 and not applied: rolled back, and recorded as failed', async () => {
    const bob = plainMember()
    const member = await openMemberPage(bob.id)
    faults.set({ status: 500, method: 'PUT', times: 1 })
    await changeRoleTo('Light')
    expect(await screen.findByRole('alert')).toHaveTextContent('Tallyfy is having trouble right now.')
    expect(within(badges()).getByText('Standard')).toBeInTheDocument()
    expect(directoryRow(bob.id)?.role).toBe('standard')
    expect(entry(`Change ${member.fullName}'s role to Light`)).toMatchObject({ outcome: 'failed' })
  })

  it('disable applied, the connection dropped and the member cannot be read again: uncertain, and says so', async () => {
    const bob = plainMember()
    const member = await openMemberPage(bob.id)
    faults.set({ dropAfterWrite: true, times: 1 })
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Disable member' }))
    server.use(http.get(`*/api${USERS}/${bob.id}`, () => HttpResponse.error()))
    const dialog = screen.getByRole('alertdialog', { name: `Disable ${member.fullName}?` })
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Roster could not read the member again to see whether Tallyfy made it',
    )
    expect(entry(`Disable ${member.fullName}`)).toMatchObject({ outcome: 'uncertain' })
  })
})

describe('every member write lands in Activity', () => {
  it('disable and enable, each with its label and outcome', async () => {
    const bob = plainMember()
    const member = await openMemberPage(bob.id)
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Disable member' }))
    await user.click(
      within(screen.getByRole('alertdialog', { name: `Disable ${member.fullName}?` })).getByRole('button', {
        name: 'Disable',
      }),
    )
    await within(notices()).findByText(`${member.fullName} is disabled and no longer in any group.`)
    await user.click(screen.getByRole('button', { name: 'Enable member' }))
    await within(notices()).findByText(`${member.fullName} is enabled again.`)
    expect(entries().map((e) => [e.label, e.outcome])).toEqual([
      [`Enable ${member.fullName}`, 'done'],
      [`Disable ${member.fullName}`, 'done'],
    ])
  })

  it("a refusal in Tallyfy's words", async () => {
    const admin = org.members.find((m) => m.id === DEFAULT_ADMIN_ID)!
    const member = await openMemberPage(admin.id)
    await changeRoleTo('Light')
    const refusal =
      'Cannot modify the default administrator. Please assign another member as default administrator first.'
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal)
    expect(entry(`Change ${member.fullName}'s role to Light`)).toMatchObject({
      outcome: 'refused',
      detail: refusal,
    })
  })

  it('an invitation whose connection dropped after Tallyfy sent it: found by email, done, and in the directory', async () => {
    qc = createTestQueryClient()
    await qc.fetchQuery(memberQueries.directory(DEMO_ORG_ID))
    let invited: { member: Member | null; email: string } | null = null
    render(
      <QueryClientProvider client={qc}>
        <NoticeHost>
          <InviteMemberDialog
            orgId={DEMO_ORG_ID}
            onClose={() => {}}
            onInvited={(member, email) => (invited = { member, email })}
          />
        </NoticeHost>
      </QueryClientProvider>,
    )
    faults.set({ dropAfterWrite: true, times: 1 })
    const user = userEvent.setup()
    const dialog = screen.getByRole('dialog', { name: 'Invite member' })
    await user.type(within(dialog).getByLabelText('Email'), 'Ada.Lovelace@example.com')
    await user.type(within(dialog).getByLabelText('First name'), 'Ada')
    await user.type(within(dialog).getByLabelText('Last name'), 'Lovelace')
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }))

    await waitFor(() => expect(invited).not.toBeNull())
    expect(invited!.member).toMatchObject({ fullName: 'Ada Lovelace', status: 'invited' })
    expect(writes.filter((w) => w.startsWith('POST'))).toHaveLength(1)
    expect(entry('Invite Ada.Lovelace@example.com')).toMatchObject({ outcome: 'done' })
    expect(
      qc
        .getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)
        ?.members.filter((m) => m.email?.toLowerCase() === 'ada.lovelace@example.com'),
    ).toHaveLength(1)
  })
})

/** The notices as the layout's host would show them, without any page mounted. */
function noticeLog() {
  const shown: NoticeInput[] = []
  const notify: Notify = (notice) => {
    shown.push(notice)
    return { update: (next) => void shown.push(next), dismiss: () => {} }
  }
  return { shown, notify }
}

describe('outside the page that made them', () => {
  it('Undo from the Activity panel, with the page gone, still checks first and says what happened', async () => {
    const bob = plainMember()
    qc = createTestQueryClient()
    const member = await qc.fetchQuery(memberQueries.detail(DEMO_ORG_ID, bob.id))
    const { shown, notify } = noticeLog()
    await changeRole({ qc, notify, orgId: DEMO_ORG_ID }, member, 'light', { isSelf: false })
    await changeElsewhere(bob.id, 'admin')

    const label = `Change ${member.fullName}'s role to Light`
    expect(activity.undo(entry(label)!.id)).toBe(true)
    const message = `Not undone: ${member.fullName}'s role is now Administrator, changed since by someone else.`
    await waitFor(() => expect(shown.at(-1)).toEqual({ message, tone: 'error' }))
    expect(entry(label)).toMatchObject({ detail: message, canUndo: false })
    expect(wireRole(bob)).toBe('admin')
  })

  it('a write still queued when the session expires is not sent, and Activity keeps saying so', async () => {
    const bob = plainMember()
    qc = createTestQueryClient()
    const member = await qc.fetchQuery(memberQueries.detail(DEMO_ORG_ID, bob.id))
    const ctx = { qc, orgId: DEMO_ORG_ID, ...noticeLog() }
    // The session expires while the role change is on its way.
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'PUT') credentialStore.endSession('expired')
    })
    const first = changeRole(ctx, member, 'light', { isSelf: false })
    // Queued behind the role change (one member, one queue), so it would go after the expiry.
    const second = disableMember(ctx, member).catch((e: unknown) => e)
    await first
    expect(await second).toMatchObject({ kind: 'aborted' })
    expect(entry(`Disable ${member.fullName}`)).toMatchObject({ outcome: 'not-sent' })
    expect(bob.status).toBe('active')
    expect(writes).toEqual([`PUT /api${USERS}/${bob.id}/role`])
  })
})
