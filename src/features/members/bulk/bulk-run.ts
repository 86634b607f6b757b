// Starting the batches of the bulk actions: a new action, its Retry, its Undo and a Resume after a
// reload, all through the one runner (api/writes/batch.ts) with the steps of bulk-steps.ts. What a
// batch is about beyond the runner's own state (names to show, the group's name, whether it can be
// undone) lives here, per batch ID, for the session.
import type { QueryClient } from '@tanstack/react-query'
import { credentialStore } from '../../../api/credentials'
import { cachedGroup } from '../../../api/groups/cache'
import { gatherDirectoryWrites } from '../../../api/members/cache'
import { memberQueries } from '../../../api/members/queries'
import type { Member } from '../../../api/types'
import { startBatch, type BatchHandle, type BatchState, type ItemResult } from '../../../api/writes/batch'
import { unfinishedKeys, type BatchJournal } from '../../../api/writes/batch-journal'
import { describeCounts } from '../../../api/writes/batch'
import type { WritableRole } from '../../../lib/roles'
import type { CacheContext } from '../member-write-actions'
import type { BulkAction, BulkPreview } from '../../../lib/bulk-preview'
import { isWritableRole } from '../../../lib/roles'
import {
  actionLabel,
  isBatchKind,
  people,
  roleParam,
  skipReasonText,
  undoKindOf,
  type BatchKind,
} from './bulk-kinds'
import { buildSteps, isGroupKind, rolesFromParams, rolesToParams } from './bulk-steps'
import { buildInviteSteps, inviteRowsFromParams, rowLabel, rowName } from './invite-steps'

export interface PersonName {
  name: string
  email: string | null
}

export interface BulkRun {
  readonly handle: BatchHandle
  readonly kind: BatchKind
  readonly params: Record<string, string>
  readonly label: string
  readonly groupName: string | null
  /** The people as they were named when the batch started (a withdrawn member leaves the directory). */
  readonly names: ReadonlyMap<string, PersonName>
  /** Undo started from this batch (its ID), once. */
  undoneBy: string | null
}

const runs = new Map<string, BulkRun>()

export const bulkRuns = {
  get: (id: string): BulkRun | undefined => runs.get(id),
}

// An explicit sign-out forgets the organization's batches (their names are personal data), as the
// runner and Activity do; an expiry keeps them for whoever signs in to that organization again.
let signedIn = credentialStore.get()
credentialStore.subscribe(() => {
  const next = credentialStore.get()
  if (signedIn && next === null && credentialStore.endingReason() !== 'expired')
    for (const [id, run] of runs) if (run.handle.orgId === signedIn.orgId) runs.delete(id)
  signedIn = next
})

/** Opens a batch's progress and results (the dialog host registers itself: it loads with this chunk). */
let showBatch: (ctx: CacheContext, id: string) => void = () => {}
export function setBatchViewer(viewer: (ctx: CacheContext, id: string) => void) {
  showBatch = viewer
}

/** Every person's name from the directory as cached now. */
export function namesFromDirectory(
  qc: QueryClient,
  orgId: string,
  keys: Iterable<string>,
): Map<string, PersonName> {
  const directory = qc.getQueryData(memberQueries.directory(orgId).queryKey)
  const byId = new Map<string, Member>()
  for (const member of directory?.members ?? []) byId.set(String(member.id), member)
  const names = new Map<string, PersonName>()
  for (const key of keys) {
    const member = byId.get(key)
    names.set(key, { name: member?.fullName ?? `Member #${key}`, email: member?.email ?? null })
  }
  return names
}

interface RunOptions {
  kind: BatchKind
  params: Record<string, string>
  /** The people to send to (member IDs as strings). */
  keys: readonly string[]
  skipped?: readonly ItemResult[]
  names: ReadonlyMap<string, PersonName>
  /** The Activity entry; by default the action with the number of people sent to. */
  label?: string
  /** A group batch's group, by name; by default as cached. */
  groupName?: string
  verifyFirst?: ReadonlySet<string>
  resendUncertain?: boolean
  resumeOf?: string
}

