// Adding and removing members and guests: optimistic, undoable, queued per group, and never a
// lost update (see api/groups/mutations.ts `groupMutations.update`: a fresh read plus this intent).
//
// This runs outside React's lifetime on purpose: a MutationObserver on the query client, and the
// notice host in the layout. Leaving the group page therefore neither cancels a change nor loses
// its Undo; Undo stays on screen (for the notice's few seconds) wherever the person goes.

import { MutationObserver, type QueryClient } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import { groupMutations, groupWriteMessage } from '../../api/groups/mutations'
import type { Group } from '../../api/types'
import type { Notify } from '../../components/notices'
import {
  applyMembershipChange,
  effectiveMembershipChange,
  invertMembershipChange,
  isEmptyChange,
  type MembershipChange,
} from '../../lib/group-membership'
import { cachedGroup, patchGroup, patchMemberGroups, settleGroup } from '../../api/groups/cache'

export interface MembershipActionText {
  /** "Added Bob Smith to Engineering." */
  done: string
  /** "Bob Smith is out of Engineering again." (after Undo) */
  undone: string
  /** "Could not add Bob Smith" — the reason follows. */
  failed: string
}

interface Context {
  qc: QueryClient
  notify: Notify
  orgId: string
  groupId: string
}

/**
 * Applies `change` at once, announces it with Undo, and sends it. Resolves when Tallyfy has it;
 * rejects with the ApiError after rolling back (so a form can put a 422 on its field).
 */
export async function changeMembership(
  ctx: Context,
  change: MembershipChange,
  text: MembershipActionText,
  { undoable = true }: { undoable?: boolean } = {},
): Promise<Group | null> {
  const { qc, notify, orgId, groupId } = ctx
  // First, so a refetch that started earlier cannot land on top of the patch (cancelling it
  // reverts the query to its state before that fetch; the patch comes after).
  await qc.cancelQueries({ queryKey: groupQueries.detail(orgId, groupId).queryKey })
  const current = cachedGroup(qc, orgId, groupId)
  const effective = current ? effectiveMembershipChange(current, change) : change
  if (isEmptyChange(effective)) return current ?? null

  applyLocally(ctx, effective)
  const handle = notify({
    message: text.done,
    undo: undoable
      ? () => {
          void changeMembership(
            ctx,
            invertMembershipChange(effective),
            { done: text.undone, undone: text.done, failed: `Could not undo: ${text.failed.toLowerCase()}` },
            { undoable: false },
          ).catch(() => undefined)
        }
      : undefined,
  })

  const update = groupMutations.update(orgId, groupId)
  const observer = new MutationObserver(qc, {
    ...update,
    onSuccess: ({ group: server }) => {
      // Another change to this group is still queued: its answer will be the newer truth.
      if (qc.isMutating({ mutationKey: update.mutationKey }) <= 1) settleGroup(qc, orgId, server)
    },
    onError: (error) => {
      applyLocally(ctx, invertMembershipChange(effective))
      handle.update({ tone: 'error', message: `${text.failed}. ${groupWriteMessage(qc, orgId, error)}` })
    },
  })
  return (await observer.mutate({ change: effective })).group
}

/** The optimistic patch (and, inverted, its rollback): group page, list counts, member rows. */
function applyLocally({ qc, orgId, groupId }: Context, change: MembershipChange) {
  const before = cachedGroup(qc, orgId, groupId)
  patchGroup(qc, orgId, groupId, (g) => ({ ...g, ...applyMembershipChange(g, change) }))
  if (before)
    patchMemberGroups(
      qc,
      orgId,
      { id: groupId, name: before.name },
      { add: change.addMembers, remove: change.removeMembers },
    )
}
