import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router'
import { isNotFound } from '../api/errors'
import { paths } from '../lib/paths'
import { ErrorState, NotFoundState } from '../components/states'
import { useDocumentTitle } from './use-document-title'

/**
 * The error boundary of every page. It renders inside the app layout's <Outlet/>, so the header,
 * navigation and sign-out keep working when one page fails.
 */
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

export function RouteErrorBoundary() {
  const error = useRouteError()
  const { reset } = useQueryErrorResetBoundary()
  const revalidator = useRevalidator()
  const notFound = (isRouteErrorResponse(error) && error.status === 404) || isNotFound(error)
  useDocumentTitle(notFound ? 'Page not found' : 'Something went wrong')

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
      <ErrorState
        error={error}
        headingLevel={1}
        onRetry={() => {
          if (isChunkLoadError(error)) {
            window.location.reload()
            return
          }
          // Lets failed queries fetch again, then re-renders the route so the page can recover.
          reset()
          void revalidator.revalidate()
        }}
      />
    </div>
  )
}
