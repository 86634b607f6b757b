import { describe, expect, it } from 'vitest'
import type { Member } from '../api/types'
import { makeMember } from '../test/member-factory'
import { isBot, previewBulk, type BulkAction, type BulkGroupTarget } from './bulk-preview'

const ME = 1
const me = makeMember({ id: ME, fullName: 'Me Myself', role: 'admin' })
const defaultAdmin = makeMember({ id: 2, fullName: 'Dee Fault', role: 'admin', isDefaultAdmin: true })
const bot = makeMember({ id: 3, fullName: 'Tallyfy Bot', email: 'bot@northwind.example' })
const admin = makeMember({ id: 4, fullName: 'Ada Admin', role: 'admin' })
const standard = makeMember({ id: 5, fullName: 'Sam Standard', role: 'standard' })
const light = makeMember({ id: 6, fullName: 'Lee Light', role: 'light' })
const invited = makeMember({ id: 7, fullName: 'Ivy Invited', status: 'invited' })
const disabled = makeMember({ id: 8, fullName: 'Dan Disabled', status: 'disabled', groups: [] })
const inSales = makeMember({ id: 9, fullName: 'Sal Sales', groups: [{ id: 'g-sales', name: 'Sales' }] })

const everyone = [me, defaultAdmin, bot, admin, standard, light, invited, disabled, inSales]
const byId = new Map(everyone.map((m) => [String(m.id), m]))
const ids = (members: readonly Member[]) => members.map((m) => String(m.id))

const sales: BulkGroupTarget = { id: 'g-sales', name: 'Sales', memberIds: ['9', '5'] }

/** Who each action sends to and skips (by name and reason), over the whole cast. */
function run(action: BulkAction, selected = ids(everyone)) {
  const preview = previewBulk(action, selected, byId, ME)
  return {
    send: preview.send.map((m) => m.fullName),
    skipped: Object.fromEntries(preview.skipped.map((s) => [s.member?.fullName ?? s.id, s.reason])),
    counts: preview.counts,
  }
}

