// "Views": the APG menu button (as the Columns menu, data-table/column-chooser.tsx) listing a list's
// built-in views with their live counts, the views saved on this device (each followed by its
// "Delete view" item), and "Save view" (shown "Save view…"). Each view is a link to its URL, so a view opened from the
// menu, the palette or a shared link is the same list.
// Button: aria-haspopup="menu", aria-expanded; Enter, Space or ArrowDown opens on the first item,
// ArrowUp on the last. Menu: ArrowUp/ArrowDown (wrapping), Home/End, a letter jumps to the next item
// starting with it; Enter or Space activates; Escape closes and returns focus to the button; Tab or
// a click elsewhere closes. Loaded after the list (lazy-list-tools.tsx on /members), never with it.
import {
  lazy,
  Suspense,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react'
import { useQuery } from '@tanstack/react-query'
import { useLocation, useNavigate } from 'react-router'
import { memberQueries } from '../../api/members/queries'
import type { MemberDirectory } from '../../api/types'
import { formatCount } from '../../lib/format'
import { computeOverview } from '../../lib/overview'
import {
  deleteView,
  readSavedViews,
  saveView,
  subscribeSavedViews,
  type SavedView,
} from '../../lib/saved-views'
import {
  builtInViews,
  builtInViewsOf,
  canonicalSearch,
  listNames,
  viewUrl,
  type BuiltInViewId,
  type ViewList,
  type ViewTarget,
} from '../../lib/views'
import { useNotice } from '../notices'
import { hiddenColumnsOf, openView } from './open-view'
import { useSavedViews } from './use-saved-views'
import './views-menu.css'

/** The menu's widest, in rem (views-menu.css). */
const MENU_MAX_REM = 24

// The dialog loads the first time "Save view" is chosen.
const SaveViewDialog = lazy(() => import('./save-view-dialog'))

export interface ViewsMenuProps {
  orgId: string
  list: ViewList
  /**
   * How many rows a view's search shows on this list (null: cannot be told), from the page's own
   * items and filters, so a count is what opening the view shows. Without it (/members), the
   * built-in views count from the cached directory with the overview's rules.
   */
  countOf?: (search: string) => number | null
}

/** A count as the menu shows it: a number, one that may grow (directory still loading), or not known. */
interface ViewCount {
  value: number | null
  partial?: boolean
}

type MenuEntry =
  | {
      kind: 'view'
      key: string
      label: string
      view: ViewTarget & Pick<SavedView, 'hidden'>
      count?: ViewCount
    }
  | { kind: 'delete'; key: string; label: string; view: SavedView }
  | { kind: 'save'; key: string; label: string }

export function ViewsMenu({ orgId, list, countOf }: ViewsMenuProps) {
  const menuId = useId()
  const buttonRef = useRef<HTMLButtonElement>(null)
  const [open, setOpen] = useState(false)
  const [initialIndex, setInitialIndex] = useState<number | 'last'>(0)
  const [saving, setSaving] = useState(false)
  // How far left of the button the menu starts, so that it stays on screen (a button at the end of
  // a wide toolbar, or on a phone).
  const [shift, setShift] = useState(0)
  const location = useLocation()

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) buttonRef.current?.focus()
  }
  const openAt = (index: number | 'last') => {
    const button = buttonRef.current
    if (button) {
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
      const margin = rem
      const widest = Math.min(MENU_MAX_REM * rem, window.innerWidth - 2 * margin)
      const left = button.getBoundingClientRect().left
      setShift(Math.max(0, left + widest - (window.innerWidth - margin)))
    }
    setInitialIndex(index)
    setOpen(true)
  }

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      openAt(0)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      openAt('last')
    }
  }

  return (
    <div
      className="views-menu"
      onBlur={(event) => {
        // Focus left the button and the menu (a click elsewhere): close without stealing focus back.
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button--small views-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        Views
        <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
          <path d="M1.5 3.5 5 7l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {open && (
        <ViewsMenuPanel
          id={menuId}
          shift={shift}
          orgId={orgId}
          list={list}
          countOf={countOf}
          initialIndex={initialIndex}
          onClose={close}
          onSave={() => {
            close(true)
            setSaving(true)
          }}
        />
      )}
      {saving && (
        <Suspense fallback={null}>
          <SaveViewDialog
            orgId={orgId}
            list={list}
            search={canonicalSearch(list, location.search)}
            hidden={hiddenColumnsOf(orgId, list)}
            onClose={() => setSaving(false)}
          />
        </Suspense>
      )}
    </div>
  )
}

