// The bulk actions' batches against the demo organization's handlers: which requests go (one per
// person, one PUT per group), what every screen's cache shows afterwards, Undo only where nothing
// changed since, Retry failed, and Resume after a reload checking first and never doing anyone twice.
import type { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { groupQueries } from '../../../api/groups/queries'
import { memberQueries } from '../../../api/members/queries'
import type { Member } from '../../../api/types'
import { activity } from '../../../api/writes/activity'
import { journalKey, readJournal } from '../../../api/writes/batch-journal'
import type { BatchState, ItemResult } from '../../../api/writes/batch'
import { DEMO_ME_ID, DEMO_ORG_ID } from '../../../demo/credentials'
import {
  BOT_MEMBER_ID,
  DEFAULT_ADMIN_ID,
  wireRole,
  type WireGroup,
  type WireMember,
} from '../../../demo/data'
import { demoBatchTests } from '../../../test/demo-batch-tests'
import { previewBulk, type BulkAction } from '../../../lib/bulk-preview'
import { parseCsv } from '../../../test/csv-reader'
import { resumeBatch, retryFailed, startAction, bulkRuns, type BulkRun } from './bulk-run'
import { resultsCsv } from './results-csv'

const { server, org, faults, writes, queryClient } = demoBatchTests({ members: 160 })

const USERS = `/api/organizations/${DEMO_ORG_ID}/users`
const GROUPS = `/api/organizations/${DEMO_ORG_ID}/groups`

let qc: QueryClient
beforeEach(() => {
  qc = queryClient()
})

const ctx = () => ({ qc, orgId: DEMO_ORG_ID })
const directory = () => qc.getQueryData(memberQueries.directory(DEMO_ORG_ID).queryKey)?.members ?? []
const byId = () => new Map(directory().map((m) => [String(m.id), m]))
const cached = (id: number) => directory().find((m) => m.id === id) as Member
const wire = (id: number) => org.members.find((m) => m.id === id) as WireMember

let taken = new Set<number>()
beforeAll(() => {
  taken = new Set([DEMO_ME_ID, DEFAULT_ADMIN_ID, BOT_MEMBER_ID])
})
/** `n` active standard members no other test of this file has used (the demo's data is shared). */
function fresh(n: number, status: WireMember['status'] = 'active', notIn?: WireGroup): WireMember[] {
  const found = org.members
    .filter(
      (m) =>
        !taken.has(m.id) &&
        !notIn?.members.some((id) => Number(id) === m.id) &&
        m.status === status &&
        wireRole(m)?.toLowerCase() === 'standard' &&
        !m.full_name.startsWith('=') &&
        !m.email.startsWith('bot@'),
    )
    .slice(0, n)
  if (found.length < n) throw new Error(`the demo has too few ${status} standard members left`)
  for (const m of found) taken.add(m.id)
  return found
}

/** Runs the action on `ids` as the dialog would: preview, then start; resolves when it ended. */
async function act(action: BulkAction, ids: readonly number[]): Promise<{ run: BulkRun; state: BatchState }> {
  const preview = previewBulk(action, ids.map(String), byId(), DEMO_ME_ID)
  const run = startAction(ctx(), action, preview)
  return { run, state: await run.handle.done }
}

const outcome = (state: BatchState) =>
  Object.fromEntries(
    state.results.map((r: ItemResult) => [r.key, `${r.status}${r.detail ? `: ${r.detail}` : ''}`]),
  )

/** The Undo of `run`, pressed once (the dialog's and the Activity panel's are the same). */
async function undo(run: BulkRun): Promise<BatchState> {
  await Promise.resolve()
  expect(activity.undo(run.handle.record.id)).toBe(true)
  const undoRun = bulkRuns.get(run.undoneBy as string) as BulkRun
  return undoRun.handle.done
}

describe('group changes', () => {
  it('adds 25 members to a group in ONE PUT on a fresh read, keeping a member someone else added meanwhile', async () => {
    const group = org.groups[0]!
    const joiners = fresh(25, 'active', group)
    const outsider = fresh(1, 'active', group)[0]!
    const { run, state } = await (async () => {
      const preview = previewBulk(
        {
          kind: 'group-add',
          group: { id: group.id, name: group.name, memberIds: group.members.map(String) },
        },
        joiners.map((m) => String(m.id)),
        byId(),
        DEMO_ME_ID,
      )
      // Someone else adds a member after the preview, before Roster's PUT.
      group.members.push(outsider.id)
      const started = startAction(
        ctx(),
        { kind: 'group-add', group: { id: group.id, name: group.name, memberIds: [] } },
        preview,
      )
      return { run: started, state: await started.handle.done }
    })()

    expect(writes).toEqual([`PUT ${GROUPS}/${group.id}`])
    expect(state.counts.done).toBe(25)
    expect(run.label).toBe(`Add 25 members to ${group.name}`)
    const onServer = group.members.map(Number)
    expect(onServer).toContain(outsider.id)
    for (const m of joiners) expect(onServer).toContain(m.id)
    // Every screen agrees without a reload: the groups list, and each member's Groups.
    const listed = qc.getQueryData(groupQueries.list(DEMO_ORG_ID).queryKey)?.find((g) => g.id === group.id)
    expect(listed?.memberIds).toEqual(
      expect.arrayContaining([...joiners.map((m) => String(m.id)), String(outsider.id)]),
    )
    expect(cached(joiners[0]!.id).groups?.map((g) => g.id)).toContain(group.id)
  })

  it('tells each person how the one PUT went: someone already added meanwhile is skipped, not done', async () => {
    const group = org.groups[1]!
    const [a, b] = fresh(2, 'active', group)
    const preview = previewBulk(
      { kind: 'group-add', group: { id: group.id, name: group.name, memberIds: group.members.map(String) } },
      [String(a!.id), String(b!.id)],
      byId(),
      DEMO_ME_ID,
    )
    group.members.push(b!.id)
    const run = startAction(
      ctx(),
      { kind: 'group-add', group: { id: group.id, name: group.name, memberIds: [] } },
      preview,
    )
    const state = await run.handle.done
    expect(outcome(state)).toEqual({ [a!.id]: 'done', [b!.id]: `skipped: Already in ${group.name}` })
    expect(writes).toHaveLength(1)
  })

  it('a member since deleted, still in the group, is taken out on the way, and each person is told', async () => {
    const group = org.groups[4]!
    faults.set({ staleGroupMember: { groupId: group.id } })
    const [a] = fresh(1, 'active', group)
    const { state } = await act(
      { kind: 'group-add', group: { id: group.id, name: group.name, memberIds: null } },
      [a!.id],
    )
    expect(outcome(state)).toEqual({
      [a!.id]: 'done: Also removed Unknown member #424242, who is no longer in the organization.',
    })
    // Refused once for the stale ID, then sent once without it.
    expect(writes).toEqual([`PUT ${GROUPS}/${group.id}`, `PUT ${GROUPS}/${group.id}`])
  })

  it('Undo takes out, in one PUT, only those still in the group as the batch left them', async () => {
    const group = org.groups[2]!
    const [a, b, c] = fresh(3, 'active', group)
    const { run } = await act(
      { kind: 'group-add', group: { id: group.id, name: group.name, memberIds: group.members.map(String) } },
      [a!.id, b!.id, c!.id],
    )
    // Someone else takes c out again before the Undo.
    group.members = group.members.filter((id) => Number(id) !== c!.id)
    writes.length = 0
    const state = await undo(run)
    expect(writes).toEqual([`PUT ${GROUPS}/${group.id}`])
    expect(outcome(state)).toEqual({
      [a!.id]: 'done',
      [b!.id]: 'done',
      [c!.id]: `skipped: Not undone: no longer in ${group.name} since`,
    })
    expect(group.members.map(Number)).not.toContain(a!.id)
  })
})

describe('member changes', () => {
  it('changes roles one request per person, skips the default administrator and you, and every screen agrees', async () => {
    const people = fresh(3)
    const ids = [DEFAULT_ADMIN_ID, DEMO_ME_ID, ...people.map((m) => m.id)]
    const { run, state } = await act({ kind: 'role', role: 'light' }, ids)
    expect(new Set(writes)).toEqual(new Set(people.map((m) => `PUT ${USERS}/${m.id}/role`)))
    expect(writes).toHaveLength(3)
    expect(run.label).toBe("Change 3 members' role to Light")
    expect(state.counts).toMatchObject({ done: 3, skipped: 2 })
    for (const m of people) {
      expect(wireRole(wire(m.id))).toBe('light')
      expect(cached(m.id).role).toBe('light')
    }
  })

  it('Undo of a role change puts back only those whose role nobody changed since, and reports the rest', async () => {
    const [a, b, c] = fresh(3)
    const { run } = await act({ kind: 'role', role: 'light' }, [a!.id, b!.id, c!.id])
    // Someone else makes b an administrator meanwhile.
    delete wire(b!.id).user_role
    wire(b!.id).role = 'admin'
    writes.length = 0
    const state = await undo(run)
    expect(outcome(state)).toEqual({
      [a!.id]: 'done',
      [b!.id]: 'skipped: Not undone: their role is now Administrator',
      [c!.id]: 'done',
    })
    expect(new Set(writes)).toEqual(new Set([`PUT ${USERS}/${a!.id}/role`, `PUT ${USERS}/${c!.id}/role`]))
    expect(writes).toHaveLength(2)
    expect(wireRole(wire(a!.id))).toBe('standard')
    expect(wireRole(wire(b!.id))).toBe('admin')
    expect(cached(b!.id).role).toBe('admin')
  })

  it('Undo of a disable reads each member first and enables only those still disabled', async () => {
    const [a, b] = fresh(2)
    const { run, state } = await act({ kind: 'disable' }, [a!.id, b!.id])
    expect(state.counts.done).toBe(2)
    expect(cached(a!.id).status).toBe('disabled')
    // Someone enables b again before the Undo.
    wire(b!.id).status = 'active'
    writes.length = 0
    const undone = await undo(run)
    expect(outcome(undone)).toEqual({
      [a!.id]: 'done',
      [b!.id]: 'skipped: Not undone: enabled since by someone else',
    })
    expect(writes).toEqual([`PUT ${USERS}/${a!.id}/enable`])
    expect(cached(a!.id).status).toBe('active')
  })

  it('Retry failed sends again only to those refused, and reads the uncertain ones first', async () => {
    const [a, b, c] = fresh(3)
    // a: Tallyfy refuses once; b: the answer is lost and the member cannot be read back (uncertain).
    server.use(
      http.put(
        `*${USERS.slice(4)}/${a!.id}/role`,
        () =>
          HttpResponse.json(
            { message: 'The given data was invalid.', errors: { role: ['Not now.'] } },
            { status: 422 },
          ),
        { once: true },
      ),
      http.put(`*${USERS.slice(4)}/${b!.id}/role`, () => HttpResponse.error(), { once: true }),
      http.get(`*${USERS.slice(4)}/${b!.id}`, () => HttpResponse.error(), { once: true }),
    )
    const { run, state } = await act({ kind: 'role', role: 'light' }, [a!.id, b!.id, c!.id])
    expect(state.results.map((r) => [r.key, r.status])).toEqual([
      [String(a!.id), 'refused'],
      [String(b!.id), 'uncertain'],
      [String(c!.id), 'done'],
    ])
    // b's change did reach Tallyfy after all: the re-read sees it, and nothing is sent for b.
    delete wire(b!.id).user_role
    wire(b!.id).role = 'light'
    writes.length = 0
    const again = retryFailed(ctx(), run) as BulkRun
    const retried = await again.handle.done
    expect(writes).toEqual([`PUT ${USERS}/${a!.id}/role`])
    expect(outcome(retried)).toEqual({
      [a!.id]: 'done',
      [b!.id]: 'done: Already Light when read again',
    })
  })
})

describe('Resume', () => {
  it('never repeats a person done, checks those perhaps sent first, and sends the rest once', async () => {
    const [done, sentAndApplied, sentNotApplied, pending] = fresh(4)
    // A reload cut a disable short: the journal is all that is left of it.
    localStorage.setItem(
      journalKey(DEMO_ORG_ID),
      JSON.stringify({
        id: 'b-before-reload',
        kind: 'disable',
        params: {},
        label: 'Disable 4 members',
        startedAt: Date.now() - 60_000,
        items: {
          [done!.id]: 'done',
          [sentAndApplied!.id]: 'sent',
          [sentNotApplied!.id]: 'sent',
          [pending!.id]: 'pending',
        },
      }),
    )
    wire(done!.id).status = 'disabled'
    wire(sentAndApplied!.id).status = 'disabled'
    const journal = readJournal(DEMO_ORG_ID)!
    const run = resumeBatch(ctx(), journal) as BulkRun
    const state = await run.handle.done
    expect(new Set(writes)).toEqual(
      new Set([`DELETE ${USERS}/${sentNotApplied!.id}/disable`, `DELETE ${USERS}/${pending!.id}/disable`]),
    )
    expect(writes).toHaveLength(2)
    expect(outcome(state)).toMatchObject({
      [done!.id]: 'done',
      [sentAndApplied!.id]: 'done: Already disabled when read again',
      [sentNotApplied!.id]: 'done',
      [pending!.id]: 'done',
    })
    expect(run.label).toBe('Disable 4 members')
    // Finished: nothing is left to resume.
    expect(readJournal(DEMO_ORG_ID)).toBeNull()
  })

  it('an invitation perhaps resent before the reload is not resent: Tallyfy cannot tell, so it is uncertain', async () => {
    const [maybe] = fresh(1, 'invited')
    localStorage.setItem(
      journalKey(DEMO_ORG_ID),
      JSON.stringify({
        id: 'b-resend',
        kind: 'resend',
        params: {},
        label: 'Resend 1 invitation',
        startedAt: Date.now(),
        items: { [maybe!.id]: 'sent' },
      }),
    )
    const run = resumeBatch(ctx(), readJournal(DEMO_ORG_ID)!) as BulkRun
    const state = await run.handle.done
    expect(writes).toEqual([])
    expect(state.results[0]?.status).toBe('uncertain')
  })
})

describe('results CSV', () => {
  it('has a row per person with name, email, outcome and detail, formulas kept as text', () => {
    const names = new Map([
      ['1', { name: '=HYPERLINK("https://evil.example","Pay")', email: 'a@example.com' }],
      ['2', { name: 'Bob, Jr.', email: null }],
    ])
    const csv = resultsCsv(
      [
        { key: '1', status: 'refused', detail: 'The user is not in invited status.' },
        { key: '2', status: 'done', detail: null },
        { key: '3', status: 'skipped', detail: 'Already Light' },
      ],
      names,
    )
    expect(parseCsv(csv.replace(/^\uFEFF/, ''))).toEqual([
      ['Name', 'Email', 'Outcome', 'Detail'],
      [
        `'=HYPERLINK("https://evil.example","Pay")`,
        'a@example.com',
        'Refused',
        'The user is not in invited status.',
      ],
      ['Bob, Jr.', '', 'Done', ''],
      ['Member #3', '', 'Skipped', 'Already Light'],
    ])
  })
})
