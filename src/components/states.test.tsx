import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/errors'
import { redactSecrets } from './error-views'
import { NotFoundState } from './not-found-state'
import { EmptyState, ErrorState, LoadingState } from './states'

afterEach(() => {
  vi.useRealTimers()
})

describe('<LoadingState>', () => {
  it('stays quiet for a moment, then announces the label politely', () => {
    vi.useFakeTimers()
    render(<LoadingState label="Loading members…" />)
    const status = screen.getByRole('status')
    expect(status).toHaveAttribute('aria-live', 'polite')
    expect(status).toBeEmptyDOMElement()
    act(() => vi.advanceTimersByTime(350))
    expect(status).toHaveTextContent('Loading members…')
  })
})

describe('<EmptyState>', () => {
  it('shows a heading, the message and the action', () => {
    render(
      <EmptyState
        title="No members match"
        message="Try another search."
        action={<button>Clear search</button>}
      />,
    )
    expect(screen.getByRole('heading', { level: 2, name: 'No members match' })).toBeInTheDocument()
    expect(screen.getByText('Try another search.')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Clear search' })).toBeInTheDocument()
  })
})

describe('<ErrorState>', () => {
  const serverError = new ApiError({
    kind: 'http',
    status: 503,
    code: 'SERVICE_DOWN',
    requestId: 'req-123',
    details: 'body: upstream timeout',
    message: 'Tallyfy answered HTTP 503',
  })

  it('says what happened in words and offers a retry that calls back', async () => {
    const onRetry = vi.fn<() => void>()
    render(<ErrorState error={serverError} onRetry={onRetry} what="member" />)
    // Its view is fetched on demand (vitest.setup.ts fetches it ahead, as main.tsx does).
    expect(await screen.findByRole('heading', { name: 'Tallyfy is having trouble' })).toBeInTheDocument()
    expect(screen.getByText('Tallyfy is having trouble right now.')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })

  it('keeps the facts for a bug report in a collapsed details section', async () => {
    render(<ErrorState error={serverError} />)
    const summary = await screen.findByText('Details for a bug report')
    const details = summary.closest('details')
    expect(details).not.toHaveAttribute('open')
    await userEvent.click(summary)
    expect(details).toHaveAttribute('open')
    expect(details).toHaveTextContent('503')
    expect(details).toHaveTextContent('SERVICE_DOWN')
    expect(details).toHaveTextContent('req-123')
    expect(details).toHaveTextContent('upstream timeout')
  })

  it('offers no retry when retrying cannot help', async () => {
    const notFound = new ApiError({ kind: 'http', status: 404, message: 'x' })
    render(<ErrorState error={notFound} onRetry={() => {}} what="group" />)
    expect(await screen.findByText("This group doesn't exist, or it was removed.")).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })

  it('never shows something shaped like a token', async () => {
    render(<ErrorState error={new Error('fetch failed with Authorization: Bearer abc.def.ghi-secret')} />)
    expect(await screen.findByText('Details for a bug report')).toBeInTheDocument()
    expect(document.body).not.toHaveTextContent('abc.def.ghi-secret')
  })
})

describe('redactSecrets', () => {
  it('blanks bearer tokens, JWTs and token= values', () => {
    expect(redactSecrets('Bearer s3cr3t')).toBe('Bearer [redacted]')
    expect(redactSecrets('x eyJhbGciOi.eyJzdWIiOi.sig_nature y')).toBe('x [redacted] y')
    expect(redactSecrets('?access_token=s3cr3t&x=1')).toBe('?access_token=[redacted]&x=1')
    expect(redactSecrets('nothing here')).toBe('nothing here')
  })
})

describe('<NotFoundState>', () => {
  it('shows a page heading and a link back', () => {
    render(
      <MemoryRouter initialEntries={['/members/9']}>
        <NotFoundState
          title="Member not found"
          message="They may have left."
          backTo="/members"
          backLabel="Back to members"
        />
      </MemoryRouter>,
    )
    expect(screen.getByRole('heading', { level: 1, name: 'Member not found' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Back to members' })).toHaveAttribute('href', '/members')
  })
})
