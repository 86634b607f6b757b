// What a page's error boundary shows (route-error.tsx): loaded on demand, never with the first page.
import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { isNotFound } from '../api/errors'
import { NotFoundState } from '../components/not-found-state'
import { PageTitle } from '../components/page-title'
import { ErrorState } from '../components/states'
import { paths } from '../lib/paths'

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

export function RouteErrorView({ error, onRetry }: { error: unknown; onRetry: () => void }) {
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
