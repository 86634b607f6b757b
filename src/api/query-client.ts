import { QueryClient } from '@tanstack/react-query'

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // apiGet already retries what is worth retrying (429 with Retry-After, 502/503/504, network);
        // a second retry layer here would multiply waits and hammer a rate-limited API.
        retry: false,
        refetchOnWindowFocus: false,
      },
    },
  })
}
