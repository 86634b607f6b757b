import { describe, expect, it } from 'vitest'
import type { Group, Member } from '../api/types'
import { readHeader } from './import-columns'
import { parseRows } from './import-rows'
import { classifyRows, importContext, summarise, toImportRows, type ImportRow } from './import-preview'

const member = (id: number, email: string, status: Member['status'] = 'active'): Member => ({
  id,
  email,
  firstName: null,
  lastName: null,
  fullName: `Member ${id}`,
  role: 'standard',
  rawRole: 'standard',
  status,
  jobTitle: null,
  phone: null,
  timezone: null,
  pictureUrl: null,
  createdAt: null,
  activatedAt: null,
  lastLoginAt: null,
  updatedAt: null,
  isDefaultAdmin: false,
  groups: [],
})

const group = (id: string, name: string): Group => ({
  id,
  name,
  description: null,
  logo: null,
  memberIds: [],
  guests: [],
  membersKnown: true,
  guestsKnown: true,
  createdAt: null,
  updatedAt: null,
})

const context = importContext(
  [member(1, 'Existing@Example.com'), member(2, 'pending@example.com', 'invited')],
  [group('g1', 'Sales'), group('g2', 'Support'), group('g3', 'R&D, Labs')],
  'standard',
)

let nextLine = 2
const row = (fields: Partial<ImportRow>): ImportRow => ({
  line: nextLine++,
  email: 'new@example.com',
  firstName: 'Ana',
  lastName: 'Sousa',
  role: '',
  groups: '',
  ...fields,
})

describe('classifyRows', () => {
  it('a complete new person is Ready, with the default role and the groups resolved', () => {
    const [check] = classifyRows([row({ groups: 'sales; SUPPORT' })], context)
    expect(check?.status).toBe('ready')
    expect(check?.role).toBe('standard')
    expect(check?.groups).toEqual([
      { id: 'g1', name: 'Sales' },
      { id: 'g2', name: 'Support' },
    ])
  })

  it('a group whose name holds a comma is one group when the whole cell names it', () => {
    expect(classifyRows([row({ groups: 'r&d, labs' })], context)[0]?.groups).toEqual([
      { id: 'g3', name: 'R&D, Labs' },
    ])
  })

  it('an address in the directory, in any case, is Already a member (invited ones too)', () => {
    const checks = classifyRows(
      [row({ email: 'EXISTING@example.com ' }), row({ email: 'Pending@Example.com' })],
      context,
    )
    expect(checks.map((c) => c.status)).toEqual(['member', 'member'])
    expect(checks[1]?.member).toMatchObject({ id: 2, status: 'invited' })
  })

  it('a second row with an address already in the file is a Duplicate naming the first', () => {
    const first = row({ email: 'dup@example.com' })
    const second = row({ email: 'DUP@example.com', firstName: 'Other' })
    const checks = classifyRows([first, second], context)
    expect(checks.map((c) => c.status)).toEqual(['ready', 'duplicate'])
    expect(checks[1]?.duplicateOf).toBe(first.line)
  })

  it('a row left out claims no address: the next row with it is not a duplicate', () => {
    const first = row({ email: 'dup@example.com' })
    const second = row({ email: 'dup@example.com' })
    const checks = classifyRows([first, second], context, new Set([first.line]))
    expect(checks.map((c) => [c.status, c.excluded])).toEqual([
      ['ready', true],
      ['ready', false],
    ])
    expect(summarise(checks)).toMatchObject({ toSend: 1, excluded: 1 })
  })

  it('Needs a fix says every reason: bad email, long or URL names, unknown role and group', () => {
    const [check] = classifyRows(
      [
        row({
          email: 'ana(at)example.com',
          firstName: 'A'.repeat(33),
          lastName: 'see www.example.com',
          role: 'Manager',
          groups: 'Sales, Salse',
        }),
      ],
      context,
    )
    expect(check?.status).toBe('fix')
    expect(check?.problems).toEqual([
      { field: 'email', text: 'Not an email address' },
      { field: 'firstName', text: 'First name over 32 characters' },
      { field: 'lastName', text: 'Last name holds a web address' },
      { field: 'role', text: 'Unknown role “Manager”' },
      { field: 'groups', text: 'Unknown group “Salse”' },
    ])
  })

  it('a name of exactly 32 characters (an emoji counts as one) is fine; a missing one is not', () => {
    const fine = classifyRows([row({ firstName: `${'a'.repeat(31)}🙂` })], context)[0]
    expect(fine?.status).toBe('ready')
    const missing = classifyRows([row({ lastName: '' })], context)[0]
    expect(missing?.problems).toEqual([{ field: 'lastName', text: 'No last name' }])
  })

  it('reads roles as spreadsheets spell them', () => {
    const checks = classifyRows(
      [
        row({ email: 'a1@example.com', role: 'Administrator' }),
        row({ email: 'a2@example.com', role: 'light' }),
      ],
      context,
    )
    expect(checks.map((c) => c.role)).toEqual(['admin', 'light'])
  })
})

describe('a thousand rows', () => {
  // How fast is for `npm run bench` (bench/import.mjs): a timed assertion here would only be flaky.
  it('are parsed, mapped and classified, quotes and several groups a row included', () => {
    const members = Array.from({ length: 5000 }, (_, i) => member(i + 10, `member${i}@example.com`))
    const groups = Array.from({ length: 200 }, (_, i) => group(`g${i}`, `Group ${i}`))
    const lines = ['Email\tFirst name\tLast name\tRole\tGroups']
    for (let i = 0; i < 1000; i++)
      lines.push(
        `${i % 10 === 0 ? `member${i}` : `new${i}`}@example.com\tFirst${i}\t"Last, ${i}"\t${i % 3 === 0 ? 'Light' : ''}\tGroup ${i % 200}; Group ${(i + 1) % 200}`,
      )
    const text = lines.join('\n')
    const parsed = parseRows(text)
    const header = readHeader(parsed.rows)
    const rows = toImportRows(parsed.rows.slice(1), parsed.lineNumbers.slice(1), header.mapping)
    const checks = classifyRows(rows, importContext(members, groups, 'standard'))
    const summary = summarise(checks)
    expect(summary).toMatchObject({ ready: 900, member: 100, fix: 0 })
    expect(rows[1]).toMatchObject({ lastName: 'Last, 1' })
  })
})
