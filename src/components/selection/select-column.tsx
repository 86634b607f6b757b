// The checkbox column of a selectable list (members, guests; issue #21) and what it shares with
// the selection bar. Loaded before the rows (/members: its later chunk), never with the first download.
//
// Speed at 100,000 rows: rows are memoised (data-table.tsx), so nothing here makes the table render
// again. Each visible row's checkbox subscribes to the selection and re-renders alone when its own
// row changes; the header checkbox and the bar count the shown rows once per change of the
// selection or of the rows (selectedAmong, shared between them).
import {
  createContext,
  use,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ChangeEvent,
  type ReactNode,
} from 'react'
import { rangeIds, useSelectionVersion, type Selection } from '../../lib/selection'
import { dataTableColumnHelper, type DataTableColumn } from '../data-table/use-data-table'
import './selection.css'

/** A row as the table hands it out: its ID is the key the selection holds. */
export interface SelectableRow {
  readonly id: string
}

/**
 * What a selectable table's checkboxes and its bar act through. One per selection (a selection is
 * one list of one organization), made outside React: it holds what only event handlers read (the
 * last row clicked, the rows shown now, the header checkbox), never anything a render shows.
 */
export class SelectionControls {
  readonly selection: Selection
  // The last row clicked, for Shift+click ranges, taken in the order shown when the range is made.
  private anchor: string | null = null
  private shown: readonly SelectableRow[] = []
  private header: HTMLInputElement | null = null
  private preloadBar: (() => Promise<unknown>) | undefined
  private preloaded = false
  // "Select all shown" made ahead of the click: the IDs of the shown rows as a Set, built when the
  // browser is idle after the pointer reached a checkbox, and handed to the selection on the click.
  // At 100,000 rows, allocating that Set is most of the click's work.
  private prepared: { rows: readonly SelectableRow[]; ids: Set<string> } | null = null
  private preparing = false

  constructor(selection: Selection) {
    this.selection = selection
  }

  /** The scope's rows and bar loader, after each render that changes them. */
  update(shown: readonly SelectableRow[], preloadBar: (() => Promise<unknown>) | undefined) {
    this.shown = shown
    this.preloadBar = preloadBar
  }

  setHeader(header: HTMLInputElement | null) {
    this.header = header
  }

  /** A row's checkbox: toggles it, or with Shift sets the range from the last row clicked to it. */
  toggleRow = (id: string, extendRange: boolean) => {
    const { selection, anchor } = this
    // Made for a select-all from nothing, which this row's change rules out: let it go.
    this.prepared = null
    if (extendRange && anchor !== null && anchor !== id) {
      selection.set(rangeIds(idsOf(this.shown), anchor, id), !selection.has(id))
    } else {
      selection.toggle(id)
    }
    this.anchor = id
  }

  /** "Select all shown": selects every shown row, or unselects them when all are selected already. */
  toggleShown = () => {
    const { selection, shown } = this
    const allSelected = shown.length > 0 && selectedAmong(selection, shown) === shown.length
    const prepared = this.prepared
    if (allSelected && selection.size === shown.length) {
      // Exactly the shown rows are selected: unselecting them is clearing.
      selection.clear()
    } else if (!allSelected && selection.size === 0 && prepared?.rows === shown) {
      this.prepared = null
      selection.adopt(prepared.ids)
    } else {
      selection.set(idsOf(shown), !allSelected)
    }
    // Known without a pass: every shown row is selected now, or none is (the header and the bar read it).
    rememberCount(selection, shown, allSelected ? 0 : shown.length)
  }

  /** "Clear selection": everyone, shown or not; focus goes to "Select all shown" (or the page's heading). */
  clear = () => {
    this.selection.clear()
    this.anchor = null
    if (this.header?.isConnected) this.header.focus()
    else document.querySelector<HTMLElement>('main h1[tabindex]')?.focus()
  }

  /** The person is about to select (hover, focus): fetch the bar's code now. */
  intent = () => {
    this.prepareSelectAll()
    const preload = this.preloadBar
    if (this.preloaded || !preload) return
    this.preloaded = true
    // Tried again on the next hover, and by the bar itself when it is needed.
    preload().catch(() => (this.preloaded = false))
  }

