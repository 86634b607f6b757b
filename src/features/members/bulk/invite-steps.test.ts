// An import's batch against the demo's handlers, beyond what the dialog's tests see: Stop still
// adds those already invited to their groups; a Resume after a reload sends only what was not sent,
// looks up first whoever may have been (never a second invitation), and the journal, which holds
// the rows for this kind only, is gone once nothing is left to do, and at sign-out.
import type { QueryClient } from '@tanstack/react-query'
import { http } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import { credentialStore } from '../../../api/credentials'
import { runWrite } from '../../../api/writes/run-write'
import { memberMutations } from '../../../api/members/mutations'
import { journalKey, readJournal, type BatchJournal } from '../../../api/writes/batch-journal'
import { DEMO_ORG_ID } from '../../../demo/credentials'
import { demoBatchTests } from '../../../test/demo-batch-tests'
import { resumeBatch, runBulk } from './bulk-run'
import { inviteParams, inviteRowsFromParams, type InviteRow } from './invite-steps'

const { server, org, writes, queryClient } = demoBatchTests({ members: 80 })

let qc: QueryClient
beforeEach(() => {
  qc = queryClient()
})

let serial = 0
const person = (line: number, groupIds: string[] = []): InviteRow => ({
  key: `r${line}`,
  email: `steps${Date.now().toString(36)}${serial++}@example.com`,
  firstName: 'Imp',
  lastName: `Row${line}`,
  role: 'standard',
  groupIds,
})
const ctx = () => ({ qc, orgId: DEMO_ORG_ID })
const invitesSent = () => writes.filter((w) => w.endsWith('/users/invite')).length

describe('the params', () => {
  it('carry the rows and the message, and read back what is well formed only', () => {
    const rows = [person(2, ['g1']), person(3)]
    const params = inviteParams('Welcome', rows)
    expect(params.message).toBe('Welcome')
    expect([...inviteRowsFromParams(params).values()]).toEqual(rows)
    expect(inviteRowsFromParams({ rows: '[["r9","x@example.com","A","B","owner",[]], 7]' }).size).toBe(0)
    expect(inviteRowsFromParams({ rows: 'not json' }).size).toBe(0)
  })
})

describe('Stop', () => {
  it('sends no more invitations, but adds those already invited to their groups (one PUT)', async () => {
    const group = org.groups[2]!
    const rows = Array.from({ length: 8 }, (_, i) => person(i + 2, [group.id]))
    // The first two invitations are answered at once; the next ones are held until Stop has been
    // pressed (progress is told at most every 100 ms, so timing alone could let all eight through).
    let answered = 0
    let release!: () => void
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    server.use(
      http.post('*/users/invite', async () => {
        if (++answered > 2) await released
        return undefined
      }),
    )
    const run = runBulk(ctx(), {
      kind: 'invite',
      params: inviteParams('Welcome', rows),
      keys: rows.map((r) => r.key),
      names: new Map(),
    })
    await new Promise<void>((resolve) => {
      const stop = run.handle.subscribe(() => {
        if (run.handle.getState().counts.done >= 2) {
          stop()
          run.handle.stop()
          release()
          resolve()
        }
      })
    })
    const state = await run.handle.done
    expect(state.phase).toBe('stopped')
    const invited = org.members.filter((m) => rows.some((r) => r.email === m.email))
    expect(invited.length).toBeGreaterThan(0)
    expect(invited.length).toBeLessThan(8)
    expect(state.counts.done).toBe(invited.length)
    expect(state.counts['not-sent']).toBe(8 - invited.length)
    expect(writes.filter((w) => w.startsWith('PUT'))).toEqual([
      `PUT /api/organizations/${DEMO_ORG_ID}/groups/${group.id}`,
    ])
    const inGroup = new Set(org.groups[2]!.members.map(Number))
    for (const member of invited) expect(inGroup.has(member.id)).toBe(true)
  })
})

describe('Resume after a reload', () => {
  it('looks up whoever may have been invited, invites only the rest, and leaves no journal', async () => {
    const already = person(2)
    const pending = person(3)
    const never = person(4)
    // The run that was cut short: row 2's invitation went (Tallyfy holds it), its answer did not come back.
    await runWrite(qc, memberMutations.invite(DEMO_ORG_ID), { ...already, message: 'Welcome' })
    expect(org.members.filter((m) => m.email === already.email)).toHaveLength(1)
    writes.length = 0
    const journal: BatchJournal = {
      id: 'b-import-cut',
      kind: 'invite',
      params: inviteParams('Welcome', [already, pending, never]),
      label: 'Invite 3 people',
      startedAt: Date.now() - 60_000,
      items: { r2: 'sent', r3: 'pending', r4: 'not-sent', r5: 'skipped' },
    }
    localStorage.setItem(journalKey(DEMO_ORG_ID), JSON.stringify(journal))
    const run = resumeBatch(ctx(), readJournal(DEMO_ORG_ID)!)!
    const state = await run.handle.done
    expect(state.phase).toBe('finished')
    expect(invitesSent()).toBe(2)
    expect(org.members.filter((m) => m.email === already.email)).toHaveLength(1)
    const byKey = new Map(state.results.map((r) => [r.key, r]))
    expect(byKey.get('r2')).toMatchObject({ status: 'done', detail: 'Already invited when looked up again' })
    expect(byKey.get('r3')).toMatchObject({ status: 'done', detail: 'Invited as Standard' })
    expect(byKey.get('r5')).toMatchObject({ status: 'skipped' })
    expect(run.names.get('r5')?.name).toBe('Row 5')
    // Nothing left to do: the rows (emails, names) are no longer in the browser.
    expect(localStorage.getItem(journalKey(DEMO_ORG_ID))).toBeNull()
  })

  it('an explicit sign-out removes a journal that still holds rows', () => {
    localStorage.setItem(
      journalKey(DEMO_ORG_ID),
      JSON.stringify({
        id: 'b-import-left',
        kind: 'invite',
        params: inviteParams('Welcome', [person(2)]),
        label: 'Invite 1 person',
        startedAt: Date.now(),
        items: { r2: 'pending' },
      }),
    )
    credentialStore.endSession('signed-out')
    expect(localStorage.getItem(journalKey(DEMO_ORG_ID))).toBeNull()
  })
})
