// The import's preview: each row is Ready, Already a member (by email, case-insensitively, against
// the loaded directory), a Duplicate in this file (of an earlier included row), or Needs a fix with
// its reasons (a bad email, a missing name, a name over 32 characters or holding a web address, an
// unknown role, an unknown group). Pure and one pass over the rows with Maps built once, so a
// thousand rows are read, checked and shown in well under a second (import-preview.test.ts).
import type { Group, Member } from '../api/types'
import { isValidEmail } from './email'
import { roleFromText, type ColumnMapping, type ImportField } from './import-columns'
import { nameProblem, NAME_MAX, type NameProblem } from './invite-rules'
import type { WritableRole } from './roles'

/** One person as the file has them, text as written (trimmed). */
export interface ImportRow {
  /** The record's number in the text: the row a person finds it on. */
  line: number
  email: string
  firstName: string
  lastName: string
  /** Empty: the import's default role. */
  role: string
  /** Group names, separated by commas, semicolons or "|" (or one name holding such a character). */
  groups: string
}

export type EditableField = Exclude<keyof ImportRow, 'line'>

export type RowStatus = 'ready' | 'member' | 'duplicate' | 'fix'

export interface RowCheck {
  row: ImportRow
  status: RowStatus
  /** Why it needs a fix, one short sentence per problem, and the field each is about. */
  problems: { field: EditableField; text: string }[]
  /** Already a member: who, and as what ("Invited"). */
  member: Pick<Member, 'id' | 'fullName' | 'status'> | null
  /** A duplicate: the row it repeats. */
  duplicateOf: number | null
  /** The role to invite with (the default when the row names none); null when unknown. */
  role: WritableRole | null
  /** The groups named, resolved (only when every one is known). */
  groups: { id: string; name: string }[]
  /** Left out by the admin: never sent, and claims no email (a later row with it is not a duplicate). */
  excluded: boolean
}

const cellAt = (record: readonly string[], column: number) => (column < 0 ? '' : (record[column] ?? ''))

/** The rows from parsed records and the column mapping (the header row left out by the caller). */
export function toImportRows(
  records: readonly (readonly string[])[],
  lineNumbers: readonly number[],
  mapping: ColumnMapping,
): ImportRow[] {
  const columnOf = (field: ImportField) => mapping.indexOf(field)
  const columns = {
    email: columnOf('email'),
    firstName: columnOf('firstName'),
    lastName: columnOf('lastName'),
    role: columnOf('role'),
    groups: columnOf('groups'),
  }
  return records.map((record, index) => ({
    line: lineNumbers[index] ?? index + 1,
    email: cellAt(record, columns.email),
    firstName: cellAt(record, columns.firstName),
    lastName: cellAt(record, columns.lastName),
    role: cellAt(record, columns.role),
    groups: cellAt(record, columns.groups),
  }))
}

/** The directory and the groups, keyed once for every row. */
export interface ImportContext {
  membersByEmail: ReadonlyMap<string, Pick<Member, 'id' | 'fullName' | 'status'>>
  groupsByName: ReadonlyMap<string, { id: string; name: string }>
  defaultRole: WritableRole
}

const emailKey = (email: string) => email.trim().toLowerCase()
const groupKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ')

export function importContext(
  members: readonly Member[],
  groups: readonly Group[],
  defaultRole: WritableRole,
): ImportContext {
  const membersByEmail = new Map<string, Pick<Member, 'id' | 'fullName' | 'status'>>()
  for (const member of members) if (member.email) membersByEmail.set(emailKey(member.email), member)
  const groupsByName = new Map<string, { id: string; name: string }>()
  for (const group of groups) {
    const key = groupKey(group.name)
    if (!groupsByName.has(key)) groupsByName.set(key, { id: group.id, name: group.name })
  }
  return { membersByEmail, groupsByName, defaultRole }
}

/** The group names a cell holds: the whole cell when it is one group's name, else split. */
export function groupNames(cell: string, groupsByName: ReadonlyMap<string, unknown>): string[] {
  const whole = cell.trim()
  if (whole === '') return []
  if (groupsByName.has(groupKey(whole))) return [whole]
  return whole
    .split(/[;,|]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}

const NAME_TEXT: Record<NameProblem, (label: string) => string> = {
  missing: (label) => `No ${label.toLowerCase()}`,
  'too-long': (label) => `${label} over ${NAME_MAX} characters`,
  url: (label) => `${label} holds a web address`,
}

/**
 * Every row's status, in the rows' order. `excluded` holds the lines the admin left out: they are
 * still checked (so the preview says what they are) but never claim an email.
 */
export function classifyRows(
  rows: readonly ImportRow[],
  context: ImportContext,
  excluded: ReadonlySet<number> = new Set(),
): RowCheck[] {
  const firstWithEmail = new Map<string, number>()
  const checks: RowCheck[] = []
  for (const row of rows) {
    const problems: RowCheck['problems'] = []
    const email = row.email.trim()
    const key = emailKey(email)
    if (email === '') problems.push({ field: 'email', text: 'No email' })
    else if (!isValidEmail(email)) problems.push({ field: 'email', text: 'Not an email address' })

    const first = nameProblem(row.firstName.trim())
    if (first) problems.push({ field: 'firstName', text: NAME_TEXT[first]('First name') })
    const last = nameProblem(row.lastName.trim())
    if (last) problems.push({ field: 'lastName', text: NAME_TEXT[last]('Last name') })

    const role = row.role.trim() === '' ? context.defaultRole : roleFromText(row.role)
    if (!role) problems.push({ field: 'role', text: `Unknown role “${row.role.trim()}”` })

    const groups: { id: string; name: string }[] = []
    const seenGroups = new Set<string>()
    for (const name of groupNames(row.groups, context.groupsByName)) {
      const group = context.groupsByName.get(groupKey(name))
      if (!group) problems.push({ field: 'groups', text: `Unknown group “${name}”` })
      else if (!seenGroups.has(group.id)) {
        seenGroups.add(group.id)
        groups.push(group)
      }
    }

    const isExcluded = excluded.has(row.line)
    const member = key !== '' ? (context.membersByEmail.get(key) ?? null) : null
    const earlier = key !== '' ? firstWithEmail.get(key) : undefined
    if (!isExcluded && key !== '' && earlier === undefined) firstWithEmail.set(key, row.line)

    // Who they are comes before how the row is written: a member or a repeat needs no fix, it is not sent.
    const status: RowStatus = member
      ? 'member'
      : earlier !== undefined && problems.every((p) => p.field !== 'email')
        ? 'duplicate'
        : problems.length > 0
          ? 'fix'
          : 'ready'
    checks.push({
      row,
      status,
      problems: status === 'fix' ? problems : [],
      member,
      duplicateOf: status === 'duplicate' ? (earlier ?? null) : null,
      role,
      groups: problems.some((p) => p.field === 'groups') ? [] : groups,
      excluded: isExcluded,
    })
  }
  return checks
}

export interface ImportSummary {
  ready: number
  member: number
  duplicate: number
  fix: number
  excluded: number
  /** Ready and included: the number on the confirm button. */
  toSend: number
}

export function summarise(checks: readonly RowCheck[]): ImportSummary {
  const summary: ImportSummary = { ready: 0, member: 0, duplicate: 0, fix: 0, excluded: 0, toSend: 0 }
  for (const check of checks) {
    if (check.excluded) {
      summary.excluded++
      continue
    }
    summary[check.status]++
    if (check.status === 'ready') summary.toSend++
  }
  return summary
}
