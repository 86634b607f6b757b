// A notice is pushed out by newer ones (three at most on screen); the outcome of the write it told
// about is not: the Activity panel still lists it, with its Undo.
import { useQueryClient } from '@tanstack/react-query'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../api/credentials'
import { groupQueries } from '../../api/groups/queries'
import { activity } from '../../api/writes/activity'
import { useNotice } from '../../components/notices'
import { DEMO_ORG_ID, DEMO_TOKEN } from '../../demo/credentials'
import { createDemoServer } from '../../demo/node'
import { changeMembership } from '../../features/groups/membership-actions'
import { createTestQueryClient, renderPage } from '../../test/render-page'
import { ActivityButton } from './activity-button'

const { server, org } = createDemoServer({ members: 80 })
const group = org.groups.find(
  (g) => g.members.length >= 4 && g.members.every((id) => typeof id === 'number'),
)!
const leavers = group.members.slice(0, 4).map((id) => org.members.find((m) => m.id === id)!)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() =>
  credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false }),
)
afterEach(() => {
  activity.clear()
  credentialStore.clear()
})
afterAll(() => server.close())

function RemoveFour() {
  const qc = useQueryClient()
  const notify = useNotice()
  const removeAll = async () => {
    for (const m of leavers) {
      await changeMembership(
        { qc, notify, orgId: DEMO_ORG_ID, groupId: group.id },
        { removeMembers: [String(m.id)] },
        {
          label: `Remove ${m.full_name} from ${group.name}`,
          done: `Removed ${m.full_name} from ${group.name}.`,
          undone: `${m.full_name} is back.`,
          failed: `Could not remove ${m.full_name}`,
        },
      )
    }
  }
  return (
    <button type="button" onClick={() => void removeAll()}>
      Remove four
    </button>
  )
}

describe('an outcome outlives its notice', () => {
  it('four removals: three notices on screen, four outcomes in Activity, each with its Undo', async () => {
    const user = userEvent.setup()
    const queryClient = createTestQueryClient()
    await queryClient.fetchQuery(groupQueries.detail(DEMO_ORG_ID, group.id))
    renderPage(
      {
        '/': (
          <>
            <RemoveFour />
            <ActivityButton />
          </>
        ),
      },
      { path: '/', queryClient, orgId: DEMO_ORG_ID },
    )
    await user.click(screen.getByRole('button', { name: 'Remove four' }))
    const notices = screen.getByRole('status', { name: 'Notifications' })
    await within(notices).findByText(`Removed ${leavers[3]!.full_name} from ${group.name}.`)
    expect(within(notices).queryByText(`Removed ${leavers[0]!.full_name} from ${group.name}.`)).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Activity' }))
    const panel = await screen.findByRole('dialog', { name: 'Activity' })
    const entries = within(panel).getAllByRole('listitem')
    expect(entries).toHaveLength(4)
    for (const entry of entries) expect(entry).toHaveTextContent('Done')
    expect(
      within(panel).getByRole('button', { name: `Undo: Remove ${leavers[0]!.full_name} from ${group.name}` }),
    ).toBeInTheDocument()
  })
})
