import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, type ReactNode } from 'react'
import { ErrorState, preloadErrorViews } from '../components/states'
import { onDemand } from '../lib/on-demand'

interface RouteErrorBoundaryProps {
  /** The page's pathname: a caught error is forgotten when it changes, so navigating away recovers. */
  resetKey: string
  children: ReactNode
}

interface RouteErrorBoundaryState {
  /** `at` is the resetKey the error was caught under (null until the next render records it). */
  caught: { error: unknown; at: string | null } | null
}

/**
 * The error boundary of every page. It sits inside the app layout's <main>, so the header,
 * navigation and sign-out keep working when one page fails.
 *
 * It resets by comparing resetKey rather than being keyed by it: a key would remount the page and
 * the Suspense boundary below on every path change, losing the old page that the router's
 * transition keeps on screen while the next page's code downloads.
 */
export class RouteErrorBoundary extends Component<RouteErrorBoundaryProps, RouteErrorBoundaryState> {
  override state: RouteErrorBoundaryState = { caught: null }

  static getDerivedStateFromError(error: unknown): RouteErrorBoundaryState {
    return { caught: { error, at: null } }
  }

  static getDerivedStateFromProps(
    props: RouteErrorBoundaryProps,
    state: RouteErrorBoundaryState,
  ): RouteErrorBoundaryState | null {
    const { caught } = state
    if (!caught) return null
    if (caught.at === null) return { caught: { error: caught.error, at: props.resetKey } }
    return caught.at === props.resetKey ? null : { caught: null }
  }

  private readonly retry = () => this.setState({ caught: null })

  override render() {
    if (!this.state.caught) return this.props.children
    return <CaughtError error={this.state.caught.error} onRetry={this.retry} />
  }
}

// The view of a caught error is not in the first download: main.tsx preloads it (and ErrorState's)
// once the first page is on screen, so a failure later (offline included) shows it at once.
const routeErrorView = onDemand(() => import('./route-error-view'))

/** Fetches the views of a failure ahead of need. */
export const preloadFailureViews = () => Promise.all([routeErrorView.preload(), preloadErrorViews()])

function CaughtError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { reset } = useQueryErrorResetBoundary()
  const view = routeErrorView.useModule()
  if (view === null) return null
  if (view !== 'failed') return <view.RouteErrorView error={error} onRetry={onRetry} />
  // Its code could not be fetched (offline before it was ever loaded): ErrorState's plainest form.
  return (
    <ErrorState
      error={error}
      headingLevel={1}
      onRetry={() => {
        reset()
        onRetry()
      }}
    />
  )
}
