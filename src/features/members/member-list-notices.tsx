// The members page's passing states: an organization without members, the directory's progress
// while it loads, a directory that stopped part-way, and a search or filters that kept nobody. They load just after the table (member-list-later.ts), not with it (the bundle budget).
import { NoMatchState } from '../../components/no-match-state'
import { EmptyState } from '../../components/states'
import { IncompleteNotice as ListIncompleteNotice } from '../../components/incomplete-notice'
import { formatCount, formatDateTime, formatRelative } from '../../lib/format'
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

// A remembered device shows the directory it kept at once (#25), before Tallyfy is asked: its age,
// quietly beside the count, until the refresh that follows completes (a failed one leaves it, and
// the shell's banner says the data may be out of date).
export function StoredAge({ at }: { at: number | null | undefined }) {
  if (at == null) return null
  const iso = new Date(at).toISOString()
  return (
    <time className="members-age" dateTime={iso} title={formatDateTime(iso) ?? undefined}>
      as of {formatRelative(iso)}
    </time>
  )
}

// A failed refresh of a complete directory is announced by the shell's banner ("may be out of
// date"); a directory that stopped part-way (a failure, or a server that sent fewer members than it
// announced) needs its own words, because rows are missing: the same notice as every other list's.
export function IncompleteNotice(props: {
  loaded: number
  total: number
  error: unknown
  onRetry: () => void
}) {
  return <ListIncompleteNotice {...props} what="members" />
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
