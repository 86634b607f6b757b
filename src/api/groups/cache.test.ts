// What a group write does to the cache when a read or an answer came without the group's lists:
// an unknown list is never taken for an empty one, so no member loses the group from their row.
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGroup } from '../../test/group-factory'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { memberQueries } from '../members/queries'
import type { Group } from '../types'
import { forgetGroup, settleGroup } from './cache'
import { groupQueries } from './queries'

const ORG = 'org-cache'
const design = { id: 'g1', name: 'Design' }
const ada = makeMember({ id: 1001, fullName: 'Ada Lovelace', groups: [design] })
const grace = makeMember({ id: 1002, fullName: 'Grace Hopper', groups: [design] })
const linus = makeMember({ id: 1003, fullName: 'Linus Torvalds', groups: [] })

function clientWith(group: Group) {
  const qc = new QueryClient()
  qc.setQueryData(groupQueries.detail(ORG, group.id).queryKey, group)
  qc.setQueryData(groupQueries.list(ORG).queryKey, [group])
  qc.setQueryData(memberQueries.directory(ORG).queryKey, completeDirectory([ada, grace, linus]))
  return qc
}
const groupsOf = (qc: QueryClient, id: number) =>
  qc
    .getQueryData(memberQueries.directory(ORG).queryKey)
    ?.members.find((m) => m.id === id)
    ?.groups?.map((g) => g.name)
const cached = (qc: QueryClient) => qc.getQueryData(groupQueries.detail(ORG, design.id).queryKey)

describe('settleGroup', () => {
  it('an answer without the member list keeps the list the cache knows, and every member keeps the group', () => {
    const qc = clientWith(makeGroup({ ...design, memberIds: ['1001', '1002'] }))
    settleGroup(qc, ORG, makeGroup({ ...design, name: 'Design team', membersKnown: false }))
    expect(cached(qc)).toMatchObject({ name: 'Design team', memberIds: ['1001', '1002'], membersKnown: true })
    expect(groupsOf(qc, 1001)).toEqual(['Design team'])
    expect(groupsOf(qc, 1002)).toEqual(['Design team'])
  })

  it('a full answer over a cached group whose list was not read takes the members rows named as the ones it had', () => {
    const qc = clientWith(makeGroup({ ...design, membersKnown: false, guestsKnown: false }))
    settleGroup(qc, ORG, makeGroup({ ...design, memberIds: ['1002', '1003'], guests: ['g@x.io'] }))
    expect(cached(qc)).toMatchObject({ memberIds: ['1002', '1003'], membersKnown: true, guestsKnown: true })
    expect(groupsOf(qc, 1001)).toEqual([])
    expect(groupsOf(qc, 1002)).toEqual(['Design'])
    expect(groupsOf(qc, 1003)).toEqual(['Design'])
  })
})

describe('forgetGroup', () => {
  it('a deleted group whose member list was not read leaves the rows that name it', () => {
    const group = makeGroup({ ...design, membersKnown: false })
    const qc = clientWith(group)
    forgetGroup(qc, ORG, group)
    expect(groupsOf(qc, 1001)).toEqual([])
    expect(groupsOf(qc, 1002)).toEqual([])
    expect(qc.getQueryData(groupQueries.list(ORG).queryKey)).toEqual([])
  })
})
