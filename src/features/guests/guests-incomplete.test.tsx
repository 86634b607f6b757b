// A guests list that stopped short says so, as the members directory does: "Loaded 20 of 43
// guests" with Retry, the guests that came, and an export that says it is incomplete. Groups that did
// not all load say so here too, since each guest's Groups comes from them. Against the demo
// organization's handlers and their list faults.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { meQueries } from '../../api/me'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { createDemoServer } from '../../demo/node'
import { createTestQueryClient, renderPage } from '../../test/render-page'
import { Component as GuestsRoute } from './guests-route'

const { server, org, faults } = createDemoServer({ members: 60 })
const ORG = DEMO_ORG_ID
const ALL = org.guests.length
const GROUPS = org.groups.length

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => credentialStore.set({ orgId: ORG, token: DEMO_TOKEN, demo: true }, { remember: false }))
afterEach(() => {
  faults.reset()
  credentialStore.clear()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

function render(path = '/guests') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(meQueries.organizations(ORG).queryKey, [{ id: ORG, name: 'Demo' }])
  return renderPage({ '/guests': <GuestsRoute /> }, { path, queryClient, orgId: ORG })
}

const rowCount = () => within(screen.getByRole('table', { name: /Guests/ })).getAllByRole('row').length - 1

/** The names the browser was asked to save files as. */
function captureDownloads(): string[] {
  const names: string[] = []
  vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export')
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download)
  })
  return names
}

describe('an incomplete guests list', () => {
  it('a short page: says "Loaded 10 of N guests" with Retry, keeps the 10, and Retry loads the rest', async () => {
    expect(ALL).toBeGreaterThan(20)
    faults.set({ path: '/guests', perPageCap: 10, stopAfterPage: 1 })
    const user = userEvent.setup()
    render()
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent(`Loaded 10 of ${ALL} guests, so this list is incomplete.`)
    await waitFor(() => expect(rowCount()).toBe(10))

    faults.reset()
    await user.click(within(notice).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    expect(rowCount()).toBe(ALL)
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
  })

  it('a page that failed: says so, with why, and keeps the pages that came', async () => {
    faults.set({ path: '/guests', perPageCap: 10, failAfterPage: 2 })
    render()
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent(
      `Loaded 20 of ${ALL} guests, so this list is incomplete. Tallyfy is having trouble right now.`,
    )
    await waitFor(() => expect(rowCount()).toBe(20))
  })

  it('its export says it is incomplete, on the button and in the file name', async () => {
    faults.set({ path: '/guests', perPageCap: 10, stopAfterPage: 1 })
    const downloads = captureDownloads()
    const user = userEvent.setup()
    render()
    await screen.findByRole('alert')
    await user.click(await screen.findByRole('button', { name: 'Export CSV (incomplete)' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]).toMatch(/^roster-demo-guests-incomplete-\d{4}-\d{2}-\d{2}\.csv$/)
  })

  it('announced guests and none arrived: the notice, never "No guests yet"', async () => {
    faults.set({ path: '/guests', perPageCap: 10, stopAfterPage: 0 })
    render()
    expect(await screen.findByRole('alert')).toHaveTextContent(`Loaded 0 of ${ALL} guests`)
    expect(screen.queryByText('No guests yet')).toBeNull()
  })

  it('groups that stopped short: the Groups column says it may miss some, and "in no group" cannot be told', async () => {
    faults.set({ path: '/groups', perPageCap: 10, stopAfterPage: 1 })
    render('/guests?group=none')
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent(`Loaded 10 of ${GROUPS} groups, so the Groups column may miss some.`)
    expect(screen.getByRole('heading', { name: 'Can’t tell who is in no group' })).toBeInTheDocument()
    expect(screen.getByText(/Not every group could be loaded/)).toBeInTheDocument()
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('a whole list says nothing of the kind', async () => {
    render()
    await waitFor(() => expect(rowCount()).toBe(ALL))
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled()
  })
})
