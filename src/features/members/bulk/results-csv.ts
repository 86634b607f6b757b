// "Download results": one row per person (name, email, outcome, the detail: Tallyfy's words, the
// skip reason, what the re-read found), through the one CSV writer, so a name that looks like a
// formula stays text in a spreadsheet.
import type { ItemResult, ItemStatus } from '../../../api/writes/batch'
import { csvFileName, toCsv } from '../../../lib/csv'
import type { PersonName } from './bulk-run'

export const outcomeLabel: Record<ItemStatus, string> = {
  done: 'Done',
  skipped: 'Skipped',
  refused: 'Refused',
  uncertain: 'Uncertain',
  failed: 'Failed',
  'not-sent': 'Not sent',
}

export function resultsCsv(results: readonly ItemResult[], names: ReadonlyMap<string, PersonName>): string {
  return toCsv(
    ['Name', 'Email', 'Outcome', 'Detail'],
    results.map((result) => {
      const person = names.get(result.key)
      return [
        person?.name ?? `Member #${result.key}`,
        person?.email ?? null,
        outcomeLabel[result.status],
        result.detail,
      ]
    }),
  )
}

/** "roster-northwind-disable-45-members-results-2026-12-06.csv" */
export const resultsFileName = (organization: string, label: string, date: Date) =>
  csvFileName(organization, `${label} results`, date)
