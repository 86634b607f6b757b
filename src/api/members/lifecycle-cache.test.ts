import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { makeGroup } from '../../test/group-factory'
import { makeGuest } from '../../test/guest-factory'
import { groupQueries } from '../groups/queries'
import { guestQueries } from '../guests/queries'
import { defaultAdminMoved, markRemoved, memberBecameGuest, memberDeleted } from './cache'
import { memberLifecycleQueries } from './mutations'
import { memberQueries } from './queries'
import type { ReassignmentInfo } from '../types'

const ORG = 'org1'
const ops = { id: 'g1', name: 'Ops' }
const ana = makeMember({ id: 1, fullName: 'Ana', role: 'admin', isDefaultAdmin: true })
const ben = makeMember({ id: 2, fullName: 'Ben', role: 'admin', groups: [ops] })
const cy = makeMember({ id: 3, fullName: 'Cy', groups: [ops] })

function setup() {
  const qc = new QueryClient()
  // As the app has it (queries.ts): no deep compare of the directory, so identity is the code's.
  qc.setQueryDefaults(memberQueries.directory(ORG).queryKey, { structuralSharing: false })
  qc.setQueryData(memberQueries.directory(ORG).queryKey, completeDirectory([ana, ben, cy]))
  qc.setQueryData(memberQueries.detail(ORG, 2).queryKey, ben)
  const group = makeGroup({ ...ops, memberIds: ['2', '3'], guests: ['pat@client.example'] })
  qc.setQueryData(groupQueries.list(ORG).queryKey, [group])
  qc.setQueryData(groupQueries.detail(ORG, 'g1').queryKey, group)
  return qc
}

const members = (qc: QueryClient) => qc.getQueryData(memberQueries.directory(ORG).queryKey)?.members ?? []

const owned: ReassignmentInfo = {
  templates: [{ id: 't', title: 'T' }],
  steps: [],
  processes: [],
  oneOffTasks: [],
  total: 1,
}

describe('markRemoved', () => {
  it('shows the member disabled and in no group, everywhere; the other rows stay as they were', () => {
    const qc = setup()
    markRemoved(qc, ORG, 2, null)
    const [a, b, c] = members(qc)
    expect(b).toMatchObject({ id: 2, status: 'disabled', groups: [] })
    expect(a).toBe(ana)
    expect(c).toBe(cy)
    expect(qc.getQueryData(memberQueries.directory(ORG).queryKey)?.total).toBe(3)
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)).toMatchObject({
      status: 'disabled',
      groups: [],
    })
    expect(qc.getQueryData(groupQueries.list(ORG).queryKey)?.[0]?.memberIds).toEqual(['3'])
    expect(qc.getQueryData(groupQueries.detail(ORG, 'g1').queryKey)?.memberIds).toEqual(['3'])
  })

  it('lays Tallyfy’s answer over the row, still in no group', () => {
    const qc = setup()
    markRemoved(qc, ORG, 2, { ...ben, status: 'disabled', jobTitle: 'Former ops lead', groups: null })
    expect(members(qc)[1]).toMatchObject({ status: 'disabled', jobTitle: 'Former ops lead', groups: [] })
  })

  it('forgets what anyone owned: the work changed hands', () => {
    const qc = setup()
    qc.setQueryData(memberLifecycleQueries.reassignment(ORG, 2).queryKey, owned)
    qc.setQueryData(memberLifecycleQueries.reassignment(ORG, 3).queryKey, owned)
    markRemoved(qc, ORG, 2, null)
    expect(qc.getQueryData(memberLifecycleQueries.reassignment(ORG, 2).queryKey)).toBeUndefined()
    expect(qc.getQueryData(memberLifecycleQueries.reassignment(ORG, 3).queryKey)).toBeUndefined()
  })
})

describe('memberBecameGuest', () => {
  it('takes the member out of the directory and groups, and puts the guest in the guests list', () => {
    const qc = setup()
    const earlier = makeGuest('amy@client.example')
    qc.setQueryData(guestQueries.list(ORG).queryKey, [earlier])
    const cyAsGuest = makeGuest('cy@example.com')
    memberBecameGuest(qc, ORG, 3, cyAsGuest)
    expect(members(qc).map((m) => m.id)).toEqual([1, 2])
    expect(qc.getQueryData(memberQueries.directory(ORG).queryKey)?.total).toBe(2)
    expect(qc.getQueryData(groupQueries.list(ORG).queryKey)?.[0]?.memberIds).toEqual(['2'])
    const list = qc.getQueryData(guestQueries.list(ORG).queryKey)
    expect(list).toEqual([earlier, cyAsGuest])
    expect(list?.[0]).toBe(earlier)
    expect(qc.getQueryData(guestQueries.detail(ORG, 'CY@example.com').queryKey)).toBe(cyAsGuest)
  })

  it('leaves a guests list that was never loaded alone', () => {
    const qc = setup()
    memberBecameGuest(qc, ORG, 3, makeGuest('cy@example.com'))
    expect(qc.getQueryData(guestQueries.list(ORG).queryKey)).toBeUndefined()
  })
})

describe('memberDeleted', () => {
  it('takes the record out of the directory and its page', () => {
    const qc = setup()
    memberDeleted(qc, ORG, 2)
    expect(members(qc).map((m) => m.id)).toEqual([1, 3])
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)).toBeUndefined()
  })
})

describe('defaultAdminMoved', () => {
  it('marks the new default administrator and unmarks the former; nobody else’s row changes', () => {
    const qc = setup()
    qc.setQueryData(memberQueries.detail(ORG, 1).queryKey, ana)
    defaultAdminMoved(qc, ORG, 2)
    const [a, b, c] = members(qc)
    expect(a).toMatchObject({ id: 1, isDefaultAdmin: false })
    expect(b).toMatchObject({ id: 2, isDefaultAdmin: true })
    expect(c).toBe(cy)
    expect(qc.getQueryData(memberQueries.detail(ORG, 1).queryKey)?.isDefaultAdmin).toBe(false)
    expect(qc.getQueryData(memberQueries.detail(ORG, 2).queryKey)?.isDefaultAdmin).toBe(true)
  })

  it('changes nothing when the mark is already where it belongs', () => {
    const qc = setup()
    const before = qc.getQueryData(memberQueries.directory(ORG).queryKey)
    defaultAdminMoved(qc, ORG, 1)
    expect(qc.getQueryData(memberQueries.directory(ORG).queryKey)).toBe(before)
  })
})
