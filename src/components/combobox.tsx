// The APG combobox with list autocomplete and manual selection
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/examples/combobox-autocomplete-list/).
//
// <Combobox label="Add member" value={text} onValueChange={setText} options={matches}
//   getKey={(m) => m.id} getLabel={(m) => m.fullName} renderOption={(m) => …} onSelect={add} />
//
// The caller filters `options` from `value` (so its own search rules apply); the combobox owns
// only open/closed and the active option. Input: role=combobox, aria-expanded, aria-controls the
// listbox, aria-activedescendant the active option; focus stays in the input throughout.
// Keys: typing opens the list; ArrowDown/ArrowUp open it and move (wrapping); Home/End move in the
// text as usual; Enter chooses the active option; Escape closes the list, or clears the text when
// it is already closed; Tab leaves without choosing. A click chooses an option too.
// `emptyText` is shown (as a non-option) when the text matches nothing; `disabled` while busy.
// `error` (Tallyfy's words for this field) shows under it, marks it invalid and is read with it.

// The pattern needs ARIA roles on the list: <select> and <datalist> can neither render rich options
// nor keep focus in the input, and options are chosen with keys through the input
// (aria-activedescendant), not by key handlers of their own.
/* oxlint-disable jsx-a11y/no-noninteractive-element-to-interactive-role, jsx-a11y/prefer-tag-over-role, jsx-a11y/click-events-have-key-events */

import { useId, useRef, useState, type ReactNode } from 'react'
import './combobox.css'

interface ComboboxProps<T> {
  label: ReactNode
  value: string
  onValueChange: (value: string) => void
  options: readonly T[]
  getKey: (option: T) => string | number
  getLabel: (option: T) => string
  renderOption?: (option: T) => ReactNode
  onSelect: (option: T) => void
  placeholder?: string
  emptyText?: string
  disabled?: boolean
  className?: string
  /** Help text under the field, read with it (aria-describedby). */
  hint?: ReactNode
  /** Why the value was refused, shown under the field and read with it. */
  error?: string | null
}

export function Combobox<T>({
  label,
  value,
  onValueChange,
  options,
  getKey,
  getLabel,
  renderOption,
  onSelect,
  placeholder,
  emptyText = 'No matches',
  disabled = false,
  className,
  hint,
  error,
}: ComboboxProps<T>) {
  const id = useId()
  const listId = `${id}-list`
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const inputRef = useRef<HTMLInputElement>(null)

  // Derived, not stored: the active index never points past a list that shrank while typing.
  const activeIndex = active >= 0 && active < options.length ? active : -1
  const expanded = open && (options.length > 0 || value.trim() !== '')
  const optionId = (i: number) => `${id}-opt-${i}`

  const choose = (option: T) => {
    onSelect(option)
    setOpen(false)
    setActive(-1)
    inputRef.current?.focus()
  }

  const move = (delta: number) => {
    if (options.length === 0) return
    setOpen(true)
    setActive((i) => {
      const current = i >= 0 && i < options.length ? i : delta > 0 ? -1 : options.length
      return (current + delta + options.length) % options.length
    })
  }

  return (
    <div className={['combobox', 'field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="combobox__control">
        <input
          ref={inputRef}
          id={id}
          className="input combobox__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
          aria-describedby={describedBy || undefined}
          aria-invalid={error ? true : undefined}
          placeholder={placeholder}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            onValueChange(event.target.value)
            setOpen(true)
            setActive(-1)
          }}
          onBlur={() => setOpen(false)}
          onClick={() => setOpen(true)}
          onKeyDown={(event) => {
            switch (event.key) {
              case 'ArrowDown':
                event.preventDefault()
                if (event.altKey) setOpen(true)
                else move(1)
                break
              case 'ArrowUp':
                event.preventDefault()
                move(-1)
                break
              case 'Enter': {
                const option = expanded && activeIndex >= 0 ? options[activeIndex] : undefined
                if (option !== undefined) {
                  event.preventDefault()
                  choose(option)
                }
                break
              }
              case 'Escape':
                if (expanded) {
                  event.preventDefault()
                  // Inside a dialog, the first Escape closes only the list.
                  event.stopPropagation()
                  setOpen(false)
                  setActive(-1)
                } else if (value !== '') {
                  event.preventDefault()
                  event.stopPropagation()
                  onValueChange('')
                }
                break
            }
          }}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={typeof label === 'string' ? label : undefined}
          className="combobox__list"
          hidden={!expanded}
        >
          {options.map((option, i) => (
            <li
              key={getKey(option)}
              id={optionId(i)}
              role="option"
              aria-selected={i === activeIndex}
              className="combobox__option"
              // Keep focus in the input: choosing must not blur it first.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(i)}
              onClick={() => choose(option)}
            >
              {renderOption ? renderOption(option) : getLabel(option)}
            </li>
          ))}
        </ul>
        {expanded && options.length === 0 ? (
          <p className="combobox__empty" aria-live="polite">
            {emptyText}
          </p>
        ) : null}
      </div>
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  )
}
