// The end of an offboarding dialog: the refusal (if any), then Cancel and the confirm button, as
// components/dialog.tsx's DialogFooter, with one difference: the confirm button can also wait for
// the admin (a successor to choose, an email to type), not only for a request in flight.
import type { Ref } from 'react'

export function OffboardingFooter({
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
  disabled = false,
  tone = 'danger',
  error,
  cancelRef,
}: {
  confirmLabel: string
  /** Absent: the confirm button submits the form it sits in. */
  onConfirm?: () => void
  onCancel: () => void
  /** The request is in flight: disabled and marked busy. */
  busy: boolean
  /** Not ready to send yet (nothing chosen, nothing typed). */
  disabled?: boolean
  tone?: 'primary' | 'danger'
  /** Why the last attempt failed, in Tallyfy's words when it gave any. */
  error?: string | null
  cancelRef?: Ref<HTMLButtonElement>
}) {
  return (
    <>
      {error ? (
        // Announced when it appears: focus stays on the button that was pressed.
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
