import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { memberQueries } from '../../api/members/queries'
import { readSavedViews, saveView } from '../../lib/saved-views'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { columnChoiceRevision, columnStorageKey } from '../data-table/use-column-visibility'
import { ViewsMenu } from './views-menu'

const orgId = TEST_ORG_ID
const DAY = 86_400_000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

function renderGuestsMenu(
  path = '/guests',
  countOf: (search: string) => number | null = (search) => (search === '?group=none' ? 7 : 2),
) {
  return renderPage({ '/guests': <ViewsMenu orgId={orgId} list="guests" countOf={countOf} /> }, { path })
}

const button = () => screen.getByRole('button', { name: 'Views' })
const menu = () => screen.getByRole('menu', { name: 'Views' })
const items = () => within(menu()).getAllByRole('menuitem')
const focusedName = () => document.activeElement?.textContent

describe('the Views menu (APG menu button)', () => {
  it('Enter, Space and ArrowDown open it on the first item; ArrowUp on the last', async () => {
    const user = userEvent.setup()
    renderGuestsMenu()
    expect(button()).toHaveAttribute('aria-haspopup', 'menu')
    expect(button()).toHaveAttribute('aria-expanded', 'false')
    for (const key of ['{Enter}', ' ', '{ArrowDown}']) {
      button().focus()
      await user.keyboard(key)
      expect(button()).toHaveAttribute('aria-expanded', 'true')
      expect(button()).toHaveAttribute('aria-controls', menu().id)
      await waitFor(() => expect(document.activeElement).toBe(items()[0]))
      await user.keyboard('{Escape}')
      expect(screen.queryByRole('menu')).toBeNull()
      expect(document.activeElement).toBe(button())
    }
    await user.keyboard('{ArrowUp}')
    await waitFor(() => expect(document.activeElement).toBe(items().at(-1)))
    expect(document.activeElement).toHaveAccessibleName('Save view')
  })

  it('arrows move and wrap, Home and End jump, a letter finds an item, Tab closes', async () => {
    const user = userEvent.setup()
    renderGuestsMenu()
    button().focus()
    await user.keyboard('{ArrowDown}')
    await waitFor(() => expect(document.activeElement).toBe(items()[0]))
    expect(items().map((item) => item.getAttribute('tabindex'))).toEqual(['0', '-1', '-1'])
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toBe(items()[1])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(items()[0])
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toBe(items()[2])
    await user.keyboard('{Home}')
    expect(document.activeElement).toBe(items()[0])
    await user.keyboard('{End}')
    expect(document.activeElement).toBe(items()[2])
    await user.keyboard('d')
    expect(focusedName()).toMatch(/^Disabled guests/)
    await user.keyboard('{Tab}')
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('lists the built-in views with their live counts, each a link to its URL', async () => {
    const user = userEvent.setup()
    renderGuestsMenu()
    await user.click(button())
    const group = within(menu()).getByRole('group', { name: 'Built-in views' })
    const links = within(group).getAllByRole('menuitem')
    expect(links.map((link) => link.textContent)).toEqual(['Guests in no group7', 'Disabled guests2'])
    expect(links[0]).toHaveAccessibleName('Guests in no group, 7')
    expect(links[0]).toHaveAttribute('href', '/guests?group=none')
    expect(links[1]).toHaveAttribute('href', '/guests?status=disabled')
  })

  it('says a count it cannot tell is not known', async () => {
    const user = userEvent.setup()
    renderGuestsMenu('/guests', () => null)
    await user.click(button())
    expect(items()[0]).toHaveAccessibleName('Guests in no group, not known')
  })

  it('Enter on a view opens its URL, closes the menu and gives focus back to the button', async () => {
    const user = userEvent.setup()
    const { router } = renderGuestsMenu('/guests?q=pat')
    button().focus()
    await user.keyboard('{ArrowDown}')
    await waitFor(() => expect(document.activeElement).toBe(items()[0]))
    await user.keyboard('{ArrowDown}{Enter}')
    expect(router.location.pathname + router.location.search).toBe('/guests?status=disabled')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(document.activeElement).toBe(button())
  })

  it('a click on a view opens it too', async () => {
    const user = userEvent.setup()
    const { router } = renderGuestsMenu()
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: /Guests in no group/ }))
    expect(router.location.search).toBe('?group=none')
  })
})

