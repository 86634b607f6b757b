// A list that stopped short says so, the same way on every page (members, groups, guests): how many
// of how many arrived, why when a page failed, and Retry. Loaded only with the pages that show it.
import { describeApiError } from '../api/describe-error'
import { formatCount } from '../lib/format'
import './incomplete-notice.css'

export function IncompleteNotice({
  loaded,
  total,
  what,
  error,
  onRetry,
  retrying = false,
  consequence = 'so this list is incomplete',
}: {
  loaded: number
  /** The server's total; null when it gave none (then only what arrived is said). */
  total: number | null
  /** The list, plural: "members", "groups", "guests". */
  what: string
  /** Why it stopped (a page that failed); null when the server just sent fewer than it announced. */
  error: unknown
  onRetry: () => void
  /** A Retry is under way: the button waits for it. */
  retrying?: boolean
  /** What it means for the page, after "Loaded 12 of 30 groups, ". */
  consequence?: string
}) {
  const why = error != null ? describeApiError(error, what).message : null
  const count = total === null ? formatCount(loaded) : `${formatCount(loaded)} of ${formatCount(total)}`
  return (
    <div className="banner banner--warning incomplete-notice" role="alert">
      <span>
        Loaded {count} {what}, {consequence}.{why && ` ${why}`}
      </span>
      <button
        type="button"
        className="button button--small"
        onClick={onRetry}
        disabled={retrying}
        aria-busy={retrying || undefined}
      >
        Retry
      </button>
    </div>
  )
}
