// The one export path of every list: the rows a page hands to <DataTable> (filtered and sorted, all
// of them, not only those on screen), the table's columns in order but for hidden ones (`meta.hidden`),
// each column's `meta.csv` value. Loaded on first use by <ExportCsvButton>, with the writer (lib/csv.ts).
import { csvFileName, toCsv, type CsvCell } from '../../lib/csv'
import type { CsvValue, DataTableInstance, DataTableRow } from './use-data-table'

function toCell(value: CsvValue): CsvCell {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  return value
}

export function tableToCsv<T extends object>(
  table: DataTableInstance<T>,
  rows: readonly DataTableRow<T>[],
): string {
  const columns = table
    .getAllLeafColumns()
    .filter((column) => column.columnDef.meta?.csv && !column.columnDef.meta.hidden)
  const header = columns.map((column) => {
    const value = column.columnDef.header
    return typeof value === 'string' ? value : column.id
  })
  const records = rows.map((row) =>
    columns.map((column) => toCell(column.columnDef.meta?.csv?.(row.original))),
  )
  return toCsv(header, records)
}

/** Hands the text to the browser as a file download (Export CSV, a batch's results). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL can go once the event loop moves on.
  window.setTimeout(() => URL.revokeObjectURL(url), 0)
}

/**
 * What the button calls: the current view as "roster-{organization}-{what}-{date}.csv", or
 * "roster-{organization}-{what}-incomplete-{date}.csv" when the list did not load whole.
 */
export function exportTableCsv<T extends object>(
  table: DataTableInstance<T>,
  rows: readonly DataTableRow<T>[],
  name: { organization: string; what: string; incomplete?: boolean },
) {
  downloadText(
    tableToCsv(table, rows),
    csvFileName(name.organization, name.what, new Date(), { incomplete: name.incomplete }),
  )
}
