import { describe, expect, it } from 'vitest'
import { parseGuest } from '../../api/guests/schema'
import { makeGroup } from '../../test/group-factory'
import { filterGuests, groupsByGuest, guestStatusText, toGuestListItems } from './guest-list'

const guest = (fields: Record<string, unknown>) => parseGuest({ data: fields })

describe('the guest list', () => {
  const groups = [
    makeGroup({ id: 'g2', name: 'Zeta', guests: ['Pat@Client.example', 'pat@client.example'] }),
    makeGroup({ id: 'g1', name: 'Alpha', guests: ['pat@client.example', 'sam@other.example'] }),
    makeGroup({ id: 'g3', name: 'Empty' }),
  ]
  const guests = [
    guest({ email: 'sam@other.example', first_name: 'Sam', details: { company_name: 'Crescent Légal' } }),
    guest({ email: 'pat@client.example', first_name: 'Pat', last_name: 'Ó Briain' }),
    guest({ email: 'nobody@x.example' }),
    guest({ email: 'PAT@client.example' }),
  ]

  it('joins each guest to the groups whose guests arrays hold the email, in any case, once, by name', () => {
    const items = toGuestListItems(guests, groupsByGuest(groups))
    expect(items.map((i) => [i.guest.email, i.groups.map((g) => g.name)])).toEqual([
      ['nobody@x.example', []],
      ['pat@client.example', ['Alpha', 'Zeta']],
      ['sam@other.example', ['Alpha']],
    ])
  })

  it('searches name, email and company, ignoring case and accents', () => {
    const items = toGuestListItems(guests, groupsByGuest(groups))
    const emails = (q: string) => filterGuests(items, q).map((i) => i.guest.email)
    expect(emails('obriain')).toEqual([])
    expect(emails('o briain')).toEqual(['pat@client.example'])
    expect(emails('legal')).toEqual(['sam@other.example'])
    expect(emails('EXAMPLE nobody')).toEqual(['nobody@x.example'])
    expect(emails('')).toHaveLength(3)
  })

  it('says Disabled for a disabled guest, else the free text as written', () => {
    expect(
      guestStatusText(
        guest({ email: 'a@b.example', details: { status: 'Client', disabled_at: '2026-01-01' } }),
      ),
    ).toBe('Disabled')
    expect(guestStatusText(guest({ email: 'a@b.example', details: { status: 'on HOLD!!' } }))).toBe(
      'on HOLD!!',
    )
    expect(guestStatusText(guest({ email: 'a@b.example' }))).toBeNull()
  })
})
