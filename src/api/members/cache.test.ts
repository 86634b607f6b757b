import { QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { makeGroup } from '../../test/group-factory'
import { groupQueries } from '../groups/queries'
import {
  addDirectoryMember,
  addInvited,
  applyAnswer,
  applyOptimistic,
  directoryGatherPolicy,
  gatherDirectoryWrites,
  groupsWithoutMember,
  mergeAnswer,
  patchDirectoryMember,
  removeDirectoryMember,
  removeFromGroups,
  removeMember,
  rollback,
  rollbackDirectoryMember,
  rolePatch,
} from './cache'
import { memberQueries } from './queries'
import type { MemberDirectory } from '../types'

const ORG = 'org1'
const ana = makeMember({ id: 1, fullName: 'Ana', role: 'unknown', rawRole: 'Coworker' })
const ben = makeMember({ id: 2, fullName: 'Ben', role: 'admin', rawRole: 'Admin' })
const cy = makeMember({ id: 3, fullName: 'Cy', status: 'disabled' })
const directory = () => completeDirectory([ana, ben, cy])

describe('patching one member of the directory', () => {
  it('replaces only that row; the others keep their identity', () => {
    const before = directory()
    const after = patchDirectoryMember(before, 2, rolePatch('light'))
    expect(after).not.toBe(before)
    expect(after.members[1]).toEqual({ ...ben, role: 'light', rawRole: 'light' })
    expect(after.members[0]).toBe(ana)
    expect(after.members[2]).toBe(cy)
    expect(after.total).toBe(3)
    expect(after.complete).toBe(true)
  })

  it('sets role and rawRole together, whatever casing the table held', () => {
    const after = patchDirectoryMember(directory(), 1, rolePatch('admin'))
    expect(after.members[0]).toMatchObject({ role: 'admin', rawRole: 'admin' })
  })

  it('returns the same directory when the member is not in it or nothing changes', () => {
    const before = directory()
    expect(patchDirectoryMember(before, 99, { status: 'disabled' })).toBe(before)
    expect(patchDirectoryMember(before, 3, { status: 'disabled' })).toBe(before)
  })

  it('rolls back only the fields it patched, keeping a change another write made meanwhile', () => {
    const patched = patchDirectoryMember(directory(), 2, rolePatch('light'))
    // Meanwhile a disable of the same person succeeded.
    const meanwhile = patchDirectoryMember(patched, 2, { status: 'disabled' })
    const rolledBack = rollbackDirectoryMember(meanwhile, ben, rolePatch('light'))
    expect(rolledBack.members[1]).toMatchObject({ role: 'admin', rawRole: 'Admin', status: 'disabled' })
    expect(rolledBack.members[0]).toBe(ana)
  })
})

describe('answers and invitations', () => {
  it("keeps the groups we knew when Tallyfy's answer has none included", () => {
    const answer = { ...ben, role: 'standard' as const, rawRole: 'standard', groups: null }
    expect(mergeAnswer({ ...ben, groups: [{ id: 'g', name: 'Ops' }] }, answer).groups).toEqual([
      { id: 'g', name: 'Ops' },
    ])
  })

  it('adds an invited member once, counting them in the total', () => {
    const dan = makeMember({ id: 4, fullName: 'Dan', status: 'invited', groups: null })
    const once = addDirectoryMember(directory(), dan)
    expect(once.members.map((m) => m.id)).toEqual([1, 2, 3, 4])
    expect(once.total).toBe(4)
    const twice = addDirectoryMember(once, dan)
    expect(twice.members).toHaveLength(4)
    expect(twice.total).toBe(4)
  })

  it('a withdrawn invitation leaves the directory and its total; the other rows keep their identity', () => {
    const before = directory()
    const after = removeDirectoryMember(before, 2)
    expect(after.members).toEqual([ana, cy])
    expect(after.members[0]).toBe(ana)
    expect(after.total).toBe(2)
    expect(after.complete).toBe(true)
    expect(removeDirectoryMember(after, 2)).toBe(after)
  })

  it('a disabled member leaves every group; groups without them stay the same objects', () => {
    const ops = makeGroup({ id: 'g1', name: 'Ops', memberIds: ['1', '2'] })
    const hr = makeGroup({ id: 'g2', name: 'HR', memberIds: ['3'] })
    const after = groupsWithoutMember([ops, hr], 2)
    expect(after[0]?.memberIds).toEqual(['1'])
    expect(after[1]).toBe(hr)
    const none = [hr]
    expect(groupsWithoutMember(none, 2)).toBe(none)
  })
})

const setup = () => {
  const queryClient = new QueryClient()
  queryClient.setQueryData(memberQueries.directory(ORG).queryKey, directory())
  queryClient.setQueryData(memberQueries.detail(ORG, 2).queryKey, ben)
  return queryClient
}
const rows = (qc: QueryClient) =>
  (qc.getQueryData(memberQueries.directory(ORG).queryKey) as MemberDirectory).members

describe('on a QueryClient', () => {
  it('an optimistic role change shows in the directory and on the profile, and rolls back on failure', async () => {
    const qc = setup()
    const snapshot = await applyOptimistic(qc, ORG, 2, rolePatch('standard'))
    expect(rows(qc)[1]).toMatchObject({ role: 'standard', rawRole: 'standard' })
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)).toMatchObject({ role: 'standard' })
    expect(rows(qc)[0]).toBe(ana)

    rollback(qc, ORG, snapshot)
    expect(rows(qc)[1]).toEqual(ben)
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)).toEqual(ben)
  })

  it('an optimistic disable changes the status, and rolls back to the status before', async () => {
    const qc = setup()
    const snapshot = await applyOptimistic(qc, ORG, 2, { status: 'disabled' })
    expect(rows(qc)[1]?.status).toBe('disabled')
    rollback(qc, ORG, snapshot)
    expect(rows(qc)[1]?.status).toBe('active')
  })

  it("Tallyfy's answer replaces the guess; an invitation lands in the directory and its own cache", () => {
    const qc = setup()
    applyAnswer(qc, ORG, { ...ben, rawRole: 'Light', role: 'light', groups: null })
    expect(rows(qc)[1]).toMatchObject({ role: 'light', rawRole: 'Light', groups: [] })
    const dan = makeMember({ id: 4, fullName: 'Dan', status: 'invited' })
    addInvited(qc, ORG, dan)
    expect(rows(qc).at(-1)).toBe(dan)
    expect(qc.getQueryData(memberQueries.detail(ORG, 4).queryKey)).toBe(dan)
  })

  it('after a disable, the member is gone from the cached group list and group details', () => {
    const qc = setup()
    qc.setQueryData(memberQueries.detail(ORG, 2).queryKey, { ...ben, groups: [{ id: 'g1', name: 'Ops' }] })
    qc.setQueryData(groupQueries.list(ORG).queryKey, [makeGroup({ id: 'g1', name: 'Ops', memberIds: ['2'] })])
    qc.setQueryData(
      groupQueries.detail(ORG, 'g1').queryKey,
      makeGroup({ id: 'g1', name: 'Ops', memberIds: ['1', '2'] }),
    )
    removeFromGroups(qc, ORG, 2)
    expect(qc.getQueryData(groupQueries.list(ORG).queryKey)?.[0]?.memberIds).toEqual([])
    expect(qc.getQueryData(groupQueries.detail(ORG, 'g1').queryKey)?.memberIds).toEqual(['1'])
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)?.groups).toEqual([])
    expect(rows(qc)[1]?.groups).toEqual([])
  })
})

