// The invite form's own error line (a refusal that is about no one field) must be announced:
// focus stays on "Send invitation", so a silent paragraph would go unnoticed by a screen reader.
import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { createTestQueryClient, TEST_ORG_ID } from '../../test/render-page'
import { InviteMemberDialog } from './invite-member-dialog'

const FORBIDDEN = "You don't have application's permissions for this organization!"

// Tallyfy refuses the invitation for a reason that is about no one field.
const server = setupServer(
  http.post(`*/api/organizations/${TEST_ORG_ID}/users/invite`, () =>
    HttpResponse.json({ error: true, message: FORBIDDEN }, { status: 403 }),
  ),
)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
beforeEach(() => {
  credentialStore.set({ orgId: TEST_ORG_ID, token: 'test-token', demo: false }, { remember: false })
})
afterEach(() => credentialStore.clear())

it("announces a refusal that is about no one field (role=alert), in Tallyfy's words", async () => {
  const user = userEvent.setup()
  const onInvited = vi.fn<(member: unknown, email: string) => void>()
  render(
    <QueryClientProvider client={createTestQueryClient()}>
      <InviteMemberDialog orgId={TEST_ORG_ID} onClose={() => {}} onInvited={onInvited} />
    </QueryClientProvider>,
  )
  const dialog = screen.getByRole('dialog', { name: 'Invite member' })
  expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
  await user.type(within(dialog).getByLabelText('Email'), 'nia.okafor@example.com')
  await user.type(within(dialog).getByLabelText('First name'), 'Nia')
  await user.type(within(dialog).getByLabelText('Last name'), 'Okafor')
  await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }))

  expect(await within(dialog).findByRole('alert')).toHaveTextContent(FORBIDDEN)
  expect(onInvited).not.toHaveBeenCalled()
})
