// The one dialog of the bulk actions: the action's preview and confirm, then the batch's progress,
// then its results (and those of its Retry or Undo), in one <dialog> that stays open across them.
//
// It lives in a React root of its own, outside the page, on purpose: a batch outlives the selection
// bar that started it (clearing the selection, leaving /members), and the Activity panel's "Show
// results" reopens it from any page. Closing it never stops a batch. It needs only the query client
// (given when it opens) and no router: its names are text, not links.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useId, useRef, useSyncExternalStore } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { credentialStore } from '../../../api/credentials'
import type { Member } from '../../../api/types'
import { Dialog } from '../../../components/dialog'
import type { BulkKind } from '../../../lib/bulk-preview'
import type { CacheContext } from '../member-write-actions'
import { BatchView } from './batch-view'
import { dialogTitle } from './bulk-kinds'
import { bulkRuns, setBatchViewer } from './bulk-run'
import { ConfirmView } from './confirm-view'
import './bulk.css'

/** What the selection bar hands over when an action's button is pressed. */
export interface ConfirmRequest {
  kind: BulkKind
  selectedIds: readonly string[]
  membersById: ReadonlyMap<string, Member>
  /** The signed-in person (skipped where the change would take away their own access). */
  meId: number | null
  /** Called when a batch started from this dialog has ended. */
  onFinished?: () => void
}

type View = { type: 'confirm'; request: ConfirmRequest } | { type: 'batch'; id: string }

interface HostState {
  view: View | null
  ctx: CacheContext | null
  /** A new number each time the dialog opens afresh (a new <dialog>); moving between views keeps it. */
  session: number
}

let state: HostState = { view: null, ctx: null, session: 0 }
const listeners = new Set<() => void>()

function setState(next: HostState) {
  state = next
  for (const listener of Array.from(listeners)) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
const getState = () => state

let root: Root | null = null
let container: HTMLElement | null = null
let rootClient: QueryClient | null = null

function ensureRoot(qc: QueryClient) {
  if (root && rootClient === qc) return
  root?.unmount()
  container?.remove()
  container = document.createElement('div')
  container.dataset.bulkDialogRoot = ''
  document.body.append(container)
  root = createRoot(container)
  rootClient = qc
  root.render(
    <QueryClientProvider client={qc}>
      <Host />
    </QueryClientProvider>,
  )
}

/** Opens an action's dialog: its preview, then (once confirmed) the batch. */
export function openBulkAction(ctx: CacheContext, request: ConfirmRequest) {
  ensureRoot(ctx.qc)
  setState({ view: { type: 'confirm', request }, ctx, session: state.session + 1 })
}

/** Shows a batch's progress or results: in the open dialog, or in a new one. */
export function showBatch(ctx: CacheContext, id: string) {
  ensureRoot(ctx.qc)
  const open = state.view !== null && state.ctx?.orgId === ctx.orgId
  setState({ view: { type: 'batch', id }, ctx, session: open ? state.session : state.session + 1 })
}

export function closeBulkDialog() {
  if (state.view) setState({ ...state, view: null })
}

/** Tests: the host's root goes, so the next test starts with none. */
export function unmountBulkDialogHost() {
  root?.unmount()
  container?.remove()
  root = null
  container = null
  rootClient = null
  state = { view: null, ctx: null, session: 0 }
}

// The runner's Activity entries reopen batches through here ("Show results").
setBatchViewer(showBatch)

// The dialog belongs to the session that opened it: when that ends (sign-out, expiry, another
// organization), it closes, and the sign-in page is not left under it.
credentialStore.subscribe(() => {
  const now = credentialStore.get()
  if (state.view && now?.orgId !== state.ctx?.orgId) closeBulkDialog()
})

function Host() {
  const { view, ctx, session } = useSyncExternalStore(subscribe, getState, getState)
  const bodyId = useId()
  const focusRef = useRef<HTMLElement | null>(null)
  if (!view || !ctx) return null
  const alert = view.type === 'confirm' && view.request.kind === 'withdraw'
  const title =
    view.type === 'confirm' ? dialogTitle[view.request.kind] : (bulkRuns.get(view.id)?.label ?? 'Results')
  return (
    <Dialog
      key={session}
      title={title}
      onClose={closeBulkDialog}
      className="bulk-dialog"
      role={alert ? 'alertdialog' : 'dialog'}
      describedBy={view.type === 'confirm' ? bodyId : undefined}
      initialFocus={focusRef}
    >
      {view.type === 'confirm' ? (
        <ConfirmView
          ctx={ctx}
          request={view.request}
          descriptionId={bodyId}
          focusRef={focusRef}
          onCancel={closeBulkDialog}
          onStarted={(id) => showBatch(ctx, id)}
        />
      ) : (
        <BatchView
          key={view.id}
          ctx={ctx}
          id={view.id}
          onClose={closeBulkDialog}
          onShow={(id) => showBatch(ctx, id)}
        />
      )}
    </Dialog>
  )
}
