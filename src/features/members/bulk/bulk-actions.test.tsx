// The selection bar's actions and their dialog, as an admin uses them: each button opens a dialog
// that says what will happen and who will be skipped (counts and names), its confirm button names
// the real number, then the batch's progress and a result per person, against the demo's handlers.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../../../api/credentials'
import { groupQueries } from '../../../api/groups/queries'
import { meQueries } from '../../../api/me'
import { memberQueries } from '../../../api/members/queries'
import { activity } from '../../../api/writes/activity'
import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_TOKEN } from '../../../demo/credentials'
import {
  BOT_MEMBER_ID,
  DEFAULT_ADMIN_ID,
  wireRole,
  type WireGroup,
  type WireMember,
} from '../../../demo/data'
import { demoBatchTests } from '../../../test/demo-batch-tests'
import { renderPage } from '../../../test/render-page'
import { batchLockName, journalKey } from '../../../api/writes/batch-journal'
import { UnfinishedBatch } from './unfinished-batch'
import { BulkActions } from './bulk-actions'
import { unmountBulkDialogHost } from './bulk-dialog-host'

const { server, org, faults, writes, queryClient } = demoBatchTests({ members: 160, groups: false })

let qc: QueryClient
beforeEach(() => {
  qc = queryClient()
})
afterEach(() => unmountBulkDialogHost())

const taken = new Set([DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID])
/** `n` members of the demo no other test of this file has used, as the filter wants them. */
function fresh(n: number, status: WireMember['status'] = 'active', role = 'standard', notIn?: WireGroup) {
  const found = org.members
    .filter(
      (m) =>
        !taken.has(m.id) &&
        m.status === status &&
        wireRole(m)?.toLowerCase() === role &&
        !notIn?.members.some((id) => Number(id) === m.id) &&
        !m.full_name.startsWith('='),
    )
    .slice(0, n)
  if (found.length < n) throw new Error('the demo has too few such members left')
  for (const m of found) taken.add(m.id)
  return found
}

function renderBar(ids: readonly number[], { isAdmin = true, exportRows = vi.fn<() => void>() } = {}) {
  const directory = qc.getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)
  const membersById = new Map((directory?.members ?? []).map((m) => [String(m.id), m]))
  render(
    <QueryClientProvider client={qc}>
      <div role="toolbar" aria-label="Selected members">
        <BulkActions
          orgId={DEMO_ORG_ID}
          selectedIds={ids.map(String)}
          membersById={membersById}
          isAdmin={isAdmin}
          exportRows={exportRows}
        />
      </div>
    </QueryClientProvider>,
  )
  return { exportRows }
}

const bar = () => screen.getByRole('toolbar', { name: 'Selected members' })

/** Holds the disable of each of `memberIds` until the returned function is called (then the demo answers). */
function holdDisable(...memberIds: number[]): () => void {
  const gate: { open?: () => void } = {}
  const opened = new Promise<void>((resolve) => (gate.open = resolve))
  for (const memberId of memberIds)
    server.use(
      http.delete(`*/users/${memberId}/disable`, async () => {
        await opened
        return undefined
      }),
    )
  return () => gate.open?.()
}

/** A batch a reload cut short: its journal is all that is left of it. */
function journal(items: Record<string, string>) {
  localStorage.setItem(
    journalKey(DEMO_ORG_ID),
    JSON.stringify({
      id: 'b-cut-short',
      kind: 'disable',
      params: {},
      label: `Disable ${Object.keys(items).length} members`,
      startedAt: Date.now() - 60_000,
      items,
    }),
  )
}

describe('the bar', () => {
  it('offers every action to an admin, and only "Export selected" to anyone else', async () => {
    const user = userEvent.setup()
    const { exportRows } = renderBar([1005], { isAdmin: false })
    const buttons = within(bar()).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['Export selected'])
    await user.click(buttons[0]!)
    expect(exportRows).toHaveBeenCalledOnce()
  })

  it('admins: Change role, Disable, Enable, Add to group, Remove from group, Resend and Withdraw invitation, Export', () => {
    renderBar([1005])
    expect(
      within(bar())
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Change role',
      'Disable',
      'Enable',
      'Add to group',
      'Remove from group',
      'Resend invitation',
      'Withdraw invitation',
      'Export selected',
    ])
  })
})

