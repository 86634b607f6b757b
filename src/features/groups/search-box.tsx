import { useId } from 'react'

interface SearchBoxProps {
  label: string
  value: string
  onChange: (value: string) => void
}

/** A labelled search field inside a search landmark; Escape clears it, as in native search fields. */
export function SearchBox({ label, value, onChange }: SearchBoxProps) {
  const id = useId()
  return (
    <search className="groups-search">
      <label htmlFor={id} className="groups-search__label">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="groups-search__input"
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
