import type { InvalidRecordInfo } from '../../api/types'
import { formatCount } from '../../lib/format'
import './invalid-records-notice.css'

/**
 * Records Tallyfy sent that could not be read (members, groups): counted and located by page and
 * field, never shown by value. The others are on screen; this says that some are not.
 */
export default function InvalidRecordsNotice({ records }: { records: readonly InvalidRecordInfo[] }) {
  const count = records.length
  return (
    <div className="banner banner--warning invalid-records">
      <details>
        <summary>
          {formatCount(count)} {count === 1 ? 'record' : 'records'} could not be read
        </summary>
        <ul className="invalid-records__issues">
          {records.slice(0, 50).map((record) => (
            <li key={`${record.page ?? 0}-${record.index}`}>
              {record.page != null && `Page ${formatCount(record.page)}, `}
              {record.issues
                .map((issue) => `${issue.path}: expected ${issue.expected}, got ${issue.received}`)
                .join('; ')}
            </li>
          ))}
          {count > 50 && <li>…and {formatCount(count - 50)} more</li>}
        </ul>
      </details>
    </div>
  )
}
