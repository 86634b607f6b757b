// An admin's "Remove" beside a person in a group (its members table, its guests list). Its name
// says who goes ("Remove Bob Smith"); the visible word may give way to a × where a list is narrow
// (the list's stylesheet decides), the name stays the same. Pressing it hands focus on to the next
// person's Remove, or the previous one's, or `fallbackFocus`, so a keyboard user keeps their place
// once the person's row has left.
import './remove-button.css'

export function RemoveButton({
  name,
  onRemove,
  fallbackFocus,
}: {
  /** Who is removed, as the list shows them. */
  name: string
  onRemove: () => void
  /** Where focus goes when this was the list's only Remove (the list's "Add" field). */
  fallbackFocus: () => HTMLElement | null | undefined
}) {
  return (
    <button
      type="button"
      data-remove=""
      className="button button--ghost button--small remove-button"
      aria-label={`Remove ${name}`}
      onClick={(event) => {
        const next = neighbourRemove(event.currentTarget) ?? fallbackFocus()
        onRemove()
        requestAnimationFrame(() => next?.focus())
      }}
    >
      <span aria-hidden="true" className="remove-button__icon">
        ×
      </span>
      <span className="remove-button__label">Remove</span>
    </button>
  )
}

/** The Remove of the next row or list item, else of the previous one. */
function neighbourRemove(button: HTMLElement): HTMLElement | null {
  const item = button.closest('tr, li')
  return (
    item?.nextElementSibling?.querySelector<HTMLElement>('button[data-remove]') ??
    item?.previousElementSibling?.querySelector<HTMLElement>('button[data-remove]') ??
    null
  )
}
