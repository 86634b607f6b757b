// Every write form of a member sends once however fast it is pressed twice: the invitation, a role
// change, disabling and enabling. The second click lands before React has re-rendered the button
// (both inside one event turn), while the first request is still unanswered.
import { QueryClientProvider } from '@tanstack/react-query'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse, type JsonBodyType } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import type { Me, Member } from '../../api/types'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { InviteMemberDialog } from './invite-member-dialog'
import { Component as MemberDetailRoute } from './member-detail-route'

const orgId = TEST_ORG_ID
const myself = makeMember({ id: 1001, fullName: 'Ada Admin', role: 'admin', rawRole: 'admin' })
const colleague = makeMember({ id: 1003, fullName: 'Sam Standard' })
const me: Me = {
  id: 1001,
  email: myself.email,
  fullName: 'Ada Admin',
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

const wire = (member: Member, fields: Record<string, unknown> = {}) => ({
  data: {
    id: member.id,
    email: member.email,
    full_name: member.fullName,
    role: member.role,
    status: member.status,
    ...fields,
  },
})

/**
 * Tallyfy, holding every write until the test lets it answer (so the second click surely lands
 * while the first is unanswered), then answering with `answer`. Returns the writes it received.
 */
function heldWrites(answer: (request: Request) => JsonBodyType) {
  const writes: string[] = []
  let release!: () => void
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http.all('*/api/*', async ({ request }) => {
      if (request.method === 'GET') return HttpResponse.json(answer(request))
      writes.push(`${request.method} ${new URL(request.url).pathname}`)
      await held
      return HttpResponse.json(answer(request))
    }),
  )
  return { writes, release }
}

/** Two clicks in one turn of the event loop: the second comes before any re-render. */
function doubleClick(element: HTMLElement) {
  act(() => {
    fireEvent.click(element)
    fireEvent.click(element)
  })
}

const server = setupServer()
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => credentialStore.set({ orgId, token: 'test-token', demo: false }, { remember: false }))
afterEach(() => {
  credentialStore.clear()
  server.resetHandlers()
})

function renderMemberPage(member: Member) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(orgId).queryKey, me)
  queryClient.setQueryData(memberQueries.directory(orgId).queryKey, completeDirectory([myself, member]))
  queryClient.setQueryData(memberQueries.detail(orgId, member.id).queryKey, member)
  renderPage({ '/members/:memberId': <MemberDetailRoute /> }, { path: `/members/${member.id}`, queryClient })
}

describe('a member write pressed twice sends once', () => {
  it('Send invitation', async () => {
    const invited = makeMember({ id: 2001, fullName: 'Nia Okafor', status: 'invited' })
    const tallyfy = heldWrites(() => wire(invited))
    const onInvited = vi.fn<(member: Member | null, email: string) => void>()
    const user = userEvent.setup()
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <InviteMemberDialog orgId={orgId} onClose={() => {}} onInvited={onInvited} />
      </QueryClientProvider>,
    )
    const dialog = screen.getByRole('dialog', { name: 'Invite member' })
    await user.type(within(dialog).getByLabelText('Email'), 'nia.okafor@example.com')
    await user.type(within(dialog).getByLabelText('First name'), 'Nia')
    await user.type(within(dialog).getByLabelText('Last name'), 'Okafor')
    doubleClick(within(dialog).getByRole('button', { name: 'Send invitation' }))
    await waitFor(() => expect(tallyfy.writes).toHaveLength(1))
    tallyfy.release()
    await waitFor(() => expect(onInvited).toHaveBeenCalledTimes(1))
    expect(tallyfy.writes).toEqual([`POST /api/organizations/${orgId}/users/invite`])
  })

  it('Change role', async () => {
    const tallyfy = heldWrites(() => wire(colleague, { role: 'admin' }))
    const user = userEvent.setup()
    renderMemberPage(colleague)
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Administrator')
    doubleClick(screen.getByRole('button', { name: 'Change role' }))
    await waitFor(() => expect(tallyfy.writes).toHaveLength(1))
    tallyfy.release()
    expect(await screen.findByText("Sam Standard's role is now Administrator.")).toBeInTheDocument()
    expect(tallyfy.writes).toEqual([`PUT /api/organizations/${orgId}/users/1003/role`])
  })

  it('Disable (the confirmation)', async () => {
    const tallyfy = heldWrites(() => wire(colleague, { status: 'disabled' }))
    const user = userEvent.setup()
    renderMemberPage(colleague)
    await user.click(screen.getByRole('button', { name: 'Disable member' }))
    const confirm = screen.getByRole('alertdialog', { name: 'Disable Sam Standard?' })
    doubleClick(within(confirm).getByRole('button', { name: 'Disable' }))
    await waitFor(() => expect(tallyfy.writes).toHaveLength(1))
    tallyfy.release()
    expect(
      await screen.findByText('Sam Standard is disabled and no longer in any group.'),
    ).toBeInTheDocument()
    expect(tallyfy.writes).toEqual([`DELETE /api/organizations/${orgId}/users/1003/disable`])
  })

  it('Enable member', async () => {
    const disabled = { ...colleague, status: 'disabled' as const }
    const tallyfy = heldWrites(() => wire(disabled, { status: 'active' }))
    renderMemberPage(disabled)
    doubleClick(screen.getByRole('button', { name: 'Enable member' }))
    await waitFor(() => expect(tallyfy.writes).toHaveLength(1))
    tallyfy.release()
    expect(await screen.findByText('Sam Standard is enabled again.')).toBeInTheDocument()
    expect(tallyfy.writes).toEqual([`PUT /api/organizations/${orgId}/users/1003/enable`])
  })
})
