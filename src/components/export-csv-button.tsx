// "Export CSV": downloads exactly the current view of a list (its filtered, sorted rows and visible
// columns). The writer loads on the first click, so no list pays for it up front.
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { meQueries } from '../api/me'
import type { DataTableInstance, DataTableRow } from './data-table/use-data-table'

interface ExportCsvButtonProps<T extends object> {
  table: DataTableInstance<T>
  /** The rows handed to <DataTable>: every matching row, in the order shown. */
  rows: readonly DataTableRow<T>[]
  orgId: string
  /** What the file holds, for its name: "members", "guests", "sales-team-members". */
  what: string
  /** Set while the list is still loading: an export then would miss rows. */
  unavailableReason?: string
  /**
   * The list stopped short of what Tallyfy announced (and is not loading any more): the export is
   * still there, and says so on the button, in its description and in the file name.
   */
  incomplete?: boolean
}

export function ExportCsvButton<T extends object>({
  table,
  rows,
  orgId,
  what,
  unavailableReason,
  incomplete = false,
}: ExportCsvButtonProps<T>) {
  // The organization's name for the file; the header already asked for it, so this is cached.
  const organizations = useQuery(meQueries.organizations(orgId))
  const [busy, setBusy] = useState(false)
  const [failed, setFailed] = useState(false)
  const orgName = organizations.data?.find((o) => o.id.toLowerCase() === orgId.toLowerCase())?.name ?? orgId

  const exportCsv = async () => {
    setBusy(true)
    setFailed(false)
    try {
      const { exportTableCsv } = await import('./data-table/csv-export')
      exportTableCsv(table, rows, { organization: orgName, what, incomplete })
    } catch {
      // Only the lazy chunk can fail here (offline after a deploy); say so instead of doing nothing.
      setFailed(true)
    } finally {
      setBusy(false)
    }
  }

  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => void exportCsv()}
        disabled={busy || rows.length === 0 || unavailableReason !== undefined}
        title={
          unavailableReason ??
          (incomplete
            ? `Download the ${rows.length === 1 ? 'row' : `${rows.length} rows`} loaded: the list is incomplete, so the file is too`
            : `Download the ${rows.length === 1 ? 'row' : `${rows.length} rows`} shown, with the visible columns`)
        }
      >
        {incomplete ? 'Export CSV (incomplete)' : 'Export CSV'}
      </button>
      {failed && (
        <span role="alert" className="export-csv__error">
          Couldn't prepare the file. Check your connection and try again.
        </span>
      )}
    </>
  )
}
