import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/errors'
import { ErrorState } from './states'

// The view of a failure is fetched on demand; here its download fails (offline before it was ever
// loaded). ErrorState must still say something and offer Retry, never throw.
vi.mock('./error-views', () => {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/error-views.js')
})

afterEach(() => {
  vi.restoreAllMocks()
})

const networkError = new ApiError({ kind: 'network', message: 'Tallyfy could not be reached.' })

describe('<ErrorState> when its view cannot be fetched', () => {
  it('says the browser is offline, and Retry still calls back', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const onRetry = vi.fn<() => void>()
    render(<ErrorState error={networkError} onRetry={onRetry} headingLevel={1} />)
    expect(await screen.findByRole('heading', { level: 1, name: "You're offline" })).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('says something went wrong when the browser is online', async () => {
    render(<ErrorState error={networkError} />)
    expect(await screen.findByRole('heading', { level: 2, name: 'Something went wrong' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
  })
})