describe('Save view', () => {
  it('saves the current search under a name; it then shows in the menu with its count and opens', async () => {
    const user = userEvent.setup()
    const { router } = renderGuestsMenu('/guests?q=pat&status=active&junk=1')
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: 'Save view' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save view' })
    const name = within(dialog).getByRole('textbox', { name: 'View name' })
    await waitFor(() => expect(name).toHaveFocus())

    // Empty names are refused.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(name).toHaveAccessibleDescription(/Enter a name for the view\./)
    expect(readSavedViews(orgId)).toEqual([])

    await user.type(name, 'Active Pats{Enter}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(readSavedViews(orgId)).toEqual([
      { list: 'guests', name: 'Active Pats', search: '?q=pat&status=active' },
    ])
    expect(await screen.findByText('Saved view “Active Pats”')).toBeInTheDocument()
    expect(button()).toHaveFocus()

    await user.click(button())
    const saved = within(menu()).getByRole('group', { name: 'Saved views' })
    expect(within(saved).getByRole('menuitem', { name: 'Active Pats, 2' })).toHaveAttribute(
      'href',
      '/guests?q=pat&status=active',
    )
    expect(within(saved).getByRole('menuitem', { name: 'Delete view Active Pats' })).toBeInTheDocument()
    await act(() => router.navigate('/guests'))
    await user.click(within(menu()).getByRole('menuitem', { name: 'Active Pats, 2' }))
    expect(router.location.search).toBe('?q=pat&status=active')
  })

  it('refuses a name in use once, then replaces it when saved again', async () => {
    const user = userEvent.setup()
    saveView(orgId, { list: 'guests', name: 'Mine', search: '?status=active' })
    renderGuestsMenu('/guests?status=disabled')
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: 'Save view' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save view' })
    await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), ' mine ')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(
      within(dialog).getByText('A view named “mine” already exists. Save again to replace it.'),
    ).toBeVisible()
    expect(readSavedViews(orgId)[0]?.search).toBe('?status=active')
    await user.click(within(dialog).getByRole('button', { name: 'Replace view' }))
    expect(readSavedViews(orgId)).toEqual([{ list: 'guests', name: 'mine', search: '?status=disabled' }])
  })

  it('refuses a built-in view’s name', async () => {
    const user = userEvent.setup()
    renderGuestsMenu()
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: 'Save view' }))
    const dialog = await screen.findByRole('dialog', { name: 'Save view' })
    await user.type(within(dialog).getByRole('textbox', { name: 'View name' }), 'Disabled guests{Enter}')
    expect(
      within(dialog).getByText('“Disabled guests” is a built-in view. Choose another name.'),
    ).toBeVisible()
  })
})

describe('Delete view', () => {
  it('deletes the view, keeps the menu open with focus on what took its place, and offers Undo', async () => {
    const user = userEvent.setup()
    saveView(orgId, { list: 'guests', name: 'One', search: '?status=active' })
    saveView(orgId, { list: 'guests', name: 'Two', search: '?status=disabled' })
    saveView(orgId, { list: 'members', name: 'Not here', search: '' })
    renderGuestsMenu()
    await user.click(button())
    expect(within(menu()).queryByRole('menuitem', { name: /Not here/ })).toBeNull()
    await user.click(within(menu()).getByRole('menuitem', { name: 'Delete view One' }))
    expect(readSavedViews(orgId).map((v) => v.name)).toEqual(['Two', 'Not here'])
    expect(within(menu()).queryByRole('menuitem', { name: /^One/ })).toBeNull()
    await waitFor(() => expect(focusedName()).toMatch(/^Two/))

    // By keyboard: Enter on "Delete view Two".
    await user.keyboard('{ArrowDown}{Enter}')
    expect(readSavedViews(orgId).map((v) => v.name)).toEqual(['Not here'])
    expect(within(menu()).queryByRole('group', { name: 'Saved views' })).toBeNull()
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Save view'))

    await user.click(screen.getAllByRole('button', { name: 'Undo' }).at(-1)!)
    expect(readSavedViews(orgId).map((v) => v.name)).toContain('Two')
  })
})

describe('on /members', () => {
  it('counts the built-in views from the cached directory with the overview’s rules', async () => {
    const user = userEvent.setup()
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(
      memberQueries.directory(orgId).queryKey,
      completeDirectory([
        makeMember({ id: 1, fullName: 'Ada', role: 'admin', lastLoginAt: ago(1) }),
        makeMember({ id: 2, fullName: 'Bo', role: 'admin', status: 'disabled' }),
        makeMember({ id: 3, fullName: 'Cy', status: 'invited', createdAt: ago(20) }),
        makeMember({ id: 4, fullName: 'Di', lastLoginAt: null }),
        makeMember({ id: 5, fullName: 'Ed', lastLoginAt: ago(120) }),
      ]),
    )
    renderPage({ '/members': <ViewsMenu orgId={orgId} list="members" /> }, { path: '/members', queryClient })
    await user.click(button())
    expect(items().map((item) => item.getAttribute('aria-label') ?? item.textContent)).toEqual([
      'Administrators, 1',
      'Invitations over 14 days, 1',
      'Never signed in, 1',
      'Inactive 90 days, 1',
      'Save view…',
    ])
    expect(items().at(-1)).toHaveAccessibleName('Save view')
    expect(items()[0]).toHaveAttribute('href', '/members?role=admin&seat=full')
  })

  it('a saved view records the hidden columns, and opening it from the menu brings them back', async () => {
    const user = userEvent.setup()
    localStorage.setItem(columnStorageKey(orgId, 'members'), JSON.stringify(['job_title']))
    renderPage({ '/members': <ViewsMenu orgId={orgId} list="members" /> }, { path: '/members?role=light' })
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: 'Save view' }))
    await user.type(await screen.findByRole('textbox', { name: 'View name' }), 'Light{Enter}')
    expect(readSavedViews(orgId)).toEqual([
      { list: 'members', name: 'Light', search: '?role=light', hidden: ['job_title'] },
    ])
    localStorage.removeItem(columnStorageKey(orgId, 'members'))
    const revision = columnChoiceRevision.value
    await user.click(button())
    await user.click(within(menu()).getByRole('menuitem', { name: 'Light' }))
    expect(localStorage.getItem(columnStorageKey(orgId, 'members'))).toBe('["job_title"]')
    expect(columnChoiceRevision.value).toBe(revision + 1)
  })
})