describe('previewBulk', () => {
  it('role: skips those already in the role, the bot, and demotions of the default administrator and yourself', () => {
    expect(run({ kind: 'role', role: 'light' })).toEqual({
      send: ['Ada Admin', 'Sam Standard', 'Ivy Invited', 'Dan Disabled', 'Sal Sales'],
      skipped: {
        'Me Myself': 'self',
        'Dee Fault': 'default-admin',
        'Tallyfy Bot': 'bot',
        'Lee Light': 'same-role',
      },
      counts: { self: 1, 'default-admin': 1, bot: 1, 'same-role': 1 },
    })
  })

  it('role: promoting to administrator is no demotion; you and the default administrator are already there', () => {
    const { send, skipped } = run({ kind: 'role', role: 'admin' })
    expect(send).toEqual(['Sam Standard', 'Lee Light', 'Ivy Invited', 'Dan Disabled', 'Sal Sales'])
    expect(skipped).toEqual({
      'Me Myself': 'same-role',
      'Dee Fault': 'same-role',
      'Tallyfy Bot': 'bot',
      'Ada Admin': 'same-role',
    })
  })

  it('role: a standard member demoting no administrator is not skipped as yourself', () => {
    const meStandard = makeMember({ id: ME, fullName: 'Me Myself', role: 'standard' })
    const preview = previewBulk({ kind: 'role', role: 'light' }, ['1'], new Map([['1', meStandard]]), ME)
    expect(preview.send).toEqual([meStandard])
  })

  it('disable: skips the default administrator, yourself, the bot and those already disabled; invitations are disabled', () => {
    expect(run({ kind: 'disable' })).toEqual({
      send: ['Ada Admin', 'Sam Standard', 'Lee Light', 'Ivy Invited', 'Sal Sales'],
      skipped: {
        'Me Myself': 'self',
        'Dee Fault': 'default-admin',
        'Tallyfy Bot': 'bot',
        'Dan Disabled': 'already-disabled',
      },
      counts: { self: 1, 'default-admin': 1, bot: 1, 'already-disabled': 1 },
    })
  })

  it('enable: only the disabled are sent', () => {
    const { send, counts } = run({ kind: 'enable' })
    expect(send).toEqual(['Dan Disabled'])
    expect(counts).toEqual({ 'not-disabled': 7, bot: 1 })
  })

  it('add to group: skips those already in it (by its member list), the disabled and the bot', () => {
    expect(run({ kind: 'group-add', group: sales })).toEqual({
      send: ['Me Myself', 'Dee Fault', 'Ada Admin', 'Lee Light', 'Ivy Invited'],
      skipped: {
        'Tallyfy Bot': 'bot',
        'Sam Standard': 'in-group',
        'Dan Disabled': 'disabled-member',
        'Sal Sales': 'in-group',
      },
      counts: { bot: 1, 'in-group': 2, 'disabled-member': 1 },
    })
  })

  it("add to group: without the group's member list, each member's own groups tell", () => {
    const { skipped } = run({ kind: 'group-add', group: { ...sales, memberIds: null } })
    expect(skipped).toEqual({
      'Tallyfy Bot': 'bot',
      'Dan Disabled': 'disabled-member',
      'Sal Sales': 'in-group',
    })
  })

  it('remove from group: only those in it are sent, the bot included', () => {
    const withBot = { ...sales, memberIds: ['9', '5', '3'] }
    const { send, counts } = run({ kind: 'group-remove', group: withBot })
    expect(send).toEqual(['Tallyfy Bot', 'Sam Standard', 'Sal Sales'])
    expect(counts).toEqual({ 'not-in-group': 6 })
  })

  it('resend: only invitations', () => {
    const { send, skipped } = run({ kind: 'resend' })
    expect(send).toEqual(['Ivy Invited'])
    expect(skipped['Tallyfy Bot']).toBe('bot')
    expect(skipped['Sam Standard']).toBe('not-invited')
    expect(skipped['Dan Disabled']).toBe('not-invited')
  })

  it('withdraw: only invitations, never the default administrator', () => {
    const invitedDefault = makeMember({
      id: 2,
      fullName: 'Dee Fault',
      status: 'invited',
      isDefaultAdmin: true,
    })
    const preview = previewBulk(
      { kind: 'withdraw' },
      ['2', '7', '5'],
      new Map([
        ['2', invitedDefault],
        ['7', invited],
        ['5', standard],
      ]),
      ME,
    )
    expect(preview.send).toEqual([invited])
    expect(preview.counts).toEqual({ 'default-admin': 1, 'not-invited': 1 })
  })

  it('keeps the selection order, and skips IDs the directory no longer holds', () => {
    const preview = previewBulk({ kind: 'disable' }, ['6', '404', '4'], byId, ME)
    expect(preview.send.map((m) => m.id)).toEqual([6, 4])
    expect(preview.skipped).toEqual([{ id: '404', member: null, reason: 'missing' }])
  })

  it('previews a selection of 100,000 people', () => {
    const many = new Map<string, Member>()
    for (let i = 0; i < 100_000; i++) {
      const id = 10_000 + i
      many.set(
        String(id),
        makeMember({ id, fullName: `P ${i}`, status: i % 10 === 0 ? 'disabled' : 'active' }),
      )
    }
    const preview = previewBulk({ kind: 'disable' }, [...many.keys()], many, ME)
    expect(preview.send).toHaveLength(90_000)
    expect(preview.counts).toEqual({ 'already-disabled': 10_000 })
  })
})

describe('isBot', () => {
  it('knows the bot by the name and address Tallyfy gives it, and nobody else', () => {
    expect(isBot({ fullName: 'Tallyfy Bot', email: null })).toBe(true)
    expect(isBot({ fullName: 'Automation', email: 'BOT@acme.example' })).toBe(true)
    expect(isBot({ fullName: 'Bot Tallyfy', email: 'robot@acme.example' })).toBe(false)
    expect(isBot({ fullName: 'Abbott Lee', email: 'abbot@acme.example' })).toBe(false)
  })
})
