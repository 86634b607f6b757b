// "Columns": the APG menu button with checkbox items that shows or hides a table's columns.
// Button: aria-haspopup="menu", aria-expanded; Enter, Space or ArrowDown opens on the first item,
// ArrowUp on the last. Menu: ArrowUp/ArrowDown (wrapping), Home/End, a letter jumps to the next
// column starting with it; Space toggles and stays open, Enter toggles and closes; Escape closes
// and returns focus to the button; Tab or a click elsewhere closes.
import { useId, useRef, useState, type KeyboardEvent } from 'react'
import type { ColumnChoice } from './use-column-visibility'
import './column-chooser.css'

export function ColumnChooser({
  options: columns,
  toggle,
}: Pick<ColumnChoice<object>, 'options' | 'toggle'>) {
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const itemRefs = useRef<Array<HTMLLIElement | null>>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(0)
  const hiddenCount = columns.filter((column) => !column.visible).length

  const focusItem = (index: number) => {
    const count = columns.length
    if (count === 0) return
    const next = ((index % count) + count) % count
    setActive(next)
    itemRefs.current[next]?.focus()
  }
  const openAt = (index: number) => {
    setOpen(true)
    setActive(index)
    // The menu renders in this same event's commit; focus it right after.
    requestAnimationFrame(() => itemRefs.current[index]?.focus())
  }
  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openAt(0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      openAt(columns.length - 1)
    }
  }

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    const column = columns[index]
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        focusItem(index + 1)
        break
      case 'ArrowUp':
        event.preventDefault()
        focusItem(index - 1)
        break
      case 'Home':
        event.preventDefault()
        focusItem(0)
        break
      case 'End':
        event.preventDefault()
        focusItem(columns.length - 1)
        break
      case ' ':
        event.preventDefault()
        if (column) toggle(column.id)
        break
      case 'Enter':
        event.preventDefault()
        if (column) toggle(column.id)
        close(true)
        break
      case 'Escape':
        event.preventDefault()
        close(true)
        break
      case 'Tab':
        close(false)
        break
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const letter = event.key.toLowerCase()
          for (let step = 1; step <= columns.length; step++) {
            const candidate = columns[(index + step) % columns.length]
            if (candidate?.label.toLowerCase().startsWith(letter)) {
              focusItem(index + step)
              break
            }
          }
        }
    }
  }

  return (
    <div
      className="column-chooser"
      onBlur={(event) => {
        // Focus left the button and the menu (a click elsewhere): close without stealing focus back.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--small column-chooser__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Columns
        {hiddenCount > 0 && (
          <span className="column-chooser__count">
            <span className="visually-hidden">, </span>
            {hiddenCount} hidden
          </span>
        )}
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
          <path d="M1.5 3.5 5 7l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <ul id={menuId} role="menu" aria-label="Columns" className="column-chooser__menu">
          {columns.map((column, index) => {
            const visible = column.visible
            return (
              <li
                key={column.id}
                ref={(node) => {
                  itemRefs.current[index] = node
                }}
                role="menuitemcheckbox"
                aria-checked={visible}
                tabIndex={index === active ? 0 : -1}
                className="column-chooser__item"
                onClick={() => toggle(column.id)}
                onKeyDown={(event) => onItemKeyDown(event, index)}
                onFocus={() => setActive(index)}
              >
                {/* The tick is drawn by CSS from aria-checked, so the item's text is the column's name. */}
                <span className="column-chooser__check" aria-hidden="true" />
                {column.label}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
