import { act, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { onDemand } from './on-demand'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const words = { text: 'Loaded words' }

function viewOf(useModule: () => typeof words | null | 'failed') {
  return function View() {
    const module = useModule()
    if (module === null) return <p>nothing yet</p>
    if (module === 'failed') return <p>fallback</p>
    return <p>{module.text}</p>
  }
}

describe('onDemand', () => {
  it('fetches on first use, then renders at once wherever it is used', async () => {
    const load = vi.fn<() => Promise<typeof words>>(() => Promise.resolve(words))
    const { useModule } = onDemand(load)
    const View = viewOf(useModule)
    const first = render(<View />)
    expect(screen.getByText('nothing yet')).toBeInTheDocument()
    expect(await screen.findByText('Loaded words')).toBeInTheDocument()
    first.unmount()
    render(<View />)
    expect(screen.getByText('Loaded words')).toBeInTheDocument()
    expect(load).toHaveBeenCalledOnce()
  })

  it('renders at once after preload(), with one fetch however often it is asked', async () => {
    const load = vi.fn<() => Promise<typeof words>>(() => Promise.resolve(words))
    const { preload, useModule } = onDemand(load)
    await Promise.all([preload(), preload()])
    const View = viewOf(useModule)
    render(<View />)
    expect(screen.getByText('Loaded words')).toBeInTheDocument()
    expect(load).toHaveBeenCalledOnce()
  })

  it('never throws when the fetch fails, and the next use tries again', async () => {
    const attempts = [deferred<typeof words>(), deferred<typeof words>()]
    let call = 0
    const { useModule } = onDemand(() => attempts[call++]!.promise)
    const View = viewOf(useModule)
    const first = render(<View />)
    await act(async () => attempts[0]!.reject(new TypeError('Failed to fetch dynamically imported module')))
    expect(screen.getByText('fallback')).toBeInTheDocument()
    first.unmount()
    render(<View />)
    expect(screen.getByText('nothing yet')).toBeInTheDocument()
    await act(async () => attempts[1]!.resolve(words))
    expect(screen.getByText('Loaded words')).toBeInTheDocument()
    expect(call).toBe(2)
  })
})
