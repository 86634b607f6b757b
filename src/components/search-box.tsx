// The search field above every list (members, groups, a group's members), so they all read and
// behave alike: a visually hidden label, a magnifier, Escape clears it as in native search fields,
// and optionally "/" jumps to it from anywhere on the page.
import { useEffect, useId, useRef } from 'react'

interface SearchBoxProps {
  /** The accessible name ("Search members"). */
  label: string
  /** What can be searched, shown in the empty box ("Search by name or email"). */
  placeholder: string
  value: string
  onChange: (value: string) => void
  /** Called by Escape when the box has text; defaults to onChange(''). */
  onClear?: () => void
  /**
   * Whether the field is its own search landmark. Pass false when a surrounding <search> already
   * holds it together with other controls (filters).
   */
  landmark?: boolean
  /** "/" focuses the box from anywhere outside a text field; a hint in the box says so. */
  slashShortcut?: boolean
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  onClear,
  landmark = true,
  slashShortcut = false,
}: SearchBoxProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const inputRef = useRef<HTMLInputElement>(null)

  // A document-wide shortcut is a subscription to the outside world, which is what effects are for.
  useEffect(() => {
    if (!slashShortcut) return
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
  }, [slashShortcut])

  const Root = landmark ? 'search' : 'div'
  return (
    <Root className={slashShortcut ? 'search-field search-field--with-hint' : 'search-field'}>
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
        ref={inputRef}
        id={id}
        type="search"
        className="search-field__input"
        placeholder={placeholder}
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-keyshortcuts={slashShortcut ? '/' : undefined}
        aria-describedby={slashShortcut ? hintId : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value !== '') {
            // Handled here so the browser's own clearing of search inputs does not fire a second change.
            event.preventDefault()
            if (onClear) onClear()
            else onChange('')
          }
        }}
      />
      {slashShortcut && (
        <span id={hintId} className="search-field__hint">
          <span className="visually-hidden">Press slash to search from anywhere, Escape to clear.</span>
          <kbd aria-hidden="true">/</kbd>
        </span>
      )}
    </Root>
  )
}
