import type { MutationFunction } from '@tanstack/react-query'
import { credentialStore } from '../credentials'
import { ApiError } from '../errors'

/**
 * A write belongs to the session that asked for it. The client checks that before every attempt, but
 * a write queued behind another one to the same record (a mutation scope) reaches the client only when
 * its turn comes, perhaps after the session expired or another organization signed in: then it is not
 * sent, and fails as `aborted` (the Activity panel says "Not sent"). The session is the one current
 * when the mutation options are built, which is when the write is asked for.
 */
export function inAskingSession<TData, TVariables>(
  send: MutationFunction<TData, TVariables>,
): MutationFunction<TData, TVariables> {
  const asking = credentialStore.get()
  return (variables, context) =>
    credentialStore.get() === asking
      ? send(variables, context)
      : Promise.reject(
          new ApiError({
            kind: 'aborted',
            message: 'The session that made this change has ended, so it was not sent.',
          }),
        )
}
