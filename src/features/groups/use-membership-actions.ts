import { useMemo } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useNotice } from '../../components/notices'
import type { MembershipChange } from '../../lib/group-membership'
import { changeMembership, type MembershipActionText } from './membership-actions'

/** `change(intent, text)` for one group: optimistic, undoable, queued (see membership-actions.ts). */
export function useMembershipActions(orgId: string, groupId: string) {
  const qc = useQueryClient()
  const notify = useNotice()
  return useMemo(() => {
    const ctx = { qc, notify, orgId, groupId }
    return {
      change: (change: MembershipChange, text: MembershipActionText) => changeMembership(ctx, change, text),
    }
  }, [qc, notify, orgId, groupId])
}

export type MembershipActions = ReturnType<typeof useMembershipActions>
