// A labelled filter beside a list's search (/guests: Status, Group; /groups: Show): a native select
// whose first option means "any" and is left out of the URL. The members page has its own, with
// counts, in its first download; this one loads with the lazily loaded lists.
import { useId, type ReactNode } from 'react'
import './filter-select.css'

export interface FilterOption<T extends string> {
  value: T
  label: string
}

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
