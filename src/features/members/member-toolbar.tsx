// Search box and filters above the member table. Controls render from the list state (the URL);
// the search box shows the text as typed, and "/" jumps to it from anywhere on the page.
import { useId, type ReactNode } from 'react'
import type { MemberStatus, Role } from '../../api/types'
import { LazyViewsMenu } from '../../components/data-table/lazy-list-tools'
import { roleLabel, statusLabel } from '../../components/domain/badge'
import { SearchBox } from '../../components/search-box'
import { formatCount } from '../../lib/format'
import { statusFilters, type RoleFilter, type StatusFilter } from '../../lib/list-state'
import { writableRoles } from '../../lib/roles'
import { useOrgId } from '../auth/session'

/** The members page's search: part of the toolbar's search landmark, with the "/" shortcut. */
export function MemberSearchBox({
  value,
  onChange,
  onClear,
}: {
  value: string
  onChange: (q: string) => void
  onClear: () => void
}) {
  return (
    <SearchBox
      label="Search members"
      placeholder="Search by name or email"
      value={value}
      onChange={onChange}
      onClear={onClear}
      landmark={false}
      slashShortcut
    />
  )
}

interface FilterSelectProps<T extends string> {
  label: string
  allLabel: string
  value: T | null
  options: readonly T[]
  optionLabel: (value: T) => string
  counts: Record<string, number>
  total: number
  onChange: (value: T | null) => void
}

function FilterSelect<T extends string>({
  label,
  allLabel,
  value,
  options,
  optionLabel,
  counts,
  total,
  onChange,
}: FilterSelectProps<T>) {
  const id = useId()
  return (
    <div className="member-filter">
      <label htmlFor={id} className="member-filter__label">
        {label}
      </label>
      <select
        id={id}
        className="member-filter__select"
        value={value ?? ''}
        onChange={(event) => {
          const next = event.target.value
          onChange(next === '' ? null : (options.find((o) => o === next) ?? null))
        }}
      >
        <option value="">
          {allLabel} ({formatCount(total)})
        </option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)} ({formatCount(counts[option] ?? 0)})
          </option>
        ))}
      </select>
    </div>
  )
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)

export function MemberFilters({
  role,
  status,
  roleCounts,
  statusCounts,
  onRoleChange,
  onStatusChange,
  children,
}: {
  role: RoleFilter | null
  status: StatusFilter | null
  roleCounts: Record<Role, number>
  statusCounts: Record<MemberStatus, number>
  onRoleChange: (role: RoleFilter | null) => void
  onStatusChange: (status: StatusFilter | null) => void
  /** More filters, beside Role and Status and before the Views menu (the overview's: Last sign-in, Invited). */
  children?: ReactNode
}) {
  return (
    <>
      <FilterSelect
        label="Role"
        allLabel="All roles"
        value={role}
        options={writableRoles}
        optionLabel={(r) => roleLabel(r)}
        counts={roleCounts}
        total={sum(roleCounts)}
        onChange={onRoleChange}
      />
      <FilterSelect
        label="Status"
        allLabel="All statuses"
        value={status}
        options={statusFilters}
        optionLabel={statusLabel}
        counts={statusCounts}
        total={sum(statusCounts)}
        onChange={onStatusChange}
      />
      {children}
      {/* Built-in and saved views (components/views), loaded after the table. */}
      <LazyViewsMenu orgId={useOrgId()} list="members" />
    </>
  )
}
