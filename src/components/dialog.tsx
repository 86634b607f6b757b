// Modal dialogs on the native <dialog> element (APG dialog and alert dialog patterns).
//
// <Dialog title onClose>…</Dialog>
//   Mount it to open it (showModal() on mount), unmount it to close. The browser traps focus,
//   makes the rest of the page inert and turns Escape into a `cancel` event, which we route to
//   `onClose` so React stays the owner of "open". The dialog is labelled by its title (an <h2>);
//   focus returns to whatever had it when the dialog opened, if that element is still on the page
//   (after a delete it is not, and the page that follows decides where focus goes).
//   Props: title, onClose, children, className?, describedBy? (id of the text that explains it),
//   initialFocus? (a ref to focus first; by default the browser's rule: first focusable, or an
//   element with `autoFocus`).
//
// <AlertDialog title confirmLabel onConfirm onCancel busy? error?>what will be lost</AlertDialog>
//   role="alertdialog", described by its body (which must name what will be lost). Focus starts on
//   Cancel, the least destructive choice. The confirm button is disabled while `busy` (its request
//   runs), so a double click sends one request. `error` (Tallyfy's words) shows inside the dialog.
//
// <DialogFooter confirmLabel onCancel onConfirm? busy? tone? error? cancelRef?>
//   The end of every dialog that asks for a decision: the refusal (if any), then Cancel and the
//   confirm button. Without `onConfirm` the confirm button submits the form it sits in. While
//   `busy` it is disabled and says so (aria-busy).

import { useEffect, useId, useRef, type ReactNode, type Ref, type RefObject } from 'react'
import './dialog.css'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  className?: string
  describedBy?: string
  initialFocus?: RefObject<HTMLElement | null>
  role?: 'dialog' | 'alertdialog'
}

export function Dialog({
  title,
  onClose,
  children,
  className,
  describedBy,
  initialFocus,
  role = 'dialog',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  // The latest onClose without re-running the open effect when the parent re-renders.
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    initialFocus?.current?.focus()
    const onCancel = (event: Event) => {
      // Escape: let React decide (the parent unmounts us), instead of the browser closing behind its back.
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
    // initialFocus is a ref object: stable, so this runs once, on mount.
  }, [initialFocus])

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      className={['dialog', className].filter(Boolean).join(' ')}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--ghost button--icon dialog__close" onClick={onClose}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">Close</span>
        </button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  )
}

interface AlertDialogProps {
  title: string
  /** Names what will be lost. */
  children: ReactNode
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  /** The confirm request is running: the confirm button is disabled. */
  busy?: boolean
  /** Why the last attempt failed, in Tallyfy's words when it gave any. */
  error?: string | null
}

export function AlertDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  error,
}: AlertDialogProps) {
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Dialog
      title={title}
      onClose={onCancel}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="dialog--alert"
    >
      <div id={bodyId} className="dialog__message">
        {children}
      </div>
      <DialogFooter
        confirmLabel={confirmLabel}
        onConfirm={onConfirm}
        onCancel={onCancel}
        busy={busy}
        tone="danger"
        error={error}
        cancelRef={cancelRef}
      />
    </Dialog>
  )
}

interface DialogFooterProps {
  confirmLabel: string
  onCancel: () => void
  /** Absent: the confirm button submits the form the footer is in (Enter in a field sends it too). */
  onConfirm?: () => void
  /** The confirm request is running: the confirm button is disabled and marked busy. */
  busy?: boolean
  /** Not ready to send yet (a successor to choose, an email to type): disabled, not busy. */
  disabled?: boolean
  /** `danger` for what cannot be undone. */
  tone?: 'primary' | 'danger'
  /** Why the last attempt failed, in Tallyfy's words when it gave any. */
  error?: string | null
  cancelRef?: Ref<HTMLButtonElement>
}

export function DialogFooter({
  confirmLabel,
  onCancel,
  onConfirm,
  busy = false,
  disabled = false,
  tone = 'primary',
  error,
  cancelRef,
}: DialogFooterProps) {
  return (
    <>
      {error ? (
        // Announced when it appears: focus stays on the button that was pressed, so without a live
        // region a screen reader would hear nothing of the refusal.
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog__actions">
        <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type={onConfirm ? 'button' : 'submit'}
          className={`button button--${tone}`}
          onClick={onConfirm}
          disabled={busy || disabled}
          aria-busy={busy || undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </>
  )
}
