// The member writes as hooks: each one the mutation from api/members/mutations.ts plus its cache work from
// api/members/cache.ts. Role and status changes are optimistic (the badge, the filters' counts and
// the profile change at once, and roll back if Tallyfy refuses); an invitation is not, because only
// Tallyfy knows the new member's ID, so the row appears when Tallyfy answers.
import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  addInvited,
  applyAnswer,
  applyOptimistic,
  removeFromGroups,
  rollback,
  rolePatch,
  syncMe,
  type MemberSnapshot,
  type WritableRole,
} from '../../api/members/cache'
import { memberMutations } from '../../api/members/mutations'
import { memberQueries } from '../../api/members/queries'

export function useChangeRole(orgId: string, memberId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    ...memberMutations.changeRole(orgId, memberId),
    onMutate: (role: WritableRole): Promise<MemberSnapshot> =>
      applyOptimistic(queryClient, orgId, memberId, rolePatch(role)),
    onError: (_error, _role, snapshot) => rollback(queryClient, orgId, snapshot),
    onSuccess: (answer, role, snapshot) => {
      applyAnswer(queryClient, orgId, answer, snapshot)
      syncMe(queryClient, orgId, memberId, role)
    },
  })
}

export function useDisableMember(orgId: string, memberId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    ...memberMutations.disable(orgId, memberId),
    onMutate: () => applyOptimistic(queryClient, orgId, memberId, { status: 'disabled' }),
    onError: (_error, _v, snapshot) => rollback(queryClient, orgId, snapshot),
    onSuccess: (answer, _v, snapshot) => {
      applyAnswer(queryClient, orgId, answer, snapshot)
      removeFromGroups(queryClient, orgId, memberId, snapshot)
    },
  })
}

export function useEnableMember(orgId: string, memberId: number) {
  const queryClient = useQueryClient()
  return useMutation({
    ...memberMutations.enable(orgId, memberId),
    onMutate: () => applyOptimistic(queryClient, orgId, memberId, { status: 'active' }),
    onError: (_error, _v, snapshot) => rollback(queryClient, orgId, snapshot),
    onSuccess: (answer, _v, snapshot) => applyAnswer(queryClient, orgId, answer, snapshot),
  })
}

export function useInviteMember(orgId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    ...memberMutations.invite(orgId),
    onSuccess: (member) => {
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
