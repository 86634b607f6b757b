import { act, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { errorFromHttp } from '../../api/describe-error'
import { activity } from '../../api/writes/activity'
import { renderPage, TEST_ORG_ID } from '../../test/render-page'
import { ActivityButton } from './activity-button'

afterEach(() => activity.clear())

const refused = errorFromHttp(
  403,
  new Headers({ 'Content-Type': 'application/json' }),
  JSON.stringify({ message: 'Cannot disable guest with incomplete tasks' }),
)

function deferred() {
  let resolve: (() => void) | undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve: () => resolve?.() }
}

/** Whether the page asked the browser to confirm leaving. */
function beforeUnload(): boolean {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('the Activity panel', () => {
  it('opens from the header and lists every write of the session with its outcome', async () => {
    const user = userEvent.setup()
    activity.start(TEST_ORG_ID, 'Disable guest ada@example.com').fail(refused, 'guest')
    activity.start(TEST_ORG_ID, 'Change Bob Smith’s role to Light').done()
    activity.start('another-org', 'Not this organization’s').done()
    renderPage({ '/': <ActivityButton /> }, { path: '/' })

    await user.click(screen.getByRole('button', { name: 'Activity' }))
    const panel = await screen.findByRole('dialog', { name: 'Activity' })
    const items = within(panel).getAllByRole('listitem')
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Change Bob Smith’s role to LightDone/),
      expect.stringMatching(
        /^Disable guest ada@example.comRefused by TallyfyCannot disable guest with incomplete tasks/,
      ),
    ])
  })

  it('offers Undo while Undo is possible, runs it once, and says when it was undone', async () => {
    const user = userEvent.setup()
    const undo = vi.fn<() => void>()
    const record = activity.start(TEST_ORG_ID, 'Add Bob Smith to Engineering')
    record.done({ undo })
    renderPage({ '/': <ActivityButton /> }, { path: '/' })
    await user.click(screen.getByRole('button', { name: 'Activity' }))
    const panel = await screen.findByRole('dialog', { name: 'Activity' })

    await user.click(within(panel).getByRole('button', { name: 'Undo: Add Bob Smith to Engineering' }))
    expect(undo).toHaveBeenCalledTimes(1)
    expect(within(panel).queryByRole('button', { name: /^Undo/ })).toBeNull()
    record.undone()
    expect(await within(panel).findByText('Undone')).toBeInTheDocument()
  })

  it('shows a batch’s progress while it runs, and opens its results again', async () => {
    const user = userEvent.setup()
    const record = activity.start(TEST_ORG_ID, 'Change 40 members’ role to Light')
    record.progress(12, 40)
    const showResults = vi.fn<() => void>()
    record.setOpen('Show results', showResults)
    renderPage({ '/': <ActivityButton /> }, { path: '/' })
    await user.click(screen.getByRole('button', { name: 'Activity' }))
    const panel = await screen.findByRole('dialog', { name: 'Activity' })

    const progress = within(panel).getByRole('progressbar', {
      name: 'Progress: Change 40 members’ role to Light',
    })
    expect(progress).toHaveAttribute('value', '12')
    expect(progress).toHaveAttribute('max', '40')
    expect(within(panel).getByText('12 of 40')).toBeInTheDocument()
    act(() => record.progress(13, 40))
    expect(progress).toHaveAttribute('value', '13')

    await user.click(
      within(panel).getByRole('button', { name: 'Show results: Change 40 members’ role to Light' }),
    )
    expect(showResults).toHaveBeenCalledTimes(1)
    // The panel makes way for the results.
    expect(screen.queryByRole('dialog', { name: 'Activity' })).toBeNull()
  })

  it('no longer shows the progress once the batch has ended', async () => {
    const user = userEvent.setup()
    const record = activity.start(TEST_ORG_ID, 'Disable 12 members')
    record.progress(12, 12)
    record.settle('done', '12 done')
    renderPage({ '/': <ActivityButton /> }, { path: '/' })
    await user.click(screen.getByRole('button', { name: 'Activity' }))
    const panel = await screen.findByRole('dialog', { name: 'Activity' })
    expect(within(panel).getByText('12 done')).toBeInTheDocument()
    expect(within(panel).queryByRole('progressbar')).toBeNull()
  })

  it('says so when nothing has been changed yet', async () => {
    const user = userEvent.setup()
    renderPage({ '/': <ActivityButton /> }, { path: '/' })
    await user.click(screen.getByRole('button', { name: 'Activity' }))
    expect(await screen.findByText(/No changes yet in this session/)).toBeInTheDocument()
  })

  it('asks before the tab closes while a change is still being sent', async () => {
    const { queryClient } = renderPage({ '/': <ActivityButton /> }, { path: '/' })
    expect(beforeUnload()).toBe(false)
    const sent = deferred()
    const running = queryClient
      .getMutationCache()
      .build(queryClient, { mutationFn: () => sent.promise })
      .execute(undefined)
    await vi.waitFor(() => expect(beforeUnload()).toBe(true))
    sent.resolve()
    await running
    await vi.waitFor(() => expect(beforeUnload()).toBe(false))
  })
})
