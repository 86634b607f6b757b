import type { InvalidRecordInfo } from '../../api/types'
import { formatCount } from '../../lib/format'

/** Records Tallyfy sent that could not be read: counted and located, never shown by value. */
export default function InvalidRecordsNotice({ records }: { records: readonly InvalidRecordInfo[] }) {
  const count = records.length
  return (
    <div className="banner banner--warning members-notice members-notice--invalid">
      <details>
        <summary>
          {formatCount(count)} {count === 1 ? 'record' : 'records'} could not be read
        </summary>
        <ul className="members-notice__issues">
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
