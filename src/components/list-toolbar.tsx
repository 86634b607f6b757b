// The bar above every list's table but the members directory (which has filters of its own): the
// search box on one side; the count, announced politely as it changes, and the list's actions
// ("Export CSV") on the other. Lists look and read alike because they share this one piece.
// Lists with filters (/guests, /groups) put them beside the search: <ListFilters> holds the search
// box, each <FilterSelect> and the Views menu, wrapping on a phone.
import { useId, type ReactNode } from 'react'
import './list-toolbar.css'

export function ListToolbar({
  search,
  count,
  children,
}: {
  /** A <SearchBox>, or nothing when the search sits elsewhere. */
  search?: ReactNode
  /** "12 of 40 groups". */
  count: ReactNode
  /** The list's actions, after the count. */
  children?: ReactNode
}) {
  return (
    <div className="list-toolbar">
      {search}
      <div className="list-toolbar__end">
        <p className="list-toolbar__count" aria-live="polite">
          {count}
        </p>
        {children}
      </div>
    </div>
  )
}

export interface FilterOption<T extends string> {
  value: T
  label: string
}

/**
 * A labelled filter beside a list's search (/guests: Status, Group; /groups: Show): a native select
 * whose first option means "any" and is left out of the URL. (The members page has its own, with
 * counts, in its first download.)
 */
export function FilterSelect<T extends string>({
  label,
  anyLabel,
  value,
  options,
  onChange,
}: {
  label: string
  /** The first option, no filter ("Any", "All groups"). */
  anyLabel: string
  value: T | null
  options: readonly FilterOption<T>[]
  onChange: (value: T | null) => void
}) {
  const id = useId()
  return (
    <div className="filter-select">
      <label htmlFor={id} className="filter-select__label">
        {label}
      </label>
      <select
        id={id}
        className="filter-select__select"
        value={value ?? ''}
        onChange={(event) => {
          const next = event.target.value
          onChange(options.find((option) => option.value === next)?.value ?? null)
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The search box, the filters and the Views menu of a list, side by side (wrapping on a phone). */
export function ListFilters({ children }: { children: ReactNode }) {
  return <div className="list-filters">{children}</div>
}
