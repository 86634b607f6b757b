import type { ReactNode } from 'react'

interface SortHeaderProps {
  label: string
  active: boolean
  desc: boolean
  onSort: () => void
  className?: string
}

/**
 * A sortable column header as the ARIA Authoring Practices describe it: the button sorts,
 * `aria-sort` sits on the header cell of the sorted column only, and the arrow is decoration.
 */
export function SortHeader({ label, active, desc, onSort, className }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={active ? (desc ? 'descending' : 'ascending') : undefined}
    >
      <button type="button" className="sort-header" onClick={onSort}>
        {label}
        <SortArrow active={active} desc={desc} />
      </button>
    </th>
  )
}

function SortArrow({ active, desc }: { active: boolean; desc: boolean }): ReactNode {
  return (
    <svg
      className={`sort-header__arrow${active ? ' sort-header__arrow--active' : ''}`}
      width="10"
      height="10"
      viewBox="0 0 10 10"
      aria-hidden="true"
      focusable="false"
    >
      {active ? (
        <path d={desc ? 'M1 3h8L5 8z' : 'M1 7h8L5 2z'} fill="currentColor" />
      ) : (
        <path d="M2 4l3-3 3 3M2 6l3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.2" />
      )}
    </svg>
  )
}
