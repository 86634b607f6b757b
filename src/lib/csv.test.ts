import { describe, expect, it } from 'vitest'
import { CSV_BOM, csvField, csvFileName, toCsv } from './csv'
import { parseCsv } from '../test/csv-reader'

describe('csvField', () => {
  it('leaves plain text alone and empties missing values', () => {
    expect(csvField('Zoë Ångström')).toBe('Zoë Ångström')
    expect(csvField('')).toBe('')
    expect(csvField(null)).toBe('')
    expect(csvField(undefined)).toBe('')
    expect(csvField(42)).toBe('42')
    expect(csvField(Number.NaN)).toBe('')
  })

  it('quotes commas, quotes, CR and LF (RFC 4180), doubling quotes', () => {
    expect(csvField('Smith, Ann')).toBe('"Smith, Ann"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\rhere')).toBe('"cr\rhere"')
    expect(csvField('<b>Bold</b> & "quoted"')).toBe('"<b>Bold</b> & ""quoted"""')
  })

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvField('=1+2')).toBe("'=1+2")
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000")
    expect(csvField('-5')).toBe("'-5")
    expect(csvField('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)")
    expect(csvField('\tindent')).toBe("'\tindent")
    // A leading CR both needs neutralising and quoting.
    expect(csvField('\r=cmd')).toBe('"\'\r=cmd"')
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""https://evil.example"",""x"")"',
    )
    // Only the first character counts; our own numbers are never formulas.
    expect(csvField('a=b')).toBe('a=b')
    expect(csvField(-3)).toBe('-3')
  })
})

// The cases papaparse's `unparse` handles (its quoting rules and `escapeFormulae`), which
// design.md asks our own writer to cover before it may stand in for the library.
describe('papaparse parity', () => {
  it('quotes leading and trailing spaces (and tabs) so spreadsheets keep them', () => {
    expect(csvField(' Ann')).toBe('" Ann"')
    expect(csvField('Ann ')).toBe('"Ann "')
    expect(csvField('  ')).toBe('"  "')
    expect(csvField('Ann\t')).toBe('"Ann\t"')
    // Spaces inside are fine unquoted, as in papaparse.
    expect(csvField('Ann Lee')).toBe('Ann Lee')
  })

  it('quotes a byte-order mark inside a field (one of papaparse’s bad delimiters)', () => {
    expect(csvField('a\uFEFFb')).toBe('"a\uFEFFb"')
  })

  it('puts the apostrophe of a neutralised cell inside the quotes when it also needs them', () => {
    expect(csvField('=1,2')).toBe('"\'=1,2"')
    expect(csvField('-5 ')).toBe('"\'-5 "')
    expect(csvField('@a"b')).toBe('"\'@a""b"')
    expect(csvField('+1\n2')).toBe('"\'+1\n2"')
    // A leading tab is neutralised, so the field no longer starts with whitespace: no quotes needed.
    expect(csvField('\tx')).toBe("'\tx")
    // A formula over several lines is neutralised too (papaparse's default regex misses it).
    expect(csvField('=A1\n+A2')).toBe('"\'=A1\n+A2"')
  })

  it('reads back cell for cell, neutralised cells with their apostrophe, row and column order kept', () => {
    const header = ['Name', 'Note']
    const rows = [
      [' padded ', 'a,b'],
      ['=SUM(A1:A9)', 'say "hi"'],
      ['-1, -2', 'two\r\nlines'],
      [null, '@home '],
      ['王芳', ''],
    ]
    const parsed = parseCsv(toCsv(header, rows).slice(CSV_BOM.length))
    expect(parsed).toEqual([
      ['Name', 'Note'],
      [' padded ', 'a,b'],
      ["'=SUM(A1:A9)", 'say "hi"'],
      ["'-1, -2", 'two\r\nlines'],
      ['', "'@home "],
      ['王芳', ''],
    ])
  })
})

describe('toCsv', () => {
  it('starts with a BOM, has the header first, CRLF records and a final CRLF', () => {
    const csv = toCsv(
      ['Name', 'Email'],
      [
        ['Ann', 'ann@x.example'],
        ['王芳', null],
      ],
    )
    expect(csv.startsWith(CSV_BOM)).toBe(true)
    expect(csv.slice(1)).toBe('Name,Email\r\nAnn,ann@x.example\r\n王芳,\r\n')
  })

  it('keeps the column order and the row order given', () => {
    const csv = toCsv(
      ['B', 'A'],
      [
        ['b2', 'a2'],
        ['b1', 'a1'],
      ],
    )
    expect(csv.slice(1).split('\r\n')).toEqual(['B,A', 'b2,a2', 'b1,a1', ''])
  })

  it('encodes to UTF-8 with the BOM as EF BB BF', () => {
    const bytes = new TextEncoder().encode(toCsv(['Ä'], []))
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf])
  })

  it('writes just the header for no rows', () => {
    expect(toCsv(['Name'], [])).toBe(`${CSV_BOM}Name\r\n`)
  })
})

describe('csvFileName', () => {
  const day = new Date(2026, 11, 1, 23, 59)
  it('says what it is, with the local date', () => {
    expect(csvFileName('Northwind Relay Co.', 'members', day)).toBe(
      'roster-northwind-relay-co-members-2026-12-01.csv',
    )
  })
  it('is filename-safe whatever the organization is called', () => {
    expect(csvFileName('../Ångström & Søn / "Ops"', 'group-members', day)).toBe(
      'roster-angstrom-son-ops-group-members-2026-12-01.csv',
    )
    expect(csvFileName('東京', 'guests', day)).toBe('roster-organization-guests-2026-12-01.csv')
  })
  it('says when the list was incomplete, right after what it holds, however long its name', () => {
    expect(csvFileName('Northwind', 'guests', day, { incomplete: true })).toBe(
      'roster-northwind-guests-incomplete-2026-12-01.csv',
    )
    expect(csvFileName('Northwind', 'x'.repeat(80), day, { incomplete: true })).toBe(
      `roster-northwind-${'x'.repeat(60)}-incomplete-2026-12-01.csv`,
    )
  })
})
