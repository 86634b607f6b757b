import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import type { Group } from '../../api/types'
import { GuestList } from './guest-list'
import { guestEntries } from './guests'
import type { MembershipActions } from './use-membership-actions'

/** An admin's guest list whose one change stays in flight until the test answers it. */
function renderWithPendingChange() {
  let answer: ((group: Group | null) => void) | undefined
  const change = vi.fn<MembershipActions['change']>(
    () =>
      new Promise<Group | null>((resolve) => {
        answer = resolve
      }),
  )
  render(
    <MemoryRouter>
      <GuestList
        guests={guestEntries(['first@client.example'])}
        admin={{ groupName: 'Design', actions: { change } }}
      />
    </MemoryRouter>,
  )
  return { change, answer: () => answer?.(null) }
}

describe('Add guest', () => {
  it('a double click adds the guest once, with no "enter an address" error, and is off until Tallyfy answers', async () => {
    const user = userEvent.setup()
    const { change, answer } = renderWithPendingChange()
    const field = screen.getByRole('textbox', { name: 'Guest email' })
    const button = screen.getByRole('button', { name: 'Add guest' })

    await user.type(field, 'new@client.example')
    await user.dblClick(button)

    expect(change).toHaveBeenCalledTimes(1)
    expect(change).toHaveBeenCalledWith({ addGuests: ['new@client.example'] }, expect.anything())
    expect(field).not.toHaveAttribute('aria-invalid', 'true')
    expect(screen.queryByText(/Enter the guest’s email address/)).toBeNull()
    expect(button).toHaveAttribute('aria-disabled', 'true')
    // Enter in the field is ignored too while the request runs.
    await user.type(field, 'other@client.example{Enter}')
    expect(change).toHaveBeenCalledTimes(1)

    answer()
    await vi.waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'))
    await user.click(button)
    expect(change).toHaveBeenCalledTimes(2)
    expect(change).toHaveBeenLastCalledWith({ addGuests: ['other@client.example'] }, expect.anything())
  })

  it('an empty field is still refused on the field when nothing is in flight', async () => {
    const user = userEvent.setup()
    const { change } = renderWithPendingChange()
    await user.click(screen.getByRole('button', { name: 'Add guest' }))
    expect(change).not.toHaveBeenCalled()
    expect(screen.getByRole('textbox', { name: 'Guest email' })).toHaveAccessibleDescription(
      'Enter the guest’s email address.',
    )
  })
})
