import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { credentialStore } from '../credentials'
import { orgKeys } from '../keys'
import type { Group, Guest, ListCompleteness, Member, MemberDirectory } from '../types'
import { readList, writeDirectory, writeList, type ListKind } from './device-store'
import { keepsData } from './keeps-data'

// A remembered session keeps its organization's directory, groups and guests on the device (#25):
// started by the directory loader once the first rows are on screen (api/members/queries.ts), it
// puts the stored groups and guests lists into the cache (when nothing newer is there; their pages
// read them again in the background, as stale), then saves each list whenever it changes: after a
// read completes, and after every write, a couple of seconds after the last of a run of them.
//
// A save asks before every chunk whether the session still keeps data (signed out, expired, switched
// organization or stopped remembering in any tab: no), so a save under way never writes back what
// the end of a session deleted (api/credentials.ts deletes the store on every end).

/** Quiet time after the last change before a save: a run of writes, or a batch, saves once. */
export const SAVE_AFTER_MS = 2000

// The keys of the lists kept, written here rather than imported with their query factories: those
// modules load with their pages. The tests check they are the same keys.
export const keptKeys = (orgId: string) => ({
  directory: [...orgKeys(orgId), 'members', 'directory'] as const,
  groups: [...orgKeys(orgId), 'groups', 'list'] as const,
  groupsCompleteness: [...orgKeys(orgId), 'groups', 'completeness'] as const,
  guests: [...orgKeys(orgId), 'guests', 'list'] as const,
  guestsCompleteness: [...orgKeys(orgId), 'guests', 'completeness'] as const,
})

const started = new WeakMap<QueryClient, Map<string, () => void>>()

/** Starts keeping the organization's lists on this device (once per query client and organization). */
export function keepOnDevice(
  client: QueryClient,
  orgId: string,
  { saveAfterMs = SAVE_AFTER_MS }: { saveAfterMs?: number } = {},
): () => void {
  let byOrg = started.get(client)
  if (!byOrg) started.set(client, (byOrg = new Map()))
  const running = byOrg.get(orgId)
  if (running) return running
  const allowed = () => keepsData(orgId)
  if (!allowed()) return () => {}

  const keys = keptKeys(orgId)
  const hashes = {
    directory: hashKey(keys.directory),
    groups: hashKey(keys.groups),
    guests: hashKey(keys.guests),
  }
  const dirty = new Set<'directory' | ListKind>()
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> | null = null
  let lastSavedRows: readonly Member[] | null = null
  let stopped = false

  const saveDirectory = async () => {
    const dir = client.getQueryData<MemberDirectory>(keys.directory)
    if (!dir || !isKeepable(dir)) return
    const rows = dir.members
    const ok = await writeDirectory(
      orgId,
      rows,
      {
        readAt: dir.readAt ?? Date.now(),
        fullReadAt: dir.fullReadAt ?? 0,
        changedUpTo: dir.changedUpTo ?? null,
        total: dir.total,
      },
      () => !stopped && allowed(),
      lastSavedRows,
    )
    if (ok) lastSavedRows = rows
  }

  const saveList = async (kind: ListKind) => {
    const listKey = kind === 'groups' ? keys.groups : keys.guests
    const completenessKey = kind === 'groups' ? keys.groupsCompleteness : keys.guestsCompleteness
    const state = client.getQueryState<readonly Group[] | readonly Guest[]>(listKey)
    const completeness = client.getQueryData<ListCompleteness | null>(completenessKey) ?? null
    // A list that stopped short is not kept: the next visit reads it from Tallyfy as usual.
    if (!state?.data || state.status !== 'success' || (completeness && !completeness.complete)) return
    await writeList(orgId, kind, state.data, completeness, state.dataUpdatedAt, () => !stopped && allowed())
  }

  const flush = () => {
    timer = null
    if (saving) {
      // One save at a time; what changed meanwhile is saved right after.
      void saving.then(schedule)
      return
    }
    const kinds = [...dirty]
    dirty.clear()
    saving = (async () => {
      for (const kind of kinds) {
        if (stopped || !allowed()) return
        await (kind === 'directory' ? saveDirectory() : saveList(kind))
      }
    })()
      .catch(() => {})
      .finally(() => {
        saving = null
      })
  }

  function schedule() {
    if (stopped || dirty.size === 0) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, saveAfterMs)
  }

  const unsubscribeCache = client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'added') return
    const hash = event.query.queryHash
    if (hash === hashes.directory) {
      const dir = event.query.state.data as MemberDirectory | undefined
      if (dir && isKeepable(dir)) dirty.add('directory')
    } else if (hash === hashes.groups) {
      if (event.query.state.status === 'success') dirty.add('groups')
    } else if (hash === hashes.guests) {
      if (event.query.state.status === 'success') dirty.add('guests')
    } else return
    schedule()
  })
  const unsubscribeSession = credentialStore.subscribe(() => {
    if (!allowed()) stop()
  })

  function stop() {
    stopped = true
    if (timer) clearTimeout(timer)
    unsubscribeCache()
    unsubscribeSession()
    byOrg?.delete(orgId)
  }
  byOrg.set(orgId, stop)

  void restoreLists(client, orgId, allowed).then(() => {
    // What is already loaded and not saved yet (a first sign-in's directory, for one).
    const dir = client.getQueryData<MemberDirectory>(keys.directory)
    if (dir && isKeepable(dir)) dirty.add('directory')
    schedule()
  })
  return stop
}

/** A directory worth keeping: read whole, and no longer the stored copy waiting for its refresh. */
function isKeepable(dir: MemberDirectory): boolean {
  return dir.complete && !dir.loading && dir.asOf == null && typeof dir.readAt === 'number'
}

/**
 * The stored groups and guests lists into the cache, where nothing is there yet, dated from their
 * read: their pages show them at once and read them again (stale after five minutes, like any list).
 */
async function restoreLists(client: QueryClient, orgId: string, allowed: () => boolean) {
  const keys = keptKeys(orgId)
  const lists: Array<[ListKind, QueryKey, QueryKey]> = [
    ['groups', keys.groups, keys.groupsCompleteness],
    ['guests', keys.guests, keys.guestsCompleteness],
  ]
  for (const [kind, listKey, completenessKey] of lists) {
    if (client.getQueryData(listKey) !== undefined) continue
    const stored = await readList<Group | Guest>(orgId, kind)
    if (!stored || !allowed() || client.getQueryData(listKey) !== undefined) continue
    client.setQueryData(listKey, stored.items, { updatedAt: stored.readAt })
    if (stored.completeness)
      client.setQueryData(completenessKey, stored.completeness, { updatedAt: stored.readAt })
  }
}
