import { MutationObserver, type MutationOptions, type QueryClient } from '@tanstack/react-query'

/**
 * Runs one write outside React (a batch's step, an Undo): `options` (a resource's mutationOptions,
 * with any callbacks added) go through the query client's MutationCache exactly as useMutation would
 * send them, so a record's `scope` still queues its writes one after another (memberScope: a batch's
 * role change waits behind the member page's Undo of the same person) and useIsMutating still sees
 * it in flight. Resolves or rejects as the mutation does. Once it settles the observer lets go, so
 * the finished write leaves the cache after its gcTime instead of staying as long as the page does
 * (a batch makes hundreds).
 */
export async function runWrite<TData, TVariables, TOnMutateResult = unknown>(
  queryClient: QueryClient,
  options: MutationOptions<TData, Error, TVariables, TOnMutateResult>,
  variables: TVariables,
): Promise<TData> {
  const observer = new MutationObserver(queryClient, options)
  try {
    return await observer.mutate(variables)
  } finally {
    observer.reset()
  }
}