function ViewsMenuPanel({
  id,
  shift,
  orgId,
  list,
  countOf,
  initialIndex,
  onClose,
  onSave,
}: {
  id: string
  shift: number
  orgId: string
  list: ViewList
  countOf: ViewsMenuProps['countOf']
  initialIndex: number | 'last'
  onClose: (returnFocus: boolean) => void
  onSave: () => void
}) {
  const navigate = useNavigate()
  const notify = useNotice()
  const saved = useSavedViews(orgId)
  const memberCounts = useMemberViewCounts(orgId, list)
  const itemRefs = useRef<Array<HTMLElement | null>>([])

  const entries = useMemo(() => {
    const all: MenuEntry[] = builtInViewsOf(list).map((view) => ({
      kind: 'view',
      key: `built-in:${view.id}`,
      label: view.name,
      view,
      count: countOf ? { value: countOf(view.search) } : memberCounts[view.id],
    }))
    for (const view of saved) {
      if (view.list !== list) continue
      const count = countOf?.(view.search)
      all.push(
        {
          kind: 'view',
          key: `saved:${view.name}`,
          label: view.name,
          view,
          count: count === undefined ? undefined : { value: count },
        },
        { kind: 'delete', key: `delete:${view.name}`, label: `Delete view ${view.name}`, view },
      )
    }
    all.push({ kind: 'save', key: 'save', label: 'Save view' })
    return all
  }, [list, saved, countOf, memberCounts])

  const startAt = initialIndex === 'last' ? entries.length - 1 : initialIndex
  const [active, setActive] = useState(startAt)
  const [focusPending, setFocusPending] = useState(true)
  const current = Math.min(active, entries.length - 1)

  const focusItem = (index: number) => {
    const count = entries.length
    const next = ((index % count) + count) % count
    setActive(next)
    itemRefs.current[next]?.focus()
  }

  const activate = (entry: MenuEntry, index: number) => {
    if (entry.kind === 'view') {
      onClose(true)
      openView(navigate, orgId, entry.view)
    } else if (entry.kind === 'save') {
      onSave()
    } else {
      const removed = deleteView(orgId, entry.view.list, entry.view.name)
      if (!removed) return
      notify({
        message: `Deleted view “${removed.name}”`,
        tone: 'success',
        undo: () => void saveView(orgId, removed, { replace: true }),
      })
      // The view and its delete item go: focus what now stands where the view stood.
      setActive(Math.max(0, index - 1))
      setFocusPending(true)
    }
  }

  const onItemKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const entry = entries[index]
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
        focusItem(entries.length - 1)
        break
      case 'Enter':
      case ' ':
        event.preventDefault()
        if (entry) activate(entry, index)
        break
      case 'Escape':
        event.preventDefault()
        event.stopPropagation()
        onClose(true)
        break
      case 'Tab':
        onClose(false)
        break
      default:
        if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey) {
          const letter = event.key.toLowerCase()
          for (let step = 1; step <= entries.length; step++) {
            const candidate = entries[(index + step) % entries.length]
            if (candidate?.kind !== 'delete' && candidate?.label.toLowerCase().startsWith(letter)) {
              focusItem(index + step)
              break
            }
          }
        }
    }
  }

  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, entry: MenuEntry, index: number) => {
    // A new tab or window (modifier keys, middle click) opens the URL as any link does.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    activate(entry, index)
  }

  const itemProps = (index: number) => ({
    ref: (node: HTMLElement | null) => {
      itemRefs.current[index] = node
      // The menu just opened, or an item was deleted: focus lands once the item is there.
      if (node && index === current && focusPending) {
        setFocusPending(false)
        requestAnimationFrame(() => node.focus())
      }
    },
    role: 'menuitem',
    tabIndex: index === current ? 0 : -1,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => onItemKeyDown(event, index),
    onFocus: () => setActive(index),
  })

  const builtInCount = entries.filter((e) => e.key.startsWith('built-in:')).length
  const rows: ReactNode[] = []
  entries.forEach((entry, index) => {
    if (entry.kind === 'view') {
      const link = (
        <a
          key={entry.key}
          {...itemProps(index)}
          href={viewUrl(entry.view)}
          aria-label={entry.count ? entry.label + countWords(entry.count) : undefined}
          className="views-menu__item"
          onClick={(event) => onLinkClick(event, entry, index)}
        >
          <span className="views-menu__name">{entry.label}</span>
          {entry.count && <CountBadge count={entry.count} />}
        </a>
      )
      if (index < builtInCount) rows.push(link)
      else {
        const remove = entries[index + 1]!
        rows.push(
          <div key={`row:${entry.key}`} role="none" className="views-menu__row">
            {link}
            <button
              type="button"
              {...itemProps(index + 1)}
              className="views-menu__delete"
              aria-label={remove.label}
              title={remove.label}
              onClick={() => activate(remove, index + 1)}
            >
              <TrashIcon />
            </button>
          </div>,
        )
      }
    } else if (entry.kind === 'save') {
      rows.push(
        <hr key="separator" className="views-menu__separator" />,
        <button
          key={entry.key}
          type="button"
          {...itemProps(index)}
          className="views-menu__item views-menu__item--action"
          onClick={() => activate(entry, index)}
        >
          {entry.label}
          {/* The ellipsis says a dialog follows; the item's name stays "Save view". */}
          <span aria-hidden="true">…</span>
        </button>,
      )
    }
  })
  const savedRows = rows.slice(builtInCount, -2)

  return (
    <div
      id={id}
      role="menu"
      aria-label="Views"
      className="views-menu__menu"
      style={shift > 0 ? { insetInlineStart: -shift } : undefined}
    >
      {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- a menu's group (APG); no element is one */}
      <div role="group" aria-label="Built-in views" className="views-menu__group">
        <div className="views-menu__heading" aria-hidden="true">
          Built-in views
        </div>
        {rows.slice(0, builtInCount)}
      </div>
      {savedRows.length > 0 && (
        <>
          <hr className="views-menu__separator" />
          {/* oxlint-disable-next-line jsx-a11y/prefer-tag-over-role -- a menu's group (APG); no element is one */}
          <div role="group" aria-label="Saved views" className="views-menu__group">
            <div className="views-menu__heading" aria-hidden="true">
              Saved on this device
            </div>
            {savedRows}
          </div>
        </>
      )}
      {rows.slice(-2)}
    </div>
  )
}

