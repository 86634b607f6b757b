import type { ComponentProps } from 'react'
import { EmptyState } from './states'

/**
 * A search that kept nothing: says so in the list's words, with a way back to the whole list. The
 * one no-match state of every list (members, groups, guests, a group's members); a list inside a
 * page section passes the heading level that fits under the section's own heading.
 */
export function NoMatchState({
  what,
  query,
  hint,
  onClear,
  headingLevel,
}: {
  what: string
  query: string
  hint: string
  onClear: () => void
  headingLevel?: ComponentProps<typeof EmptyState>['headingLevel']
}) {
  return (
    <EmptyState
      title={`No ${what} match “${query.trim()}”`}
      message={hint}
      headingLevel={headingLevel}
      action={
        <button type="button" className="button" onClick={onClear}>
          Clear search
        </button>
      }
    />
  )
}
