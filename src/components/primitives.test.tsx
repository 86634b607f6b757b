import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/errors'
import { Combobox } from './combobox'
import { AlertDialog, Dialog } from './dialog'
import { FormField, fieldErrorsOf } from './form-field'
import { NoticeHost, UNDO_MS, useNotice, type NoticeInput } from './notices'

afterEach(() => vi.useRealTimers())

function DialogOpener() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {open && (
        <Dialog title="Edit group" onClose={() => setOpen(false)}>
          <input aria-label="Name" />
        </Dialog>
      )}
    </>
  )
}

describe('Dialog', () => {
  it('is a modal labelled by its title; Escape closes it and focus returns to the opener', async () => {
    const user = userEvent.setup()
    render(<DialogOpener />)
    await user.click(screen.getByRole('button', { name: 'Open' }))
    const dialog = screen.getByRole('dialog', { name: 'Edit group' })
    expect(dialog).toHaveAttribute('open')
    await user.click(screen.getByRole('textbox', { name: 'Name' }))
    // jsdom does not turn Escape into `cancel`; the browser does (covered in e2e).
    act(() => {
      dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus()
  })

  it('an alert dialog names what is lost, starts on Cancel and disables confirm while busy', () => {
    const onConfirm = vi.fn<() => void>()
    render(
      <AlertDialog title="Delete Ops?" confirmLabel="Delete" onConfirm={onConfirm} onCancel={() => {}} busy>
        <p>The group Ops is deleted for good.</p>
      </AlertDialog>,
    )
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Ops?' })
    expect(dialog).toHaveAccessibleDescription('The group Ops is deleted for good.')
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Delete' })).toBeDisabled()
  })
})

describe('FormField', () => {
  it('wires the error to the control and shows Tallyfy’s words verbatim', () => {
    const error = new ApiError({
      kind: 'http',
      status: 422,
      message: 'HTTP 422',
      fieldErrors: { name: ['The name has already been taken.'], 'guests.0': ['Bad guest.'] },
    })
    render(
      <FormField label="Name" error={fieldErrorsOf(error, 'name')} hint="Up to 200 characters">
        {(control) => <input {...control} />}
      </FormField>,
    )
    const input = screen.getByRole('textbox', { name: 'Name' })
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveAccessibleDescription('Up to 200 characters The name has already been taken.')
    expect(fieldErrorsOf(error, 'guests')).toEqual(['Bad guest.'])
    expect(fieldErrorsOf(new Error('x'), 'name')).toEqual([])
  })
})

function Notifier({ notice }: { notice: NoticeInput }) {
  const notify = useNotice()
  return (
    <button type="button" onClick={() => notify(notice)}>
      Do it
    </button>
  )
}

describe('notices', () => {
  it('announce politely; Undo runs once and the notice goes; a plain one leaves by itself', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    const undo = vi.fn<() => void>()
    render(
      <NoticeHost>
        <Notifier notice={{ message: 'Removed Bob from Ops.', undo }} />
      </NoticeHost>,
    )
    await user.click(screen.getByRole('button', { name: 'Do it' }))
    const region = screen.getByRole('status')
    expect(region).toHaveAttribute('aria-live', 'polite')
    expect(region).toHaveTextContent('Removed Bob from Ops.')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(undo).toHaveBeenCalledTimes(1)
    expect(region).not.toHaveTextContent('Removed Bob')

    await user.click(screen.getByRole('button', { name: 'Do it' }))
    act(() => {
      vi.advanceTimersByTime(UNDO_MS + 100)
    })
    expect(region).not.toHaveTextContent('Removed Bob')
    expect(undo).toHaveBeenCalledTimes(1)
  })

  it('errors stay until dismissed and are never role=alert', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    render(
      <NoticeHost>
        <Notifier notice={{ message: 'Could not add Bob.', tone: 'error' }} />
      </NoticeHost>,
    )
    await user.click(screen.getByRole('button', { name: 'Do it' }))
    act(() => {
      vi.advanceTimersByTime(60_000)
    })
    expect(screen.getByRole('status')).toHaveTextContent('Could not add Bob.')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.getByRole('status')).not.toHaveTextContent('Could not add Bob.')
  })
})

const people = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper']
function PeoplePicker({ onSelect }: { onSelect: (p: string) => void }) {
  const [value, setValue] = useState('')
  const options = value ? people.filter((p) => p.toLowerCase().includes(value.toLowerCase())) : []
  return (
    <Combobox
      label="Add member"
      value={value}
      onValueChange={setValue}
      options={options}
      getKey={(p) => p}
      getLabel={(p) => p}
      onSelect={onSelect}
    />
  )
}

describe('Combobox', () => {
  it('follows the APG list autocomplete pattern with the keyboard', async () => {
    const user = userEvent.setup()
    const onSelect = vi.fn<(p: string) => void>()
    render(<PeoplePicker onSelect={onSelect} />)
    const input = screen.getByRole('combobox', { name: 'Add member' })
    expect(input).toHaveAttribute('aria-expanded', 'false')
    await user.type(input, 'a')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    const listbox = screen.getByRole('listbox')
    expect(input).toHaveAttribute('aria-controls', listbox.id)
    expect(screen.getAllByRole('option')).toHaveLength(3)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    const active = screen.getByRole('option', { name: 'Alan Turing' })
    expect(input).toHaveAttribute('aria-activedescendant', active.id)
    expect(active).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowUp}{ArrowUp}') // wraps to the last
    expect(input).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: 'Grace Hopper' }).id,
    )
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenCalledWith('Grace Hopper')
    expect(input).toHaveAttribute('aria-expanded', 'false')
    expect(input).toHaveFocus()

    await user.keyboard('{ArrowDown}')
    expect(input).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(input).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard('{Escape}')
    expect(input).toHaveValue('')
  })
})
