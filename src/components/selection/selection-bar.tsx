// The selection bar (issue #21): a toolbar under the table, held at the bottom of the window while
// the list scrolls, with how many people are selected, how many of them the search hides, the list's
// actions and "Clear selection". Loaded with the first selection (each list's bar module), never
// with the first download.
import type { KeyboardEvent, ReactNode } from 'react'
import { formatCount } from '../../lib/format'
import { useSelectionVersion } from '../../lib/selection'
import { selectedAmong, useSelectionControls, useShownRows, type SelectableRow } from './select-column'
import './selection-bar.css'

export interface SelectionSummary {
  /** Selected people the list still holds (someone removed since is not counted). */
  selected: number
  /** Of those, how many the current search and filters hide. */
  hidden: number
  version: number
}

/**
 * Counts for the bar: `all` is every row of the list (sorted, unfiltered). One pass over it and one
 * over the shown rows per change of the selection or the rows; the header checkbox shares the second.
 */
export function useSelectionSummary(all: readonly SelectableRow[]): SelectionSummary {
  const { selection } = useSelectionControls()
  const shown = useShownRows()
  const version = useSelectionVersion(selection)
  const selectedShown = selectedAmong(selection, shown)
  // The shown rows are some of all rows: when they hold the whole selection, nothing is hidden
  // and no pass over every row is needed (select all shown, or any selection with no search).
  const selected = selectedShown === selection.size ? selectedShown : selectedAmong(selection, all)
  return { selected, hidden: Math.max(0, selected - selectedShown), version }
}

const focusable = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), [href]'

/** Left and Right (Home, End) move between the bar's controls, as in any toolbar; Tab still reaches each. */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const keys = ['ArrowLeft', 'ArrowRight', 'Home', 'End']
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return
  const target = event.target
  // A field's own arrows (a select's options, a text caret) win.
  if (target instanceof HTMLSelectElement || target instanceof HTMLInputElement) return
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter(
    (item) => item.closest('[role="toolbar"]') === event.currentTarget,
  )
  const at = items.indexOf(target as HTMLElement)
  if (at < 0 || items.length === 0) return
  const rtl = getComputedStyle(event.currentTarget).direction === 'rtl'
  const forward = (event.key === 'ArrowRight') !== rtl
  let next: number
  if (event.key === 'Home') next = 0
  else if (event.key === 'End') next = items.length - 1
  else next = (at + (forward ? 1 : -1) + items.length) % items.length
  event.preventDefault()
  items[next]?.focus()
}

/**
 * The bar's height as --selection-bar-block-size, for the room the page keeps below keyboard focus
 * (selection-bar.css), so a row reached with Tab is never behind the bar. A ref callback: it runs
 * when the bar appears and cleans up when it goes.
 */
function keepRoomForBar(bar: HTMLDivElement | null) {
  if (!bar || typeof ResizeObserver === 'undefined') return
  const root = document.documentElement
  const observer = new ResizeObserver(() => {
    root.style.setProperty('--selection-bar-block-size', `${bar.offsetHeight}px`)
  })
  observer.observe(bar)
  return () => {
    observer.disconnect()
    root.style.removeProperty('--selection-bar-block-size')
  }
}

export function SelectionBar({
  label,
  summary,
  hiddenBy,
  error,
  children,
}: {
  /** The toolbar's name: "Selected members". */
  label: string
  summary: SelectionSummary
  /** What hides people now: "the search", "the filters", "the search and filters". */
  hiddenBy: string
  /** Shown in the bar (an export that could not start). */
  error?: string | null
  /** The list's actions. */
  children: ReactNode
}) {
  const controls = useSelectionControls()
  if (summary.selected === 0) return null
  return (
    <div
      ref={keepRoomForBar}
      role="toolbar"
      aria-label={label}
      className="selection-bar"
      tabIndex={-1}
      onKeyDown={moveFocus}
    >
      <div className="selection-bar__summary">
        <output className="selection-bar__count">
          <strong>{formatCount(summary.selected)} selected</strong>
          {summary.hidden > 0 && (
            <span className="selection-bar__hidden">
              {formatCount(summary.hidden)} hidden by {hiddenBy}
            </span>
          )}
        </output>
        <button type="button" className="button button--small button--ghost" onClick={controls.clear}>
          Clear selection
        </button>
      </div>
      <div className="selection-bar__actions">{children}</div>
      {error && (
        <p role="alert" className="selection-bar__error">
          {error}
        </p>
      )}
    </div>
  )
}
