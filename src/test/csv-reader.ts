// Reads a CSV file back the way a spreadsheet does, for the tests of what Roster writes (Vitest and
// e2e): an independent reader, so a test does not check the writer against itself.

/** RFC 4180 records, read back the way a spreadsheet reads the file (quotes kept only as content). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === ',') {
      record.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      records.push([...record, field])
      record = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || record.length > 0) records.push([...record, field])
  return records
}
