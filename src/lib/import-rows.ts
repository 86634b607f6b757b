// Rows from a CSV file or from text pasted out of a spreadsheet, through papaparse: quotes, quoted
// delimiters and newlines, doubled quotes, a byte order mark, and the delimiter guessed from the
// text (a tab from a spreadsheet's clipboard, a comma, or the semicolon of a European Excel). This
// module is imported only by the import dialog's chunk, so papaparse loads with the dialog.
import Papa from 'papaparse'

export interface ParsedRows {
  /** Every record with at least one non-empty cell, cells trimmed. */
  rows: string[][]
  /** Each record's number in the text (1 for the first), for "row 5" to point where a person looks. */
  lineNumbers: number[]
  /** The delimiter papaparse found (or was told): '\t', ',', ';' or '|'. */
  delimiter: string
  /** Where the text could not be read as written ("Row 4: a quote is not closed"). */
  problems: string[]
}

const DELIMITERS = ['\t', ',', ';', '|']

const BOM = '\uFEFF'

/** Rows of text: a CSV file's contents, or rows pasted from a spreadsheet. */
export function parseRows(text: string): ParsedRows {
  const input = text.startsWith(BOM) ? text.slice(BOM.length) : text
  if (input.trim() === '') return { rows: [], lineNumbers: [], delimiter: ',', problems: [] }
  const result = Papa.parse<string[]>(input, {
    delimiter: '',
    delimitersToGuess: DELIMITERS,
    // Record numbers count every record, blank ones too: they are dropped below, not by papaparse.
    skipEmptyLines: false,
  })
  const rows: string[][] = []
  const lineNumbers: number[] = []
  result.data.forEach((record, index) => {
    const cells = record.map((cell) => cell.trim())
    if (cells.every((cell) => cell === '')) return
    rows.push(cells)
    lineNumbers.push(index + 1)
  })
  const problems: string[] = []
  for (const error of result.errors) {
    // A single column has no delimiter to find: that is a list of emails, not a problem.
    if (error.code === 'UndetectableDelimiter') continue
    const where = error.row !== undefined ? `Row ${error.row + 1}: ` : ''
    problems.push(`${where}${problemText(error.code, error.message)}`)
  }
  return { rows, lineNumbers, delimiter: result.meta.delimiter, problems }
}

function problemText(code: string, message: string): string {
  switch (code) {
    case 'MissingQuotes':
      return 'a quoted cell is not closed, so the rest of the text was read into it.'
    case 'InvalidQuotes':
      return 'a quote inside a cell is not doubled, so the cell may be cut wrong.'
    case 'TooFewFields':
    case 'TooManyFields':
      return 'it has a different number of cells from the first row.'
    default:
      return message
  }
}
