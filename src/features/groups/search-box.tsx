import { useId } from 'react'

interface SearchBoxProps {
  label: string
  /** What can be searched, shown in the empty box ("Search by name or email"). */
  placeholder: string
  value: string
  onChange: (value: string) => void
}

/**
 * A labelled search field inside a search landmark; Escape clears it, as in native search fields.
 * It looks like the members page's search (shared .search-field styles), so every list reads alike.
 */
export function SearchBox({ label, placeholder, value, onChange }: SearchBoxProps) {
  const id = useId()
  return (
    <search className="search-field">
      <label htmlFor={id} className="visually-hidden">
        {label}
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
        id={id}
        type="search"
        className="search-field__input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.preventDefault()
            onChange('')
          }
        }}
      />
    </search>
  )
}
