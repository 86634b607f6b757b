// The member writes a component runs as hooks: the invitation (its form needs the mutation's state)
// and whether a member has a change in flight. Role and status changes run outside React, in
// member-write-actions.ts, so that leaving the page loses neither their outcome nor their Undo.
//
// An invitation is not optimistic: only Tallyfy knows the new member's ID, so the row appears when
// Tallyfy answers (or, when the answer was lost, when the member is found by email).
import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query'
import { addInvited } from '../../api/members/cache'
import { memberMutations } from '../../api/members/mutations'
import { memberQueries } from '../../api/members/queries'
import { activity } from '../../api/writes/activity'

export function useInviteMember(orgId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    ...memberMutations.invite(orgId),
    // The mutation's own callbacks, not the form's: they run even if the dialog has closed.
    onMutate: (input) => activity.start(orgId, `Invite ${input.email}`),
    onError: (error, _input, record) => record?.fail(error, 'member'),
    onSuccess: (member, _input, record) => {
      record.done()
      if (member) addInvited(queryClient, orgId, member)
      // The invitation was sent but its answer held no member: only a fresh read can show them.
      else void queryClient.invalidateQueries({ queryKey: memberQueries.directory(orgId).queryKey })
    },
  })
}

/** True while any change to this member is in flight, so no second one can start beside it. */
export function useMemberBusy(orgId: string, memberId: number): boolean {
  const prefix = memberQueries.all(orgId)
  return (
    useIsMutating({
      predicate: (mutation) => {
        const key = mutation.options.mutationKey ?? []
        return prefix.every((part, i) => key[i] === part) && key[prefix.length + 1] === memberId
      },
    }) > 0
  )
}