  /** Makes what "Select all shown" needs when the browser is next idle, unless it is there already. */
  private prepareSelectAll() {
    if (this.preparing || this.prepared?.rows === this.shown || this.selection.size > 0) return
    this.preparing = true
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1))
    idle(() => {
      this.preparing = false
      // Rows change with each keystroke: made for the rows shown now, and only while it can be used.
      if (this.selection.size > 0 || this.shown.length === 0) return
      this.prepared = { rows: this.shown, ids: new Set(idsOf(this.shown)) }
    })
  }

  /** Space on a link of a row (its name) toggles that row; Enter still opens the link. */
  onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== ' ' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    const target = event.target
    // Only links: a button or a field keeps its own Space.
    if (!(target instanceof HTMLAnchorElement)) return
    const table = this.header?.closest('table')
    const row = target.closest('tr')
    if (!table || !row || !table.contains(row)) return
    const id = row.querySelector<HTMLInputElement>('input[data-select-row]')?.dataset.selectRow
    if (id === undefined) return
    event.preventDefault()
    this.toggleRow(id, event.shiftKey)
  }
}

const controlsBySelection = new WeakMap<Selection, SelectionControls>()

function controlsFor(selection: Selection): SelectionControls {
  let controls = controlsBySelection.get(selection)
  if (!controls) {
    controls = new SelectionControls(selection)
    controlsBySelection.set(selection, controls)
  }
  return controls
}

const ControlsContext = createContext<SelectionControls | null>(null)
// Apart from the controls, which never change: a new search hands the header new rows without
// touching the row checkboxes.
const ShownContext = createContext<readonly SelectableRow[]>([])

export function useSelectionControls(): SelectionControls {
  const controls = use(ControlsContext)
  if (!controls) throw new Error('useSelectionControls() is only for what renders inside <SelectionScope>')
  return controls
}

export function useShownRows(): readonly SelectableRow[] {
  return use(ShownContext)
}

const counts = new WeakMap<
  readonly SelectableRow[],
  { selection: Selection; version: number; count: number }
>()

/**
 * How many of `rows` are selected: one pass, then remembered until the selection or the rows change,
 * so the header checkbox and the bar (which both ask after a change) pay for it once.
 */
export function selectedAmong(selection: Selection, rows: readonly SelectableRow[]): number {
  if (selection.size === 0) return 0
  const cached = counts.get(rows)
  if (cached && cached.selection === selection && cached.version === selection.version) return cached.count
  let count = 0
  for (const row of rows) if (selection.has(row.id)) count++
  rememberCount(selection, rows, count)
  return count
}

function rememberCount(selection: Selection, rows: readonly SelectableRow[], count: number) {
  counts.set(rows, { selection, version: selection.version, count })
}

const rowIds = new WeakMap<readonly SelectableRow[], readonly string[]>()

/** The rows' IDs in order, made once per array of rows (a search or sort makes a new one). */
function idsOf(rows: readonly SelectableRow[]): readonly string[] {
  let ids = rowIds.get(rows)
  if (!ids) {
    ids = rows.map((row) => row.id)
    rowIds.set(rows, ids)
  }
  return ids
}

function isShiftClick(event: ChangeEvent<HTMLInputElement>): boolean {
  // A checkbox's change comes from a click (pointer, Space, or a label): the click says whether Shift was down.
  const native = event.nativeEvent
  return 'shiftKey' in native && native.shiftKey === true
}

/**
 * Around a selectable table (and its bar): which selection, and which rows are shown now (the search
 * and filters applied, in the table's order). `preloadBar` fetches the bar's code on the first hover
 * or focus of a checkbox, so the first selection shows it at once.
 */
export function SelectionScope({
  selection,
  shown,
  preloadBar,
  children,
}: {
  selection: Selection
  shown: readonly SelectableRow[]
  preloadBar?: () => Promise<unknown>
  children: ReactNode
}) {
  const controls = controlsFor(selection)
  useLayoutEffect(() => controls.update(shown, preloadBar), [controls, shown, preloadBar])
  useEffect(() => {
    document.addEventListener('keydown', controls.onKeyDown)
    return () => document.removeEventListener('keydown', controls.onKeyDown)
  }, [controls])
  return (
    <ControlsContext value={controls}>
      <ShownContext value={shown}>{children}</ShownContext>
    </ControlsContext>
  )
}