/** Starts a batch, registers it, and gives its Activity entry "Show results" and, once it ends, Undo. */
export function runBulk(ctx: CacheContext, opts: RunOptions): BulkRun {
  const { kind, params, keys } = opts
  const groupName =
    opts.groupName ?? (params.groupId ? (cachedGroup(ctx.qc, ctx.orgId, params.groupId)?.name ?? null) : null)
  const label = opts.label ?? actionLabel(kind, params, keys.length, groupName ?? undefined)
  // An import's rows are looked up first whenever this is not its first run (a Retry, a Resume).
  const built =
    kind === 'invite'
      ? buildInviteSteps(ctx, params, keys, { verify: opts.verifyFirst !== undefined })
      : {
          steps: buildSteps(ctx, kind, params, keys, {
            verifyFirst: opts.verifyFirst,
            resendUncertain: opts.resendUncertain,
          }),
          attach: null,
        }
  // The directory's rows follow the batch in gathered updates, not one re-render of /members per
  // write (api/members/cache.ts): that work, not Tallyfy, set the pace of a batch.
  const release = gatherDirectoryWrites(ctx.qc, ctx.orgId)
  const handle = startBatch(
    { orgId: ctx.orgId, kind, params, label, skipped: opts.skipped },
    built.steps,
    opts.resumeOf !== undefined ? { resumeOf: opts.resumeOf } : {},
  )
  built.attach?.(handle)
  void handle.done.then(release, release)
  const run: BulkRun = { handle, kind, params, label, groupName, names: opts.names, undoneBy: null }
  runs.set(handle.id, run)
  handle.record.setOpen('Show results', () => showBatch(ctx, handle.id))
  void handle.done.then((state) => {
    if (canUndo(run, state)) handle.record.setUndo(() => void undoBatch(ctx, run))
  })
  return run
}

/**
 * The action the admin confirmed: sent to the preview's `send`, its skips part of the results. A
 * role change keeps each person's role before it in its params, so Undo knows what to go back to
 * (after a reload too).
 */
export function startAction(ctx: CacheContext, action: BulkAction, preview: BulkPreview): BulkRun {
  const keys = preview.send.map((m) => String(m.id))
  const target =
    action.kind === 'role'
      ? { role: action.role }
      : action.kind === 'group-add' || action.kind === 'group-remove'
        ? { groupName: action.group.name }
        : {}
  let params: Record<string, string> = {}
  if (action.kind === 'role') {
    const was = new Map<string, WritableRole>()
    for (const member of preview.send)
      if (isWritableRole(member.role)) was.set(String(member.id), member.role)
    params = { role: action.role, ...rolesToParams('was', was) }
  } else if (action.kind === 'group-add' || action.kind === 'group-remove') {
    params = { groupId: action.group.id }
  }
  const names = new Map<string, PersonName>()
  for (const member of preview.send)
    names.set(String(member.id), { name: member.fullName, email: member.email })
  for (const skip of preview.skipped)
    names.set(skip.id, {
      name: skip.member?.fullName ?? `Member #${skip.id}`,
      email: skip.member?.email ?? null,
    })
  return runBulk(ctx, {
    kind: action.kind,
    params,
    keys,
    skipped: preview.skipped.map((skip) => ({
      key: skip.id,
      status: 'skipped',
      detail: skipReasonText(skip.reason, target),
    })),
    names,
    groupName: 'group' in action ? action.group.name : undefined,
  })
}

/** Undo is offered for a role, status or group batch that changed someone, until it is used. */
export function canUndo(run: BulkRun, state: BatchState | null): boolean {
  return (
    undoKindOf[run.kind] !== undefined &&
    run.undoneBy === null &&
    state !== null &&
    isEnded(state) &&
    state.counts.done > 0
  )
}

export const isEnded = (state: BatchState) =>
  state.phase === 'finished' || state.phase === 'stopped' || state.phase === 'halted'

/**
 * Takes back what the batch did to each person, but only to those still as it left them (the steps
 * read first; a role Undo is refused by Tallyfy's own read): the rest are reported, not overwritten.
 * The Undo is a batch of its own, with its results, shown at once. Call through
 * `activity.undo(run.handle.record.id)` so the panel's Undo and the dialog's run once between them.
 */