describe('before it runs', () => {
  it('Disable: skips the default administrator, yourself and the bot, lists them, and names the real number', async () => {
    const user = userEvent.setup()
    const people = fresh(3)
    renderBar([DEFAULT_ADMIN_ID, DEMO_ME_ID, BOT_MEMBER_ID, ...people.map((m) => m.id)])
    await user.click(within(bar()).getByRole('button', { name: 'Disable' }))

    const dialog = screen.getByRole('dialog', { name: 'Disable' })
    expect(dialog).toHaveAccessibleDescription(
      /3 members of the 6 selected will no longer be able to sign in/,
    )
    const skips = within(dialog).getByRole('region', { name: '3 will be skipped' })
    expect(
      within(skips)
        .getAllByRole('listitem')
        .slice(0, 3)
        .map((li) => li.textContent),
    ).toEqual([
      "Tallyfy's bot (Tallyfy refuses every change to it)",
      'The default administrator (Tallyfy refuses this change)',
      'You (change your own access on your member page)',
    ])
    // The people behind the counts, on request.
    await user.click(within(skips).getByText('Show who is skipped'))
    const me = org.members.find((m) => m.id === DEMO_ME_ID)!
    expect(within(skips).getByText(me.full_name).nextSibling).toHaveTextContent(
      'You: change your own access on your member page',
    )
    expect(within(dialog).getByRole('button', { name: 'Disable 3 members' })).toBeEnabled()
    expect(writes).toEqual([])
  })

  it('Change role: the select "New role" decides who is skipped; the confirm button follows it', async () => {
    const user = userEvent.setup()
    const [light] = fresh(1, 'active', 'light')
    const standard = fresh(2)
    renderBar([light!.id, ...standard.map((m) => m.id)])
    await user.click(within(bar()).getByRole('button', { name: 'Change role' }))
    const dialog = screen.getByRole('dialog', { name: 'Change role' })
    const confirm = within(dialog).getByRole('button', { name: 'Change role of 3 members' })
    expect(confirm).toBeDisabled()

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New role' }), 'Light')
    expect(within(dialog).getByRole('button', { name: 'Change role of 2 members' })).toBeEnabled()
    expect(within(dialog).getByRole('region', { name: '1 will be skipped' })).toHaveTextContent(
      '1 already Light',
    )

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'New role' }), 'Standard')
    expect(within(dialog).getByRole('button', { name: 'Change role of 1 member' })).toBeEnabled()
  })

  it('the confirm button is disabled while there is nobody to change', async () => {
    const user = userEvent.setup()
    renderBar(fresh(2).map((m) => m.id))
    await user.click(within(bar()).getByRole('button', { name: 'Enable' }))
    const dialog = screen.getByRole('dialog', { name: 'Enable' })
    expect(within(dialog).getByRole('button', { name: 'Enable 0 members' })).toBeDisabled()
    expect(within(dialog).getByRole('region', { name: '2 will be skipped' })).toHaveTextContent(
      '2 not disabled',
    )
  })

  it('Add to group: the combobox "Group" chooses the group, and the button names it', async () => {
    const user = userEvent.setup()
    const group = org.groups[3]!
    const [inside] = fresh(1)
    group.members.push(inside!.id)
    const outside = fresh(2, 'active', 'standard', group)
    await qc.fetchQuery(groupQueries.list(DEMO_ORG_ID))
    renderBar([inside!.id, ...outside.map((m) => m.id)])
    await user.click(within(bar()).getByRole('button', { name: 'Add to group' }))
    const dialog = screen.getByRole('dialog', { name: 'Add to group' })
    await user.type(within(dialog).getByRole('combobox', { name: 'Group' }), group.name.slice(0, 6))
    await user.click(within(dialog).getByRole('option', { name: group.name }))
    expect(within(dialog).getByRole('button', { name: `Add 2 members to ${group.name}` })).toBeEnabled()
    expect(within(dialog).getByRole('region', { name: '1 will be skipped' })).toHaveTextContent(
      `1 already in ${group.name}`,
    )
  })

  it('Withdraw invitation: an alert dialog that names what is lost, in the singular for one', async () => {
    const user = userEvent.setup()
    const [invited] = fresh(1, 'invited')
    const [active] = fresh(1)
    renderBar([invited!.id, active!.id])
    await user.click(within(bar()).getByRole('button', { name: 'Withdraw invitation' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Withdraw invitation' })
    expect(dialog).toHaveAccessibleDescription(/The invitation will stop working.*leaves the member list/)
    expect(dialog).toHaveTextContent('This cannot be undone')
    expect(within(dialog).getByRole('region', { name: '1 will be skipped' })).toHaveTextContent(
      '1 is not an invitation',
    )
    expect(within(dialog).getByRole('button', { name: 'Withdraw 1 invitation' })).toBeEnabled()
  })
})

describe('while and after it runs', () => {
  it('shows progress with its value and Stop, then a result per person; closing keeps it running', async () => {
    const user = userEvent.setup()
    const people = fresh(3)
    // The first request is held, so the progress can be seen before anything is done.
    const release = holdDisable(people[0]!.id)
    renderBar([DEMO_ME_ID, ...people.map((m) => m.id)])
    await user.click(within(bar()).getByRole('button', { name: 'Disable' }))
    await user.click(screen.getByRole('button', { name: 'Disable 3 members' }))

    const dialog = screen.getByRole('dialog', { name: 'Disable 3 members' })
    const progress = within(dialog).getByRole('progressbar', { name: 'Disable 3 members' })
    await waitFor(() => expect(progress).toHaveAttribute('aria-valuenow', '3'))
    expect(progress).toHaveAttribute('aria-valuemax', '4')
    expect(dialog).toHaveTextContent('3 of 4')
    expect(within(dialog).getByRole('button', { name: 'Stop' })).toHaveFocus()

    // Closing the dialog does not stop it; the Activity entry reopens it.
    await user.click(within(dialog).getByRole('button', { name: 'Continue in the background' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    release()
    await waitFor(() => expect(activity.list(DEMO_ORG_ID)[0]?.outcome).toBe('done'))
    const entry = activity.list(DEMO_ORG_ID)[0]!
    expect(entry.label).toBe('Disable 3 members')
    expect(entry.open?.label).toBe('Show results')
    entry.open?.run()

    const results = await screen.findByRole('dialog', { name: 'Disable 3 members' })
    expect(within(results).getByRole('heading', { name: 'Finished' })).toHaveFocus()
    const rows = within(within(results).getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]?.textContent)).toEqual([
      'Skipped',
      'Done',
      'Done',
      'Done',
    ])
    expect(within(results).getByRole('button', { name: 'Download results' })).toBeEnabled()
    expect(within(results).getByRole('button', { name: 'Undo' })).toBeEnabled()
    expect(within(results).queryByRole('button', { name: 'Retry failed' })).toBeNull()
  })

  it("says how long Tallyfy's rate limit holds the batch, then finishes", async () => {
    const user = userEvent.setup()
    faults.set({ rateLimitEvery: 2 })
    renderBar(fresh(3).map((m) => m.id))
    await user.click(within(bar()).getByRole('button', { name: 'Disable' }))
    await user.click(screen.getByRole('button', { name: 'Disable 3 members' }))
    const dialog = screen.getByRole('dialog', { name: 'Disable 3 members' })
    expect(await within(dialog).findByText("Waiting 1 s for Tallyfy's rate limit")).toBeInTheDocument()
    expect(
      await within(dialog).findByRole('heading', { name: 'Finished' }, { timeout: 4000 }),
    ).toBeInTheDocument()
    expect(dialog).toHaveTextContent('3 done')
  })

  it('Undo from the results reverts them, as its own batch with its results', async () => {
    const user = userEvent.setup()
    const people = fresh(2)
    renderBar(people.map((m) => m.id))
    await user.click(within(bar()).getByRole('button', { name: 'Change role' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'New role' }), 'Light')
    await user.click(screen.getByRole('button', { name: 'Change role of 2 members' }))
    const dialog = await screen.findByRole('dialog', { name: "Change 2 members' role to Light" })
    await within(dialog).findByRole('heading', { name: 'Finished' })
    await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
    const undone = await screen.findByRole('dialog', { name: "Undo: Change 2 members' role to Light" })
    await within(undone).findByRole('heading', { name: 'Finished' })
    expect(undone).toHaveTextContent('2 undone')
    for (const m of people) expect(wireRole(m)).toBe('standard')
    expect(
      activity.list(DEMO_ORG_ID).find((e) => e.label === "Change 2 members' role to Light")?.outcome,
    ).toBe('undone')
  })
})

describe('the session', () => {
  it('signing out closes the dialog and forgets the results and their names', async () => {
    const user = userEvent.setup()
    renderBar(fresh(1).map((m) => m.id))
    await user.click(within(bar()).getByRole('button', { name: 'Disable' }))
    await user.click(screen.getByRole('button', { name: 'Disable 1 member' }))
    const dialog = await screen.findByRole('dialog', { name: 'Disable 1 member' })
    await within(dialog).findByRole('heading', { name: 'Finished' })
    const entry = activity.list(DEMO_ORG_ID)[0]!
    act(() => credentialStore.endSession('signed-out'))
    expect(screen.queryByRole('dialog')).toBeNull()
    // Signed in again, the old "Show results" has nothing left to show.
    act(() => credentialStore.set({ orgId: DEMO_ORG_ID, token: DEMO_TOKEN, demo: true }, { remember: false }))
    act(() => entry.open?.run())
    expect(await screen.findByRole('dialog')).toHaveTextContent('These results are no longer kept')
  })
})

describe('Resume', () => {
  it('is not offered while the batch still runs in this tab; once it is stopped, it is', async () => {
    const user = userEvent.setup()
    // Four go at once and are held; Stop leaves the last two unsent.
    const people = fresh(6)
    const release = holdDisable(...people.slice(0, 4).map((m) => m.id))
    renderBar(people.map((m) => m.id))
    await user.click(within(bar()).getByRole('button', { name: 'Disable' }))
    await user.click(screen.getByRole('button', { name: 'Disable 6 members' }))
    await user.click(screen.getByRole('button', { name: 'Stop' }))
    await import('./resume-notice')
    renderPage(
      { '/members': <UnfinishedBatch orgId={DEMO_ORG_ID} /> },
      { path: '/members', queryClient: qc, orgId: DEMO_ORG_ID },
    )
    await act(async () => {})
    expect(screen.queryByRole('region', { name: /did not finish/ })).toBeNull()
    release()
    // Stopped with someone not sent: that is what Resume is for.
    expect(
      await screen.findByRole('region', { name: '“Disable 6 members” did not finish' }),
    ).toHaveTextContent('2 of 6 people are still to do.')
  })

  it('after a reload, Resume does only what is left, checking first those perhaps sent', async () => {
    const user = userEvent.setup()
    const [done, sent, pending] = fresh(3)
    org.members.find((m) => m.id === done!.id)!.status = 'disabled'
    journal({ [done!.id]: 'done', [sent!.id]: 'sent', [pending!.id]: 'pending' })
    renderPage(
      { '/members': <UnfinishedBatch orgId={DEMO_ORG_ID} /> },
      { path: '/members', queryClient: qc, orgId: DEMO_ORG_ID },
    )
    const notice = await screen.findByRole('region', { name: '“Disable 3 members” did not finish' })
    expect(notice).toHaveTextContent(
      '2 of 3 people are still to do. 1 may have been changed before the page closed',
    )

    await user.click(within(notice).getByRole('button', { name: 'Resume' }))
    expect(screen.queryByRole('region', { name: /did not finish/ })).toBeNull()
    const dialog = await screen.findByRole('dialog', { name: 'Disable 3 members' })
    await within(dialog).findByRole('heading', { name: 'Finished' })
    expect(dialog).toHaveTextContent('3 done')
    expect(new Set(writes)).toEqual(
      new Set([
        `DELETE /api/organizations/${DEMO_ORG_ID}/users/${sent!.id}/disable`,
        `DELETE /api/organizations/${DEMO_ORG_ID}/users/${pending!.id}/disable`,
      ]),
    )
    expect(writes).toHaveLength(2)
    expect(localStorage.getItem(journalKey(DEMO_ORG_ID))).toBeNull()
  })

  it('is not offered while another tab of the browser runs the batch (it holds the batch’s lock)', async () => {
    // Web Locks as the browser has them: a held lock is seen by every tab, and goes with its tab.
    const held = new Set<string>()
    const locks = {
      query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive' })), pending: [] }),
      request: async (name: string, _options: unknown, callback: (lock: unknown) => unknown) => {
        if (held.has(name)) return callback(null)
        held.add(name)
        try {
          return await callback({ name })
        } finally {
          held.delete(name)
        }
      },
    }
    Object.defineProperty(navigator, 'locks', { configurable: true, value: locks })
    try {
      const [one] = fresh(1)
      journal({ [one!.id]: 'sent' })
      held.add(batchLockName(DEMO_ORG_ID, 'b-cut-short'))
      await import('./resume-notice')
      renderPage(
        { '/members': <UnfinishedBatch orgId={DEMO_ORG_ID} /> },
        { path: '/members', queryClient: qc, orgId: DEMO_ORG_ID },
      )
      // Once the page knows you are an administrator (who alone is offered Resume), and the lock asked.
      await waitFor(() => expect(qc.getQueryData(meQueries.current(DEMO_ORG_ID).queryKey)).toBeDefined())
      await act(async () => {})
      expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull()
      cleanup()

      // The other tab closed: its lock went with it, and the batch is offered here.
      held.clear()
      renderPage(
        { '/members': <UnfinishedBatch orgId={DEMO_ORG_ID} /> },
        { path: '/members', queryClient: qc, orgId: DEMO_ORG_ID },
      )
      expect(await screen.findByRole('button', { name: 'Resume' })).toBeEnabled()
      expect(writes).toEqual([])
    } finally {
      Reflect.deleteProperty(navigator, 'locks')
    }
  })

  it('Discard forgets the batch', async () => {
    const user = userEvent.setup()
    const [one] = fresh(1)
    journal({ [one!.id]: 'pending' })
    renderPage(
      { '/members': <UnfinishedBatch orgId={DEMO_ORG_ID} /> },
      { path: '/members', queryClient: qc, orgId: DEMO_ORG_ID },
    )
    await user.click(await screen.findByRole('button', { name: 'Discard' }))
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull()
    expect(localStorage.getItem(journalKey(DEMO_ORG_ID))).toBeNull()
    expect(writes).toEqual([])
  })
})
