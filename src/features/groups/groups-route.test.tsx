import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { groupQueries } from '../../api/groups/queries'
import type { Group } from '../../api/types'
import { makeGroup, sampleGroups } from '../../test/group-factory'
import { Component as GroupsRoute } from './groups-route'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'

const orgId = TEST_ORG_ID

function renderGroups(groups: Group[], path = '/groups') {
  const queryClient = createTestQueryClient()
  queryClient.setQueryData(groupQueries.list(orgId).queryKey, groups)
  return renderPage({ '/groups': <GroupsRoute /> }, { path, queryClient })
}

const names = () =>
  within(screen.getByRole('table'))
    .getAllByRole('link')
    .map((link) => link.textContent)

describe('groups list sort (the shared data table)', () => {
  it('sorts names the way people read them, and flips', async () => {
    renderGroups(sampleGroups)
    expect(names()).toEqual([
      'Ångström lab',
      'engineering',
      'Équipe Montréal',
      'Group 9',
      'Group 10',
      'Zebra crossing',
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Name' }))
    expect(names()[0]).toBe('Zebra crossing')
  })

  it('keeps nameless groups last in both directions', async () => {
    renderGroups([...sampleGroups, makeGroup({ id: 'z9', name: '  ' })])
    expect(within(screen.getByRole('table')).getAllByRole('link').at(-1)).toHaveAttribute(
      'href',
      '/groups/z9',
    )
    await userEvent.click(screen.getByRole('button', { name: 'Name' }))
    expect(within(screen.getByRole('table')).getAllByRole('link').at(-1)).toHaveAttribute(
      'href',
      '/groups/z9',
    )
  })

  it('starts member counts biggest first, ties by name, and writes the sort to the URL', async () => {
    const { router } = renderGroups(sampleGroups)
    await userEvent.click(screen.getByRole('button', { name: 'Members' }))
    expect(router.location.search).toBe('?sort=-members')
    expect(screen.getByRole('columnheader', { name: /Members/ })).toHaveAttribute('aria-sort', 'descending')
    expect(names()).toEqual([
      'Group 10',
      'Équipe Montréal',
      'engineering',
      'Ångström lab',
      'Group 9',
      'Zebra crossing',
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Members' }))
    expect(router.location.search).toBe('?sort=members')
    expect(names()[0]).toBe('Zebra crossing')
  })

  it('sorts by last updated, newest first, with missing or broken dates last either way', async () => {
    const { router } = renderGroups(sampleGroups)
    await userEvent.click(screen.getByRole('button', { name: 'Last updated' }))
    expect(router.location.search).toBe('?sort=-updated')
    expect(names()).toEqual([
      'Zebra crossing',
      'Équipe Montréal',
      'Group 10',
      'Ångström lab',
      'engineering',
      'Group 9',
    ])
    await userEvent.click(screen.getByRole('button', { name: 'Last updated' }))
    expect(names()).toEqual([
      'Ångström lab',
      'Équipe Montréal',
      'Group 10',
      'Zebra crossing',
      'engineering',
      'Group 9',
    ])
    // Back to names starts A→Z again, which is the default and leaves the URL clean.
    await userEvent.click(screen.getByRole('button', { name: 'Name' }))
    expect(router.location.search).toBe('')
  })

  it('keeps a member count it does not know (a read without the list) last either way, never as 0', async () => {
    const unread = makeGroup({ id: 'u1', name: 'Aardvarks', membersKnown: false, guestsKnown: false })
    renderGroups([...sampleGroups, unread], '/groups?sort=-members')
    expect(names().at(-1)).toBe('Aardvarks')
    await userEvent.click(screen.getByRole('button', { name: 'Members' }))
    expect(names().at(-1)).toBe('Aardvarks')
    const row = screen.getByRole('link', { name: 'Aardvarks' }).closest('tr') as HTMLElement
    expect(within(row).getAllByText('Not known')).toHaveLength(2)
    expect(within(row).queryByText('0')).toBeNull()
  })

  it('reads the sort from the URL and ignores what it does not know', () => {
    renderGroups(sampleGroups, '/groups?sort=-bogus')
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending')
  })
})

describe('groups that could not be read', () => {
  it('says how many, beside the groups that could', () => {
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(groupQueries.list(orgId).queryKey, sampleGroups)
    queryClient.setQueryData(groupQueries.unreadable(orgId).queryKey, [
      { page: 1, index: 3, issues: [{ path: 'id', expected: 'string', received: 'null' }] },
    ])
    renderPage({ '/groups': <GroupsRoute /> }, { path: '/groups', queryClient })
    return expect(screen.findByText('1 record could not be read')).resolves.toBeInTheDocument()
  })

  it('says nothing when every group was read', async () => {
    renderGroups(sampleGroups)
    await screen.findByRole('table')
    expect(screen.queryByText(/could not be read/)).toBeNull()
  })
})

describe('the empty groups filter', () => {
  const groups = [
    makeGroup({ id: 'g1', name: 'Has a member', memberIds: ['1'] }),
    makeGroup({ id: 'g2', name: 'Empty ops' }),
    makeGroup({ id: 'g3', name: 'Empty sales' }),
    makeGroup({ id: 'g4', name: 'Not read', membersKnown: false }),
  ]

  it('reads ?filter=empty into "Show", the rows and the count, and says which groups it could not judge', async () => {
    renderGroups(groups, '/groups?filter=empty')
    expect(screen.getByRole('combobox', { name: 'Show' })).toHaveValue('empty')
    expect(names()).toEqual(['Empty ops', 'Empty sales'])
    expect(screen.getByText('2 of 4 groups')).toBeInTheDocument()
    expect(screen.getByText(/Tallyfy sent 1 group without its member or guest list/)).toBeInTheDocument()
  })

  it('"Show: Empty groups" writes the URL; none empty says so with a way back', async () => {
    const user = userEvent.setup()
    const { router } = renderGroups([groups[0]!])
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Empty groups')
    expect(router.location.search).toBe('?filter=empty')
    expect(screen.getByRole('heading', { name: 'No empty groups' })).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Show all groups' }))
    expect(router.location.search).toBe('')
    expect(names()).toEqual(['Has a member'])
  })
})
