import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { BrowserRouter } from 'react-router'
import { RootErrorBoundary } from './root-error'
import { AppRoutes } from './router'

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    // Outside the router, so even a failure of the router itself gets a way out.
    <RootErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </RootErrorBoundary>
  )
}