describe('removeMember (a withdrawn invitation)', () => {
  it('the directory, the member’s page and every cached group lose them; nobody else changes', () => {
    const qc = setup()
    const ops = makeGroup({ id: 'g1', name: 'Ops', memberIds: ['2', '3'] })
    const hr = makeGroup({ id: 'g2', name: 'HR', memberIds: ['1'] })
    qc.setQueryData(groupQueries.list(ORG).queryKey, [ops, hr])
    qc.setQueryData(groupQueries.detail(ORG, 'g1').queryKey, ops)
    qc.setQueryData(memberQueries.detail(ORG, 1).queryKey, ana)

    removeMember(qc, ORG, 2)

    expect(rows(qc).map((m) => m.id)).toEqual([1, 3])
    expect(qc.getQueryData<MemberDirectory>(memberQueries.directory(ORG).queryKey)?.total).toBe(2)
    expect(qc.getQueryCache().find({ queryKey: memberQueries.detail(ORG, 2).queryKey })).toBeUndefined()
    expect(qc.getQueryData(memberQueries.detail(ORG, 1).queryKey)).toBe(ana)
    const groups = qc.getQueryData(groupQueries.list(ORG).queryKey)
    expect(groups?.[0]?.memberIds).toEqual(['3'])
    expect(groups?.[1]).toBe(hr)
    expect(qc.getQueryData(groupQueries.detail(ORG, 'g1').queryKey)?.memberIds).toEqual(['3'])
  })

  it('asks for nothing that is not cached', () => {
    const qc = new QueryClient()
    removeMember(qc, ORG, 2)
    expect(qc.getQueryCache().getAll()).toEqual([])
  })
})

describe('gathered directory writes (a batch)', () => {
  afterEach(() => vi.useRealTimers())

  it('the directory changes once per gathering, in the order the writes were made, and at the end', async () => {
    vi.useFakeTimers()
    const qc = setup()
    let changes = 0
    const unsubscribe = qc.getQueryCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.query.queryHash === JSON.stringify(memberQueries.directory(ORG).queryKey)
      )
        changes++
    })
    const release = gatherDirectoryWrites(qc, ORG)
    const first = await applyOptimistic(qc, ORG, 1, rolePatch('light'))
    await applyOptimistic(qc, ORG, 2, rolePatch('standard'))
    applyAnswer(qc, ORG, { ...ana, role: 'light', rawRole: 'light' }, first)
    // Nothing yet: the table is not re-rendered per write.
    expect(changes).toBe(0)
    expect(rows(qc)[0]).toBe(ana)
    // A member's page follows at once.
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)).toMatchObject({ role: 'standard' })

    await vi.advanceTimersByTimeAsync(directoryGatherPolicy.minMs)
    expect(changes).toBe(1)
    expect(rows(qc)[0]).toMatchObject({ role: 'light' })
    expect(rows(qc)[1]).toMatchObject({ role: 'standard' })

    // A write that then fails rolls back over what was gathered before it; the end applies what waits.
    const third = await applyOptimistic(qc, ORG, 3, { status: 'active' })
    rollback(qc, ORG, third)
    release()
    expect(changes).toBe(2)
    expect(rows(qc)[2]).toMatchObject({ status: 'disabled' })
    unsubscribe()

    // After the batch, writes are immediate again.
    await applyOptimistic(qc, ORG, 3, { status: 'active' })
    expect(rows(qc)[2]).toMatchObject({ status: 'active' })
  })

  it('a snapshot taken while a write to the same member waits reads the member as that write left them', async () => {
    vi.useFakeTimers()
    const qc = setup()
    const release = gatherDirectoryWrites(qc, ORG)
    await applyOptimistic(qc, ORG, 2, rolePatch('standard'))
    const undo = await applyOptimistic(qc, ORG, 2, rolePatch('admin'))
    rollback(qc, ORG, undo)
    release()
    expect(rows(qc)[1]).toMatchObject({ role: 'standard' })
  })
})
