import { Component, type ReactNode } from 'react'
import { ErrorState } from '../components/states'
import { paths } from '../lib/paths'

/**
 * Last resort for errors outside a page (the shell, the sign-in page): no header to rely on, so it
 * offers a reload and a plain link back, neither of which needs the router to work.
 */
export class RootErrorBoundary extends Component<
  { children: ReactNode },
  { caught: { error: unknown } | null }
> {
  override state: { caught: { error: unknown } | null } = { caught: null }

  static getDerivedStateFromError(error: unknown) {
    return { caught: { error } }
  }

  override render() {
    if (!this.state.caught) return this.props.children
    return (
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorState
          error={this.state.caught.error}
          headingLevel={1}
          onRetry={() => window.location.reload()}
        />
        <p className="state__message" style={{ marginInline: 'auto', textAlign: 'center' }}>
          <a href={paths.members()}>Go to the members page</a>
        </p>
      </main>
    )
  }
}
