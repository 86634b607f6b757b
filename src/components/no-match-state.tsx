import { EmptyState } from './states'

/** A search that kept nothing: says so in the list's words, with a way back to the whole list. */
export function NoMatchState({
  what,
  query,
  hint,
  onClear,
}: {
  what: string
  query: string
  hint: string
  onClear: () => void
}) {
  return (
    <EmptyState
      title={`No ${what} match “${query.trim()}”`}
      message={hint}
      action={
        <button type="button" className="button" onClick={onClear}>
          Clear search
        </button>
      }
    />
  )
}
