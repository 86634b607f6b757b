// Adding and removing members and guests: optimistic, undoable, queued per group, recorded in the
// Activity panel, and never a lost update (api/groups/mutations.ts `groupMutations.update` builds
// the PUT from a read made when it goes, plus this intent).
//
// This runs outside React's lifetime on purpose: a MutationObserver on the query client, and the
// notice host in the layout. Leaving the group page therefore neither cancels a change nor loses
// its Undo, nor the word of how the Undo went; the Activity panel keeps the Undo after the notice.

import { MutationObserver, type QueryClient } from '@tanstack/react-query'
import {
  droppedNote,
  groupMutations,
  groupWriteMessage,
  memberName,
  type GroupUpdateResult,
} from '../../api/groups/mutations'
import { groupQueries } from '../../api/groups/queries'
import type { Group } from '../../api/types'
import { activity, type WriteRecord } from '../../api/writes/activity'
import { isUncertainWrite } from '../../api/writes/uncertain'
import type { Notify } from '../../components/notices'
import {
  effectiveMembershipChange,
  invertMembershipChange,
  isEmptyChange,
  type MembershipChange,
} from '../../lib/group-membership'
import { cachedGroup, patchMembership, settleGroup } from '../../api/groups/cache'

export interface MembershipActionText {
  /** "Added Bob Smith to Engineering." */
  done: string
  /** "Bob Smith is out of Engineering again." (after Undo) */
  undone: string
  /** "Could not add Bob Smith" — the reason follows. */
  failed: string
  /** The Activity panel's words; by default "Add Bob Smith to Engineering", from the change. */
  label?: string
}

interface Context {
  qc: QueryClient
  notify: Notify
  orgId: string
  groupId: string
}

/**
 * Applies `change` at once, announces it with Undo, records it in the Activity panel, and sends it.
 * Resolves when Tallyfy has it; rejects with the error after rolling back (so a form can put a 422
 * on its field). Undo takes back what the server says the change did, not what the cache guessed.
 */
export async function changeMembership(
  ctx: Context,
  change: MembershipChange,
  text: MembershipActionText,
  { undoable = true }: { undoable?: boolean } = {},
): Promise<Group | null> {
  const { qc, orgId, groupId } = ctx
  if (isEmptyChange(change)) return cachedGroup(qc, orgId, groupId) ?? null
  const label = text.label ?? membershipLabel(qc, orgId, groupId, change)
  const record = activity.start(orgId, label)

  // Undo pressed before Tallyfy answered waits for the answer: only then is it known what to undo.
  let outcome: 'pending' | 'done' | 'failed' = 'pending'
  let undoAsked = false
  const askUndo = () => {
    if (outcome === 'done') activity.undo(record.id)
    else if (outcome === 'pending') undoAsked = true
  }

  return send(ctx, change, {
    label,
    done: text.done,
    failed: text.failed,
    undo: undoable ? askUndo : undefined,
    onDone: (result, handle) => {
      outcome = 'done'
      const note = droppedNote(qc, orgId, result.dropped)
      const canUndo = undoable && !isEmptyChange(result.change)
      const undo = canUndo ? () => undoChange(ctx, result, text, label, record) : null
      record.done({ detail: note && `${note}.`, undo })
      // The notice says what else happened, and loses an Undo that has nothing left to take back.
      if (note || (undoable && !canUndo))
        handle.update({
          message: note ? `${text.done} ${note}.` : text.done,
          undo: canUndo ? askUndo : undefined,
        })
      if (undoAsked && canUndo) activity.undo(record.id)
    },
    onFail: (error) => {
      outcome = 'failed'
      record.fail(error, { what: 'group', message: groupWriteMessage(qc, orgId, error) })
    },
  })
}

/** Sends the inverse of what `result` changed, and says on the entry and in a notice how it went. */
function undoChange(
  ctx: Context,
  result: GroupUpdateResult,
  text: MembershipActionText,
  label: string,
  record: WriteRecord,
) {
  void send(ctx, invertMembershipChange(result.change), {
    label,
    done: text.undone,
    failed: `Could not undo “${label}”`,
    onDone: () => record.undone(text.undone),
    onFail: (error) => record.undoFailed(error, 'group'),
  }).catch(() => undefined)
}

interface SendOptions {
  label: string
  done: string
  failed: string
  undo?: () => void
  onDone: (result: GroupUpdateResult, notice: ReturnType<Notify>) => void
  onFail: (error: unknown) => void
}

/** The optimistic patch, the notice and the PUT (through the group's queue), settled either way. */
async function send(ctx: Context, change: MembershipChange, opts: SendOptions): Promise<Group | null> {
  const { qc, notify, orgId, groupId } = ctx
  // First, so a refetch that started earlier cannot land on top of the patch (cancelling it
  // reverts the query to its state before that fetch; the patch comes after).
  await qc.cancelQueries({ queryKey: groupQueries.detail(orgId, groupId).queryKey })
  const current = cachedGroup(qc, orgId, groupId)
  // The cache's guess, for the screen only: what the write did is measured on the server's read.
  const guess = current ? effectiveMembershipChange(current, change) : change
  patchMembership(ctx.qc, ctx.orgId, ctx.groupId, guess)
  const handle = notify({ message: opts.done, undo: opts.undo })

  const update = groupMutations.update(orgId, groupId)
  const observer = new MutationObserver(qc, {
    ...update,
    onSuccess: (result) => {
      // Another change to this group is still queued: its answer will be the newer truth.
      if (qc.isMutating({ mutationKey: update.mutationKey }) <= 1) settleGroup(qc, orgId, result.group)
      opts.onDone(result, handle)
    },
    onError: (error) => {
      patchMembership(ctx.qc, ctx.orgId, ctx.groupId, invertMembershipChange(guess))
      if (isUncertainWrite(error)) {
        // What the group holds is unknown: the next look at it reads it again.
        void qc.invalidateQueries({ queryKey: groupQueries.detail(orgId, groupId).queryKey })
        handle.update({ tone: 'error', message: `${opts.label}: ${error.message}` })
      } else {
        handle.update({ tone: 'error', message: `${opts.failed}. ${groupWriteMessage(qc, orgId, error)}` })
      }
      opts.onFail(error)
    },
  })
  const result = await observer.mutate({ change, recorded: true })
  return result.group
}

/** "Add Bob Smith to Engineering", "Remove guest ann@example.com from Engineering". */
function membershipLabel(qc: QueryClient, orgId: string, groupId: string, change: MembershipChange): string {
  const group = cachedGroup(qc, orgId, groupId)?.name ?? 'the group'
  const names = (ids: readonly string[] | undefined) => {
    const list = (ids ?? []).map((id) => memberName(qc, orgId, id))
    return list.length > 3 ? `${list.length} members` : joinNames(list)
  }
  const parts = [
    change.addMembers?.length ? `Add ${names(change.addMembers)} to ${group}` : null,
    change.removeMembers?.length ? `Remove ${names(change.removeMembers)} from ${group}` : null,
    change.addGuests?.length ? `Add ${guests(change.addGuests)} to ${group}` : null,
    change.removeGuests?.length ? `Remove ${guests(change.removeGuests)} from ${group}` : null,
  ].filter((part) => part !== null)
  return parts.join('; ')
}

function guests(emails: readonly string[] | undefined): string {
  const list = emails ?? []
  if (list.length > 3) return `${list.length} guests`
  return `${list.length === 1 ? 'guest' : 'guests'} ${joinNames(list)}`
}

function joinNames(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`
}
