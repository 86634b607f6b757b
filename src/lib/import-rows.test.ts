import { describe, expect, it } from 'vitest'
import { parseRows } from './import-rows'

describe('parseRows', () => {
  it('reads rows pasted from a spreadsheet (tab-separated), commas and quotes inside cells kept', () => {
    const pasted = 'Email\tFirst name\tLast name\nana@example.com\tAna, Maria\t"Sousa"\n'
    const parsed = parseRows(pasted)
    expect(parsed.delimiter).toBe('\t')
    expect(parsed.rows).toEqual([
      ['Email', 'First name', 'Last name'],
      ['ana@example.com', 'Ana, Maria', 'Sousa'],
    ])
    expect(parsed.problems).toEqual([])
  })

  it('reads CSV with quoted commas, doubled quotes and a newline inside a quoted cell', () => {
    const csv =
      'email,first name,last name,groups\r\n"bo@example.com","Bo ""Bobby""","Li","Sales, EMEA\nSupport"\r\n'
    const parsed = parseRows(csv)
    expect(parsed.delimiter).toBe(',')
    expect(parsed.rows[1]).toEqual(['bo@example.com', 'Bo "Bobby"', 'Li', 'Sales, EMEA\nSupport'])
  })

  it('numbers rows by record, so a row after a cell with a newline keeps its number', () => {
    const csv = 'email,note\na@example.com,"two\nlines"\n\nb@example.com,x'
    const parsed = parseRows(csv)
    expect(parsed.rows.map((row) => row[0])).toEqual(['email', 'a@example.com', 'b@example.com'])
    // The blank record (3) is dropped, the numbers stay where the records are.
    expect(parsed.lineNumbers).toEqual([1, 2, 4])
  })

  it('drops a byte order mark, so the first header is still recognised as "email"', () => {
    const parsed = parseRows('\uFEFFemail;first name\r\nana@example.com;Ana')
    expect(parsed.rows[0]?.[0]).toBe('email')
  })

  it('finds the semicolon of a European spreadsheet, with commas inside its cells', () => {
    const parsed = parseRows('E-mail;Vorname;Nachname\nana@example.de;Ana;Müller, Dr.\nbo@example.de;Bo;Li')
    expect(parsed.delimiter).toBe(';')
    expect(parsed.rows[1]).toEqual(['ana@example.de', 'Ana', 'Müller, Dr.'])
  })

  it('takes a single column of addresses as it is, with no problem reported', () => {
    const parsed = parseRows('ana@example.com\nbo@example.com\n')
    expect(parsed.rows).toEqual([['ana@example.com'], ['bo@example.com']])
    expect(parsed.problems).toEqual([])
  })

  it('says where a quoted cell is never closed', () => {
    const parsed = parseRows('email,name\nana@example.com,"Ana\nbo@example.com,Bo')
    expect(parsed.problems).toEqual([
      'Row 2: a quoted cell is not closed, so the rest of the text was read into it.',
    ])
  })

  it('trims cells and skips blank lines; empty text is no rows', () => {
    expect(parseRows('  \n\n').rows).toEqual([])
    expect(parseRows(' a@x.example , Ana \n\n , \n').rows).toEqual([['a@x.example', 'Ana']])
  })
})
