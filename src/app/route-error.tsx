import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { Component, type ReactNode } from 'react'
import { isNotFound } from '../api/errors'
import { paths } from '../lib/paths'
import { ErrorState, NotFoundState } from '../components/states'
import { PageTitle } from '../components/page-title'

/**
 * A page's code failed to download (offline, or a new version replaced the old files). Browsers
 * remember a failed module import, so only a full reload can fetch it again.
 */
export function isChunkLoadError(error: unknown): boolean {
  // The first three are the browsers' own words; the last is Vite's, when a page's CSS fails.
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|Failed to load module script|Unable to preload CSS/i.test(
      error.message,
    )
  )
}

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
    return <RouteErrorView error={this.state.caught.error} onRetry={this.retry} />
  }
}

function RouteErrorView({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { reset } = useQueryErrorResetBoundary()
  const notFound = isNotFound(error)

  if (notFound) {
    return (
      <NotFoundState
        title="Page not found"
        message="This page doesn't exist, or it was removed."
        backTo={paths.members()}
        backLabel="Back to members"
      />
    )
  }
  return (
    <div className="page">
      <PageTitle title="Something went wrong" />
      <ErrorState
        error={error}
        headingLevel={1}
        onRetry={() => {
          if (isChunkLoadError(error)) {
            window.location.reload()
            return
          }
          // Lets failed queries fetch again, then renders the page afresh so it can recover.
          reset()
          onRetry()
        }}
      />
    </div>
  )
}