function undoBatch(ctx: CacheContext, run: BulkRun): BulkRun | null {
  const undoKind = undoKindOf[run.kind]
  const state = run.handle.getState()
  if (!undoKind || run.undoneBy !== null) return null
  const done = state.results.filter((r) => r.status === 'done').map((r) => r.key)
  const skipped: ItemResult[] = []
  let keys = done
  let params: Record<string, string>
  if (run.kind === 'role') {
    const from = roleParam(run.params)
    const was = rolesFromParams('was', run.params)
    const to = new Map<string, WritableRole>()
    keys = []
    for (const key of done) {
      const role = was.get(key)
      if (role && role !== from) {
        to.set(key, role)
        keys.push(key)
      } else
        skipped.push({
          key,
          status: 'skipped',
          detail: 'Not undone: their role before is not one Roster can set',
        })
    }
    params = { from: from ?? '', ...rolesToParams('to', to) }
  } else {
    params = run.params.groupId ? { groupId: run.params.groupId } : {}
  }
  const undo = runBulk(ctx, {
    kind: undoKind,
    params,
    keys,
    skipped,
    names: run.names,
    label: `Undo: ${run.label}`,
    groupName: run.groupName ?? undefined,
  })
  run.undoneBy = undo.handle.id
  void undo.handle.done.then((undoState) => {
    const notUndone = undoState.counts.skipped + undoState.counts.refused + undoState.counts.failed
    const detail =
      notUndone > 0
        ? `${describeCounts(undoState.counts)}. ${people(notUndone)} not undone: see the Undo's results.`
        : describeCounts(undoState.counts)
    run.handle.record.undone(detail)
  })
  showBatch(ctx, undo.handle.id)
  return undo
}

/**
 * Sends again to those Tallyfy refused and those whose outcome is uncertain (never the done, the
 * skipped or the failed): a new batch, the uncertain read first so nothing is done twice.
 */
export function retryFailed(ctx: CacheContext, run: BulkRun): BulkRun | null {
  const state = run.handle.getState()
  const again = state.results.filter((r) => r.status === 'refused' || r.status === 'uncertain')
  if (again.length === 0) return null
  const keys = again.map((r) => r.key)
  return runBulk(ctx, {
    kind: run.kind,
    params: run.params,
    keys,
    names: run.names,
    label: `Retry: ${actionLabel(run.kind, run.params, keys.length, run.groupName ?? undefined)}`,
    groupName: run.groupName ?? undefined,
    verifyFirst: new Set(again.filter((r) => r.status === 'uncertain').map((r) => r.key)),
    // The admin asked: an invitation whose sending is uncertain is sent again.
    resendUncertain: true,
  })
}

/**
 * Continues a batch from its journal after a reload: nobody already done or skipped is touched, and
 * those perhaps sent are read first and sent only when the change is not there.
 */
export function resumeBatch(ctx: CacheContext, journal: BatchJournal): BulkRun | null {
  if (!isBatchKind(journal.kind)) return null
  if (isGroupKind(journal.kind) && !journal.params.groupId) return null
  const { verifyFirst, toSend } = unfinishedKeys(journal)
  const keys = [...verifyFirst, ...toSend]
  if (journal.kind === 'invite') {
    // The rows ride in the params (invite-steps.ts); a row they no longer hold cannot be sent.
    const rows = inviteRowsFromParams(journal.params)
    const names = new Map<string, PersonName>()
    for (const key of Object.keys(journal.items)) {
      const row = rows.get(key)
      names.set(key, row ? { name: rowName(row), email: row.email } : { name: rowLabel(key), email: null })
    }
    const sendable = keys.filter((key) => rows.has(key))
    return runBulk(ctx, {
      kind: 'invite',
      params: journal.params,
      keys: sendable,
      names,
      label: journal.label,
      verifyFirst: new Set(sendable),
      resumeOf: journal.id,
    })
  }
  return runBulk(ctx, {
    kind: journal.kind,
    params: journal.params,
    keys,
    names: namesFromDirectory(ctx.qc, ctx.orgId, Object.keys(journal.items)),
    label: journal.label,
    verifyFirst: new Set(verifyFirst),
    resumeOf: journal.id,
  })
}
