// "Save view" saves once however fast it is pressed twice: a second press before the dialog has
// closed would replace the view again and say so twice.
import { act, fireEvent, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it, vi } from 'vitest'
import { readSavedViews, saveView } from '../../lib/saved-views'
import { renderPage, TEST_ORG_ID } from '../../test/render-page'
import SaveViewDialog from './save-view-dialog'

const orgId = TEST_ORG_ID
afterEach(() => localStorage.clear())

it('Replace view pressed twice replaces once, says so once and closes once', async () => {
  saveView(orgId, { list: 'guests', name: 'Mine', search: '?status=active' })
  const onClose = vi.fn<() => void>()
  const user = userEvent.setup()
  renderPage(
    {
      '/guests': <SaveViewDialog orgId={orgId} list="guests" search="?status=disabled" onClose={onClose} />,
    },
    { path: '/guests' },
  )
  const dialog = screen.getByRole('dialog', { name: 'Save view' })
  await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), 'Mine')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  const replace = within(dialog).getByRole('button', { name: 'Replace view' })
  // Two presses in one turn of the event loop: the second comes before any re-render.
  act(() => {
    fireEvent.click(replace)
    fireEvent.click(replace)
  })
  expect(await screen.findAllByText('Replaced view “Mine”')).toHaveLength(1)
  expect(onClose).toHaveBeenCalledTimes(1)
  expect(readSavedViews(orgId)).toEqual([{ list: 'guests', name: 'Mine', search: '?status=disabled' }])
})