/** The count as a screen reader hears it after the view's name: ", 12", ", at least 12", ", not known". */
function countWords(count: ViewCount | undefined): string {
  if (!count) return ''
  if (count.value === null) return ', not known'
  return `, ${count.partial ? 'at least ' : ''}${formatCount(count.value)}`
}

/** The count as shown (the item's aria-label says it in words). */
function CountBadge({ count }: { count: ViewCount }) {
  if (count.value === null) {
    return (
      <span
        className="views-menu__count views-menu__count--unknown"
        title="Not known: Roster could not read every group’s guest list"
      >
        —
      </span>
    )
  }
  return (
    <span className="views-menu__count">
      {formatCount(count.value)}
      {count.partial && '+'}
    </span>
  )
}

function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  )
}

const noMembers: MemberDirectory['members'] = []

/**
 * The /members built-in views' counts (the other lists count with their page's countOf): the
 * overview's figures over the cached directory (one pass), so a view says what the overview says.
 */
function useMemberViewCounts(orgId: string, list: ViewList): Partial<Record<BuiltInViewId, ViewCount>> {
  // Read from the cache only: the signed-in layout owns the directory's load.
  const directory = useQuery({ ...memberQueries.directory(orgId), enabled: false }).data
  const members = list === 'members' ? (directory?.members ?? noMembers) : noMembers
  const complete = directory?.complete ?? false
  // Counted as of when the menu opened (the panel mounts on open), as the overview counts as of its render.
  const [now] = useState(() => Date.now())
  const figures = useMemo(
    () =>
      list === 'members' && directory
        ? computeOverview({ members, groups: null, guests: null, now, inactiveDays: 90, complete })
        : null,
    [list, directory, members, complete, now],
  )
  return useMemo((): Partial<Record<BuiltInViewId, ViewCount>> => {
    if (!figures) return {}
    const partial = !figures.complete
    return {
      administrators: { value: figures.administrators, partial },
      'stale-invitations': { value: figures.staleInvitations, partial },
      'never-signed-in': { value: figures.neverSignedIn, partial },
      'inactive-90': { value: figures.inactive, partial },
    }
  }, [figures])
}

/**
 * What the palette finds and opens views with. The palette loads it from this menu's chunk, so the
 * views' rules (the overview's links, the lists' codecs) travel in one chunk: split over several,
 * their names would sit in the first download's list of chunks to preload.
 */
export const viewCatalog = {
  builtInViews,
  listNames,
  viewUrl,
  readSavedViews,
  subscribeSavedViews,
  openView,
}
export type ViewCatalog = typeof viewCatalog

export default ViewsMenu
