// Search box and filters above the member table. Controls render from the list state (the URL);
// the search box shows the text as typed, and "/" jumps to it from anywhere on the page.
import { useEffect, useId, useRef } from 'react'
import type { MemberStatus, Role } from '../../api/types'
import { roleLabel, statusLabel } from '../../components/badge'
import { formatCount } from '../../lib/format'
import { roleFilters, statusFilters, type RoleFilter, type StatusFilter } from '../../lib/list-state'

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function MemberSearchBox({
  value,
  onChange,
  onClear,
}: {
  value: string
  onChange: (q: string) => void
  onClear: () => void
}) {
  const inputRef = useRef<HTMLInputElement>(null)
  const hintId = useId()

  // A document-wide shortcut is a subscription to the outside world, which is what effects are for.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented)
        return
      if (isTypingTarget(event.target)) return
      event.preventDefault()
      inputRef.current?.focus()
      inputRef.current?.select()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <div className="search-field search-field--with-hint">
      <label className="visually-hidden" htmlFor={`${hintId}-input`}>
        Search members
      </label>
      <svg
        className="search-field__icon"
        width="16"
        height="16"
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
      >
        <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="m20 20-4-4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        id={`${hintId}-input`}
        className="search-field__input"
        type="search"
        placeholder="Search by name or email"
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts="/"
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            // Handled here so the browser's own clearing of search inputs does not fire a second change.
            event.preventDefault()
            onClear()
          }
        }}
      />
      <span id={hintId} className="search-field__hint">
        <span className="visually-hidden">Press slash to search from anywhere, Escape to clear.</span>
        <kbd aria-hidden="true">/</kbd>
      </span>
    </div>
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
}: {
  role: RoleFilter | null
  status: StatusFilter | null
  roleCounts: Record<Role, number>
  statusCounts: Record<MemberStatus, number>
  onRoleChange: (role: RoleFilter | null) => void
  onStatusChange: (status: StatusFilter | null) => void
}) {
  return (
    <>
      <FilterSelect
        label="Role"
        allLabel="All roles"
        value={role}
        options={roleFilters}
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
    </>
  )
}
