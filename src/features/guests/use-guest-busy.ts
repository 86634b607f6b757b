// Whether any write to this guest is in flight (from this page, a notice's Undo, or a group's batch),
// so the page's controls wait for it instead of starting a second one beside it.
import { useIsMutating } from '@tanstack/react-query'
import { guestQueries } from '../../api/guests/queries'
import { guestKey } from '../../lib/email'

export function useGuestBusy(orgId: string, email: string): boolean {
  const prefix = guestQueries.all(orgId)
  const key = guestKey(email)
  return (
    useIsMutating({
      predicate: (mutation) => {
        const mutationKey = mutation.options.mutationKey ?? []
        return (
          prefix.every((part, i) => mutationKey[i] === part) &&
          mutationKey.slice(prefix.length).some((part) => typeof part === 'string' && guestKey(part) === key)
        )
      },
    }) > 0
  )
}
