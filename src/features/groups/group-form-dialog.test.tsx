import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { createDemoServer } from '../../demo/node'
import { renderPage } from '../../test/render-page'
import GroupFormDialog from './group-form-dialog'

const { server, org, faults } = createDemoServer({ members: 40 })
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() =>
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false }),
)
afterEach(() => {
  faults.reset()
  server.resetHandlers()
  server.events.removeAllListeners()
})
afterAll(() => server.close())

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

function renderForm() {
  return renderPage(
    {
      '/groups': <GroupFormDialog orgId={DEMO_ORG_ID} onClose={() => {}} />,
      '/groups/:groupId': <h1>Group page</h1>,
    },
    { path: '/groups', orgId: DEMO_ORG_ID },
  )
}

describe('GroupFormDialog', { timeout: 30_000 }, () => {
  it('puts Tallyfy’s 422 on the field it concerns, verbatim, and focuses it', async () => {
    const user = userEvent.setup()
    renderForm()
    const taken = org.groups[0]!.name
    await user.type(screen.getByRole('textbox', { name: 'Name' }), taken)
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Same name as another group')
    await user.click(screen.getByRole('button', { name: 'Create group' }))
    const name = screen.getByRole('textbox', { name: 'Name' })
    expect(await screen.findByText('The name has already been taken.')).toBeInTheDocument()
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveAccessibleDescription(expect.stringContaining('The name has already been taken.'))
    expect(name).toHaveFocus()
    expect(screen.getByRole('textbox', { name: 'Description' })).not.toHaveAttribute('aria-invalid')
  })

  it('maps both documented 422 shapes: a fault on description lands on Description', async () => {
    const user = userEvent.setup()
    faults.set({
      status: 422,
      field: 'description',
      message: 'The description must be a string.',
      method: 'POST',
    })
    renderForm()
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Brand new')
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'x')
    await user.click(screen.getByRole('button', { name: 'Create group' }))
    expect(await screen.findByText('The description must be a string.')).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveAttribute('aria-invalid', 'true')
  })

  it('refuses an empty name before any request, and a double click creates one group', async () => {
    const user = userEvent.setup()
    const posts: string[] = []
    // POSTs wait at the server until the test lets them through, so the second click surely lands
    // while the first request is unanswered; the demo's own handler then answers.
    const firstPost = deferred()
    server.use(
      http.post('*/api/organizations/:orgId/groups', async ({ request }) => {
        posts.push(request.url)
        await firstPost.promise
      }),
    )
    const { router } = renderForm()
    await user.click(screen.getByRole('button', { name: 'Create group' }))
    expect(screen.getByText('Enter a name for the group.')).toBeInTheDocument()
    expect(posts).toHaveLength(0)

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Night shift')
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'Covers 22:00–06:00')
    await user.dblClick(screen.getByRole('button', { name: 'Create group' }))
    await vi.waitFor(() => expect(posts).toHaveLength(1))
    firstPost.resolve()
    expect(await screen.findByRole('heading', { name: 'Group page' })).toBeInTheDocument()
    expect(posts).toHaveLength(1)
    expect(org.groups.filter((g) => g.name === 'Night shift')).toHaveLength(1)
    expect(router.location.pathname).toMatch(/^\/groups\/[0-9a-f]{32}$/)
  })
})
