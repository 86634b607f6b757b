// Which column of an import holds what: recognised by its header in the spellings spreadsheets and
// other tools use ("E-mail", "Email address [Required]", "Given name", "Surname", "Group"), in any
// order and any case. Without a header row the columns are guessed from their contents, and the
// import dialog asks the admin once to confirm or correct the guess.
import { isValidEmail } from './email'
import { isWritableRole } from './roles'

export type ImportField = 'email' | 'firstName' | 'lastName' | 'role' | 'groups'

export const importFields: readonly ImportField[] = ['email', 'firstName', 'lastName', 'role', 'groups']

export const importFieldLabel: Record<ImportField, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  role: 'Role',
  groups: 'Groups',
}

/** A column's meaning: one of the fields, or null (ignored). */
export type ColumnMapping = readonly (ImportField | null)[]

// Headers compared without case, spaces, punctuation, and the "[Required]" / "(optional)" /
// "*" marks that exported templates add.
const SPELLINGS: Record<string, ImportField> = {}
const spell = (field: ImportField, ...names: string[]) => {
  for (const name of names) SPELLINGS[normaliseHeader(name)] = field
}

export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\[[^\]]*\]|\([^)]*\)/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

spell(
  'email',
  'email',
  'e-mail',
  'email address',
  'e-mail address',
  'mail',
  'emails',
  'work email',
  'user email',
)
spell('firstName', 'first name', 'firstname', 'first', 'given name', 'givenname', 'forename', 'first_name')
spell('lastName', 'last name', 'lastname', 'last', 'surname', 'family name', 'familyname', 'last_name')
spell('role', 'role', 'roles', 'user role', 'access', 'member role', 'tallyfy role')
spell('groups', 'groups', 'group', 'group name', 'group names', 'teams', 'team')

/** The field a header names, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  return SPELLINGS[normaliseHeader(header)] ?? null
}

export interface HeaderReading {
  /** Whether the first row is a header (else it is the first person). */
  isHeader: boolean
  /** Each column's field; when two columns name the same field, the first one holds it. */
  mapping: ColumnMapping
  /** The headers recognised as none of the fields, or naming a field a column before already holds. */
  ignored: string[]
}

/**
 * Reads the first row as a header when it names at least one field and holds no email address
 * (a first person's row has one). Otherwise the mapping is a guess from the contents.
 */
export function readHeader(rows: readonly (readonly string[])[]): HeaderReading {
  const first = rows[0] ?? []
  const fields = first.map(fieldOfHeader)
  const named = fields.some((field) => field !== null)
  const holdsEmail = first.some((cell) => isValidEmail(cell))
  if (!named || holdsEmail) return { isHeader: false, mapping: guessMapping(rows), ignored: [] }
  const taken = new Set<ImportField>()
  const ignored: string[] = []
  const mapping = fields.map((field, index) => {
    if (field === null || taken.has(field)) {
      const header = first[index] ?? ''
      if (header !== '') ignored.push(header)
      return null
    }
    taken.add(field)
    return field
  })
  return { isHeader: true, mapping, ignored }
}

const SAMPLE = 50

/**
 * Rows without a header: the column that holds email addresses is the email; a column whose every
 * value is a role is the role; the first two other columns with text are the first and last name.
 * The admin confirms or corrects this before anything else.
 */
export function guessMapping(rows: readonly (readonly string[])[]): ColumnMapping {
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0)
  const sample = rows.slice(0, SAMPLE)
  const share = (column: number, test: (value: string) => boolean) => {
    const values = sample.map((row) => row[column] ?? '').filter((value) => value !== '')
    return values.length === 0 ? 0 : values.filter(test).length / values.length
  }
  const mapping: (ImportField | null)[] = Array.from({ length: width }, () => null)
  let emailColumn = -1
  let best = 0
  for (let column = 0; column < width; column++) {
    const score = share(column, isValidEmail)
    if (score > best) {
      best = score
      emailColumn = column
    }
  }
  if (emailColumn >= 0 && best >= 0.5) mapping[emailColumn] = 'email'
  const names: ImportField[] = ['firstName', 'lastName']
  for (let column = 0; column < width; column++) {
    if (mapping[column] !== null) continue
    if (share(column, (value) => roleFromText(value) !== null) === 1 && !mapping.includes('role'))
      mapping[column] = 'role'
    else if (names.length > 0 && share(column, (value) => value !== '') > 0)
      mapping[column] = names.shift() ?? null
  }
  return mapping
}

/** A role as a spreadsheet may spell it: "Admin", "Administrator", "standard", "Light member". */
export function roleFromText(text: string): 'admin' | 'standard' | 'light' | null {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/\s+member$/, '')
  if (value === 'administrator') return 'admin'
  return isWritableRole(value) ? value : null
}
