// The command palette: Ctrl+K (⌘K on a Mac) from anywhere, a modal dialog with one combobox,
// "Go to". It searches what is cached (the member directory, guests, groups) plus the pages, ranks
// exact and prefix matches first (lib/rank-matches.ts) and shows at most a screenful. Enter opens
// the active option, or the first one when none is active yet; Escape closes the dialog at once and
// focus returns to where it was. Loaded on first use only (app/layout/command-palette-shortcut.tsx).
import {
  use,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { useQuery } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { memberQueries } from '../../api/members/queries'
import { Combobox } from '../../components/combobox'
import { Dialog } from '../../components/dialog'
import { rankMatches } from '../../lib/rank-matches'
import { useOrgId } from '../auth/session'
import {
  builtInViewEntries,
  groupEntries,
  guestEntries,
  memberEntries,
  pageEntries,
  savedViewEntries,
  type PaletteEntry,
  type PaletteTarget,
} from './palette-entries'
import './command-palette.css'

/** A screenful of results, whatever the window. */
const MAX_RESULTS = 8
const none: PaletteEntry[] = []
// Views (built-in and saved) come with the Views menu's chunk, asked for as soon as the palette
// loads; the palette shows once both are here.
const viewCatalogLoad = import('../../components/views/views-menu').then((m) => m.viewCatalog)

const kindLabels: Record<PaletteTarget['kind'], string> = {
  page: 'Page',
  member: 'Member',
  guest: 'Guest',
  group: 'Group',
  view: 'View',
}

interface CommandPaletteProps {
  onClose: () => void
  onSignOut: () => void
}

export function CommandPalette({ onClose, onSignOut }: CommandPaletteProps) {
  const orgId = useOrgId()
  const navigate = useNavigate()
  const [text, setText] = useState('')
  const bodyRef = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLElement | null>(null)

  const directory = useQuery(memberQueries.directory(orgId))
  const guests = useQuery(guestQueries.list(orgId))
  const groups = useQuery(groupQueries.list(orgId))
  const members = directory.data?.members
  const memberList = useMemo(() => (members ? memberEntries(members) : none), [members])
  const guestList = useMemo(() => (guests.data ? guestEntries(guests.data) : none), [guests.data])
  const groupList = useMemo(() => (groups.data ? groupEntries(groups.data) : none), [groups.data])
  const catalog = use(viewCatalogLoad)
  const readSaved = useCallback(() => catalog.readSavedViews(orgId), [catalog, orgId])
  const savedViews = useSyncExternalStore(catalog.subscribeSavedViews, readSaved, readSaved)
  const viewList = builtInViewEntries(catalog)
  const savedViewList = useMemo(() => savedViewEntries(catalog, savedViews), [catalog, savedViews])

  const results = useMemo(
    () =>
      text.trim() === ''
        ? [...pageEntries]
        : rankMatches(
            text,
            [pageEntries, viewList, savedViewList, memberList, guestList, groupList],
            MAX_RESULTS,
          ),
    [text, viewList, savedViewList, memberList, guestList, groupList],
  )
  const loading = directory.isPending || guests.isPending || groups.isPending

  // The dialog focuses `inputRef` when it opens; the combobox renders its own input, found here
  // (child layout effects run before the dialog's open effect).
  useLayoutEffect(() => {
    inputRef.current = bodyRef.current?.querySelector('input') ?? null
  }, [])

  const open = (entry: PaletteEntry) => {
    const target = entry.value
    onClose()
    if (target.view) catalog.openView(navigate, orgId, target.view)
    else if (target.to) void navigate(target.to)
    else onSignOut()
  }

  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      // One Escape closes the palette (the combobox alone would first close its list, then clear).
      event.preventDefault()
      event.stopPropagation()
      onClose()
    } else if (event.key === 'Enter' && !event.currentTarget.querySelector('[aria-activedescendant]')) {
      // Nothing chosen with the arrows yet: Enter opens the best match, as typed.
      const first = results[0]
      if (first) {
        event.preventDefault()
        event.stopPropagation()
        open(first)
      }
    }
  }

  return (
    <Dialog title="Jump to" onClose={onClose} className="palette" initialFocus={inputRef}>
      {/* Key handling for the combobox inside; the keys themselves reach its input first. */}
      {/* oxlint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div ref={bodyRef} className="palette__body" onKeyDownCapture={onKeyDownCapture}>
        <Combobox
          label="Go to"
          value={text}
          onValueChange={setText}
          options={results}
          getKey={(entry) => entry.value.key}
          getLabel={(entry) => entry.label}
          renderOption={(entry) => <PaletteOption target={entry.value} />}
          onSelect={open}
          placeholder="A member, guest, group, page or view"
          emptyText={loading ? 'Still loading the directory…' : 'Nothing matches'}
          hint="Type part of a name or email, then Enter. ↑ and ↓ choose; Escape closes."
        />
      </div>
    </Dialog>
  )
}

function PaletteOption({ target }: { target: PaletteTarget }) {
  return (
    <span className="palette__option">
      <span className={`palette__kind palette__kind--${target.kind}`}>{kindLabels[target.kind]}</span>
      <span className="palette__text">
        <span className="palette__label">{target.label}</span>
        {target.detail && <span className="palette__detail">{target.detail}</span>}
      </span>
    </span>
  )
}
