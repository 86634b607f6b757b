import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { completeDirectory, makeMember } from '../../test/member-factory'
import { makeGroup } from '../../test/group-factory'
import { makeGuest } from '../../test/guest-factory'
import { groupQueries } from '../groups/queries'
import { memberQueries } from '../members/queries'
import { addGuest, guestBecameMember, patchGuest, removeGuest } from './cache'
import { guestQueries } from './queries'

const ORG = 'org1'

const amy = makeGuest('amy@client.example')
const pat = makeGuest('Pat@Client.example')
const other = makeGroup({ id: 'g2', name: 'Sales', guests: ['amy@client.example'] })

function setup() {
  const qc = new QueryClient()
  qc.setQueryData(guestQueries.list(ORG).queryKey, [amy, pat])
  qc.setQueryData(guestQueries.detail(ORG, pat.email).queryKey, pat)
  const ops = makeGroup({ id: 'g1', name: 'Ops', guests: ['pat@client.example ', 'amy@client.example'] })
  qc.setQueryData(groupQueries.list(ORG).queryKey, [ops, other])
  qc.setQueryData(groupQueries.detail(ORG, 'g1').queryKey, ops)
  qc.setQueryData(groupQueries.detail(ORG, 'g2').queryKey, other)
  qc.setQueryData(
    memberQueries.directory(ORG).queryKey,
    completeDirectory([makeMember({ id: 1, fullName: 'Ana' })]),
  )
  return qc
}

const list = (qc: QueryClient) => qc.getQueryData(guestQueries.list(ORG).queryKey)

describe('addGuest', () => {
  it('adds a new guest at the end of the list and sets their page', () => {
    const qc = setup()
    const zoe = makeGuest('zoe@client.example')
    addGuest(qc, ORG, zoe)
    expect(list(qc)).toEqual([amy, pat, zoe])
    expect(qc.getQueryData(guestQueries.detail(ORG, 'ZOE@client.example').queryKey)).toBe(zoe)
  })

  it('replaces a guest the list already had (an email Tallyfy attached again), not a second row', () => {
    const qc = setup()
    const again = makeGuest('pat@client.example', { company: 'Client Co' })
    addGuest(qc, ORG, again)
    expect(list(qc)).toEqual([amy, again])
    expect(list(qc)?.[0]).toBe(amy)
  })
})

describe('patchGuest', () => {
  it('puts the answer in the list and on the page; the other rows keep their identity', () => {
    const qc = setup()
    const disabled = makeGuest('Pat@Client.example', { disabledAt: '2026-12-06T10:00:00Z' })
    patchGuest(qc, ORG, 'pat@client.example', disabled)
    expect(list(qc)?.[1]).toEqual(disabled)
    expect(list(qc)?.[0]).toBe(amy)
    expect(qc.getQueryData(guestQueries.detail(ORG, pat.email).queryKey)).toEqual(disabled)
  })

  it('without an answer, marks both for a fresh read rather than guess', () => {
    const qc = setup()
    patchGuest(qc, ORG, pat.email, null)
    expect(qc.getQueryState(guestQueries.detail(ORG, pat.email).queryKey)?.isInvalidated).toBe(true)
    expect(qc.getQueryState(guestQueries.list(ORG).queryKey)?.isInvalidated).toBe(true)
    expect(list(qc)).toEqual([amy, pat])
  })
})

describe('removeGuest', () => {
  it('takes the guest out of the list, their page and every group that listed them', () => {
    const qc = setup()
    removeGuest(qc, ORG, 'PAT@client.example')
    expect(list(qc)).toEqual([amy])
    expect(qc.getQueryData(guestQueries.detail(ORG, pat.email).queryKey)).toBeUndefined()
    const groups = qc.getQueryData(groupQueries.list(ORG).queryKey)
    expect(groups?.[0]?.guests).toEqual(['amy@client.example'])
    expect(groups?.[1]).toBe(other)
    expect(qc.getQueryData(groupQueries.detail(ORG, 'g1').queryKey)?.guests).toEqual(['amy@client.example'])
    expect(qc.getQueryData(groupQueries.detail(ORG, 'g2').queryKey)).toBe(other)
  })
})

describe('guestBecameMember', () => {
  it('moves the guest out of the guests and groups, and the member into the directory as invited', () => {
    const qc = setup()
    const member = makeMember({ id: 51, fullName: 'Pat Lee', email: 'pat@client.example', status: 'invited' })
    guestBecameMember(qc, ORG, pat.email, member)
    expect(list(qc)).toEqual([amy])
    expect(qc.getQueryData(groupQueries.list(ORG).queryKey)?.[0]?.guests).toEqual(['amy@client.example'])
    const directory = qc.getQueryData(memberQueries.directory(ORG).queryKey)
    expect(directory?.members.map((m) => [m.id, m.status])).toEqual([
      [1, 'active'],
      [51, 'invited'],
    ])
    expect(directory?.total).toBe(2)
    expect(qc.getQueryData(memberQueries.detail(ORG, 51).queryKey)).toBe(member)
  })

  it('without the member in the answer, the guest still leaves', () => {
    const qc = setup()
    guestBecameMember(qc, ORG, pat.email, null)
    expect(list(qc)).toEqual([amy])
    expect(qc.getQueryData(memberQueries.directory(ORG).queryKey)?.total).toBe(1)
  })
})