function SelectAllCheckbox() {
  const controls = useSelectionControls()
  const shown = useShownRows()
  useSelectionVersion(controls.selection)
  const selected = selectedAmong(controls.selection, shown)
  const all = shown.length > 0 && selected === shown.length
  const some = selected > 0 && !all
  const ref = useRef<HTMLInputElement>(null)
  useLayoutEffect(() => {
    controls.setHeader(ref.current)
    return () => controls.setHeader(null)
  }, [controls])
  // `indeterminate` (read as "mixed") is a property only: set after each render that changes it.
  useLayoutEffect(() => {
    if (ref.current) ref.current.indeterminate = some
  }, [some])
  return (
    <label className="select-cell">
      <input
        ref={ref}
        type="checkbox"
        className="select-checkbox"
        aria-label="Select all shown"
        checked={all}
        disabled={shown.length === 0}
        onChange={controls.toggleShown}
        onPointerEnter={controls.intent}
        onFocus={controls.intent}
      />
    </label>
  )
}

function SelectRowCheckbox({ id, label }: { id: string; label: string }) {
  const controls = useSelectionControls()
  const { selection } = controls
  const checked = useSyncExternalStore(selection.subscribe, () => selection.has(id))
  return (
    <label className="select-cell">
      <input
        type="checkbox"
        className="select-checkbox"
        aria-label={label}
        data-select-row={id}
        checked={checked}
        onChange={(event) => controls.toggleRow(id, isShiftClick(event))}
        onPointerEnter={controls.intent}
        onFocus={controls.intent}
      />
    </label>
  )
}

/**
 * The first column of a selectable table: "Select all shown" in the header, "Select {labelOf(row)}"
 * in each row. Create once at module scope (a stable column keeps TanStack's row models).
 */
export function selectColumn<T extends object>(labelOf: (row: T) => string): DataTableColumn<T> {
  return dataTableColumnHelper<T>().display({
    id: 'select',
    header: () => <SelectAllCheckbox />,
    enableSorting: false,
    cell: ({ row }) => <SelectRowCheckbox id={row.id} label={`Select ${labelOf(row.original)}`} />,
  })
}

/** A list's bar module, fetched on demand: at once from memory once it is here (no Suspense flash). */
export interface BarLoader<M> {
  preload(): Promise<M>
  loaded(): M | null
}

export function barLoader<M>(load: () => Promise<M>): BarLoader<M> {
  let module: M | null = null
  let loading: Promise<M> | null = null
  return {
    preload: () =>
      (loading ??= load().then(
        (loadedModule) => (module = loadedModule),
        (error: unknown) => {
          loading = null
          throw error
        },
      )),
    loaded: () => module,
  }
}

/**
 * Where the selection bar goes: nothing while no one is selected; then the bar's code (fetched on
 * demand) rendered by `render`. Mounted anew on each first selection, so a failed fetch is tried again.
 */
export function SelectionBarSlot<M>({
  bar,
  render,
}: {
  bar: BarLoader<M>
  render: (module: M) => ReactNode
}) {
  const { selection } = useSelectionControls()
  useSelectionVersion(selection)
  if (selection.size === 0) return null
  return <LoadedBar bar={bar} render={render} />
}

function LoadedBar<M>({ bar, render }: { bar: BarLoader<M>; render: (module: M) => ReactNode }) {
  const [fetched, setFetched] = useState<M | 'failed' | null>(null)
  const module = bar.loaded() ?? fetched
  const missing = module === null
  const controls = useSelectionControls()
  // Loading code, not data: the effect only runs while the bar's module is not here yet.
  useEffect(() => {
    if (!missing) return
    let current = true
    bar.preload().then(
      (loaded) => current && setFetched(loaded),
      () => current && setFetched('failed'),
    )
    return () => {
      current = false
    }
  }, [bar, missing])
  if (module === null) return null
  if (module === 'failed') {
    return (
      <div role="alert" className="selection-failed">
        <span>
          Couldn't load the actions for the selected people. Check your connection, then select again.
        </span>
        <button type="button" className="button button--small" onClick={controls.clear}>
          Clear selection
        </button>
      </div>
    )
  }
  return render(module)
}
