import { describe, expect, it } from 'vitest'
import { fieldOfHeader, guessMapping, readHeader, roleFromText } from './import-columns'

describe('fieldOfHeader', () => {
  it.each([
    ['email', 'email'],
    ['E-mail', 'email'],
    ['Email address', 'email'],
    ['EMAIL ADDRESS [Required]', 'email'],
    ['First Name', 'firstName'],
    ['firstname', 'firstName'],
    ['first_name', 'firstName'],
    ['Given name', 'firstName'],
    ['Surname', 'lastName'],
    ['Family name', 'lastName'],
    ['Last Name *', 'lastName'],
    ['Role', 'role'],
    ['Groups', 'groups'],
    ['Group', 'groups'],
    ['  group  names ', 'groups'],
  ] as const)('%s is %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field)
  })

  it('knows nothing of other headers', () => {
    expect(fieldOfHeader('Department')).toBeNull()
    expect(fieldOfHeader('Phone')).toBeNull()
    expect(fieldOfHeader('')).toBeNull()
  })
})

describe('readHeader', () => {
  it('maps columns in any order and lists those it ignores', () => {
    const reading = readHeader([
      ['Department', 'Surname', 'E-mail', 'Given name', 'Phone', 'Group'],
      ['Ops', 'Li', 'bo@example.com', 'Bo', '555', 'Sales'],
    ])
    expect(reading.isHeader).toBe(true)
    expect(reading.mapping).toEqual([null, 'lastName', 'email', 'firstName', null, 'groups'])
    expect(reading.ignored).toEqual(['Department', 'Phone'])
  })

  it('keeps the first of two columns naming one field, and lists the second as ignored', () => {
    const reading = readHeader([['Email', 'Work email', 'First name']])
    expect(reading.mapping).toEqual(['email', null, 'firstName'])
    expect(reading.ignored).toEqual(['Work email'])
  })

  it('takes a first row holding an address for a person, and guesses the columns from the contents', () => {
    const reading = readHeader([
      ['Ana', 'Sousa', 'ana@example.com', 'light'],
      ['Bo', 'Li', 'bo@example.com', 'Standard'],
    ])
    expect(reading.isHeader).toBe(false)
    expect(reading.mapping).toEqual(['firstName', 'lastName', 'email', 'role'])
  })
})

describe('guessMapping', () => {
  it('finds the email column even when some of its values are wrong', () => {
    expect(
      guessMapping([
        ['ana@example.com', 'Ana'],
        ['not an address', 'Bo'],
        ['cy@example.com', 'Cy'],
      ]),
    ).toEqual(['email', 'firstName'])
  })

  it('leaves a column it cannot place unmapped', () => {
    expect(guessMapping([['ana@example.com', 'Ana', 'Sousa', 'Ops']])).toEqual([
      'email',
      'firstName',
      'lastName',
      null,
    ])
  })
})

describe('roleFromText', () => {
  it('reads the roles as a spreadsheet may spell them', () => {
    expect(roleFromText('Administrator')).toBe('admin')
    expect(roleFromText(' ADMIN ')).toBe('admin')
    expect(roleFromText('Light member')).toBe('light')
    expect(roleFromText('standard')).toBe('standard')
    expect(roleFromText('Manager')).toBeNull()
  })
})
