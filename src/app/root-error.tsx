import { useRouteError } from 'react-router'
import { ErrorState } from '../components/states'
import { paths } from '../lib/paths'

/** Last resort when the shell itself fails: no header to rely on, so offer a plain way back. */
export function RootErrorBoundary() {
  const error = useRouteError()
  return (
    <main id="main" className="app-main" tabIndex={-1}>
      <ErrorState error={error} headingLevel={1} onRetry={() => window.location.reload()} />
      <p className="state__message" style={{ marginInline: 'auto', textAlign: 'center' }}>
        <a href={paths.members()}>Go to the members page</a>
      </p>
    </main>
  )
}
