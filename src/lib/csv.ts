// A small CSV writer: RFC 4180 (comma separated, CRLF between records, a field quoted when it holds
// a comma, a quote, CR, LF or a byte-order mark, or starts or ends with a space or tab, so that
// spreadsheets keep the spaces; quotes doubled): the cases papaparse's `unparse` quotes. UTF-8 with
// a byte-order mark so Excel reads accents and CJK as UTF-8 rather than the machine's code page.
// A cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) gets a leading
// apostrophe (OWASP's "CSV injection" advice), so a member called "=HYPERLINK(…)" stays text. The
// apostrophe goes inside the quotes when the cell also needs them ("'=1,2"), so the quoting stays
// valid and the apostrophe is part of the value.
import { normalize } from './text'

/** A cell: text as is, numbers in plain notation, null/undefined as an empty cell. */
export type CsvCell = string | number | null | undefined

export const CSV_BOM = '\uFEFF'

const formulaStart = /^[=+\-@\t\r]/
const needsQuotes = /[",\r\n\uFEFF]|^[ \t]|[ \t]$/

/** The text of one cell, neutralised and quoted as needed. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value
  // Numbers are ours (counts), never a formula; text from Tallyfy may be anything.
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The whole file: BOM, a header row, then one record per row, in the order given. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(','))
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`
}

/** Lowercase ASCII words joined by dashes: safe in a file name on every system. */
function slug(s: string): string {
  return normalize(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')
}

/**
 * "roster-northwind-relay-members-2026-12-01.csv", dated in the person's own timezone; a list that did
 * not load whole says so after what it holds ("roster-northwind-relay-guests-incomplete-2026-12-01.csv"),
 * never cut off with a long name.
 */
export function csvFileName(
  organization: string,
  what: string,
  date: Date,
  { incomplete = false }: { incomplete?: boolean } = {},
): string {
  const day = [
    date.getFullYear(),
    String(date.getMonth() + 1).padStart(2, '0'),
    String(date.getDate()).padStart(2, '0'),
  ].join('-')
  const parts = [
    'roster',
    slug(organization) || 'organization',
    slug(what),
    incomplete ? 'incomplete' : '',
    day,
  ].filter(Boolean)
  return `${parts.join('-')}.csv`
}
