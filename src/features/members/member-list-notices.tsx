// The members page's passing states: an organization without members, the directory's progress
// while it loads, a directory that stopped part-way, and a search or filters that kept nobody. They load just after the table (member-list-later.ts), not with it (the bundle budget).
import { describeApiError } from '../../api/describe-error'
import { NoMatchState } from '../../components/no-match-state'
import { EmptyState } from '../../components/states'
import { formatCount } from '../../lib/format'
import { hasActiveFilters } from '../../lib/list-state'
import type { MemberListUrl } from './use-member-list-url'

export function NoMembersYet() {
  return (
    <EmptyState
      title="No members yet"
      message="When people join or are invited to this organization, they appear here."
    />
  )
}

export function LoadingProgress({ loaded, total }: { loaded: number; total: number }) {
  return (
    <output className="members-progress">
      <span>
        Loading members… {formatCount(loaded)} of {formatCount(total)}
      </span>
      <progress
        className="members-progress__bar"
        value={loaded}
        max={Math.max(total, 1)}
        aria-label="Members loaded"
      />
    </output>
  )
}

// A failed refresh of a complete directory is announced by the shell's banner ("may be out of
// date"); a directory that stopped part-way (a failure, or a server that sent fewer members than it
// announced) needs its own words, because rows are missing.
export function IncompleteNotice({
  loaded,
  total,
  error,
  onRetry,
}: {
  loaded: number
  total: number
  error: unknown
  onRetry: () => void
}) {
  const why = error != null ? describeApiError(error, 'members').message : null
  return (
    <div className="banner banner--warning members-notice" role="alert">
      <span>
        Loaded {formatCount(loaded)} of {formatCount(total)} members, so this list is incomplete.
        {why && ` ${why}`}
      </span>
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

export function NoMatches({ list, query }: { list: MemberListUrl; query: string }) {
  if (query.trim() !== '') {
    return (
      <NoMatchState
        what="members"
        query={query}
        hint={
          hasActiveFilters({ ...list.state, q: '' })
            ? 'The filters also apply.'
            : 'Try fewer or shorter words.'
        }
        onClear={list.clearQuery}
      />
    )
  }
  return (
    <EmptyState
      title="No members match these filters"
      action={
        <button type="button" className="button" onClick={list.clearFilters}>
          Clear filters
        </button>
      }
    />
  )
}
