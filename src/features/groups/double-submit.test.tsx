// Every write form of a group sends once however fast it is pressed twice: New group, Edit group,
// Add member, Add guest, Change logo, Remove logo, Delete group. The second press lands before React
// has re-rendered the form (both inside one event turn) while the first request is unanswered.
// Against the demo organization's handlers; each write waits at the server until the test lets it go.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import type { Me } from '../../api/types'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { REMOVED_MEMBER_ID, type WireGroup } from '../../demo/data'
import { createDemoServer } from '../../demo/node'
import { createTestQueryClient, renderPage } from '../../test/render-page'
import { Component as GroupDetailRoute } from './group-detail-route'
import { Component as GroupsRoute } from './groups-route'

const { server, org, faults } = createDemoServer({ members: 60 })
const ORG = DEMO_ORG_ID
const admin: Me = {
  id: 1,
  email: 'admin@example.com',
  fullName: 'Ad Min',
  role: 'admin',
  rawRole: 'admin',
  pictureUrl: null,
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => credentialStore.set({ orgId: ORG, token: DEMO_TOKEN, demo: true }, { remember: false }))
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  credentialStore.clear()
})
afterAll(() => server.close())

function render(path: string) {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.current(ORG).queryKey, admin)
  queryClient.setQueryData(meQueries.organizations(ORG).queryKey, [{ id: ORG, name: 'Demo' }])
  return renderPage(
    { '/groups': <GroupsRoute />, '/groups/:groupId': <GroupDetailRoute /> },
    { path, queryClient, orgId: ORG },
  )
}

/** Writes of this kind wait at the server until `release()`; then the demo answers them. */
function holdWrites(method: 'post' | 'put' | 'delete', path: string) {
  const sent: string[] = []
  let release!: () => void
  const held = new Promise<void>((resolve) => {
    release = resolve
  })
  server.use(
    http[method](`*/api/organizations/:orgId${path}`, async ({ request }) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`)
      await held
    }),
  )
  return { sent, release }
}

/** Two presses in one turn of the event loop: the second comes before any re-render. */
function twice(press: () => void) {
  act(() => {
    press()
    press()
  })
}
const doubleClick = (element: HTMLElement) => twice(() => fireEvent.click(element))

const plainGroup = (withLogo: boolean) =>
  org.groups.find(
    (g) =>
      Boolean(g.logo) === withLogo &&
      g.members.length > 0 &&
      g.members.every((id) => typeof id === 'number' && id !== REMOVED_MEMBER_ID),
  ) as WireGroup

async function openGroup(group: WireGroup) {
  render(`/groups/${group.id}`)
  expect(await screen.findByRole('heading', { level: 1, name: group.name })).toBeInTheDocument()
}

describe('a group write pressed twice sends once', { timeout: 30_000 }, () => {
  it('Create group', async () => {
    const writes = holdWrites('post', '/groups')
    const user = userEvent.setup()
    render('/groups')
    await user.click(await screen.findByRole('button', { name: 'New group' }))
    // The form is fetched on the first press (React.lazy).
    const dialog = await screen.findByRole('dialog', { name: 'New group' }, { timeout: 10_000 })
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Night shift')
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Covers 22:00–06:00')
    doubleClick(within(dialog).getByRole('button', { name: 'Create group' }))
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    await waitFor(() => expect(org.groups.filter((g) => g.name === 'Night shift')).toHaveLength(1))
    expect(writes.sent).toHaveLength(1)
  })

  it('Edit group', async () => {
    const group = plainGroup(false)
    const writes = holdWrites('put', '/groups/:groupId')
    const user = userEvent.setup()
    await openGroup(group)
    await user.click(screen.getByRole('button', { name: 'Edit group' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit group' }, { timeout: 10_000 })
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), ' Now on call.')
    doubleClick(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(await screen.findByText(`Saved ${group.name}.`)).toBeInTheDocument()
    expect(writes.sent).toEqual([`PUT /api/organizations/${ORG}/groups/${group.id}`])
  })

  it('Add member (the same person chosen twice)', async () => {
    const group = plainGroup(false)
    const outsider = org.members.find((m) => m.status === 'active' && !group.members.includes(m.id))!
    const writes = holdWrites('put', '/groups/:groupId')
    const user = userEvent.setup()
    await openGroup(group)
    await user.type(await screen.findByRole('combobox', { name: 'Add member' }), outsider.email)
    const option = await screen.findByRole('option', { name: new RegExp(outsider.email) })
    doubleClick(option)
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(await screen.findByText(`Added ${outsider.full_name} to ${group.name}.`)).toBeInTheDocument()
    expect(writes.sent).toHaveLength(1)
  })

  it('Add guest', async () => {
    const group = plainGroup(false)
    const writes = holdWrites('put', '/groups/:groupId')
    const user = userEvent.setup()
    await openGroup(group)
    await user.type(screen.getByRole('textbox', { name: 'Guest email' }), 'new.guest@client.example')
    doubleClick(screen.getByRole('button', { name: 'Add guest' }))
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(
      await screen.findByText(`Added guest new.guest@client.example to ${group.name}.`),
    ).toBeInTheDocument()
    expect(writes.sent).toHaveLength(1)
  })

  it('Change logo (a file chosen twice before the input re-renders)', async () => {
    const group = plainGroup(false)
    const writes = holdWrites('post', '/groups/:groupId/logo')
    await openGroup(group)
    const input = screen.getByLabelText('Change logo')
    const file = new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10])], 'logo.png', {
      type: 'image/png',
    })
    twice(() => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true })
      fireEvent.change(input)
    })
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(await screen.findByText(`Changed the logo of ${group.name}.`)).toBeInTheDocument()
    expect(writes.sent).toHaveLength(1)
  })

  it('Remove logo (the confirmation)', async () => {
    const group = plainGroup(true)
    const writes = holdWrites('delete', '/groups/:groupId/logo')
    const user = userEvent.setup()
    await openGroup(group)
    await user.click(screen.getByRole('button', { name: 'Remove logo' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove the logo?' }, { timeout: 10_000 })
    doubleClick(within(confirm).getByRole('button', { name: 'Remove' }))
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(await screen.findByText(`Removed the logo of ${group.name}.`)).toBeInTheDocument()
    expect(writes.sent).toHaveLength(1)
  })

  it('Delete group (the confirmation)', async () => {
    const group = plainGroup(false)
    const writes = holdWrites('delete', '/groups/:groupId')
    const user = userEvent.setup()
    await openGroup(group)
    await user.click(screen.getByRole('button', { name: 'Delete group' }))
    const confirm = await screen.findByRole(
      'alertdialog',
      { name: `Delete ${group.name}?` },
      { timeout: 10_000 },
    )
    doubleClick(within(confirm).getByRole('button', { name: 'Delete' }))
    await waitFor(() => expect(writes.sent).toHaveLength(1))
    writes.release()
    expect(await screen.findByText(`Deleted group ${group.name}.`)).toBeInTheDocument()
    expect(writes.sent).toEqual([`DELETE /api/organizations/${ORG}/groups/${group.id}`])
  })
})
