// The confirmation step of a group's destructive write (delete the group, remove its logo): an
// alert dialog whose confirm button sends the mutation once (a second press before the button
// re-renders disabled is refused), stays disabled while it runs, and shows Tallyfy's refusal in the
// dialog so the person can retry or cancel.
import type { ReactNode } from 'react'
import type { UseMutationResult } from '@tanstack/react-query'
import { AlertDialog } from '../../components/dialog'
import { refusalMessage } from '../../api/writes/refusal'
import { useSubmitGuard } from '../../lib/use-submit-guard'

export function MutationAlertDialog({
  mutation,
  title,
  confirmLabel,
  onClose,
  children,
}: {
  mutation: UseMutationResult<unknown, Error, void>
  title: string
  confirmLabel: string
  onClose: () => void
  /** Names what will be lost. */
  children: ReactNode
}) {
  const guard = useSubmitGuard()
  return (
    <AlertDialog
      title={title}
      confirmLabel={confirmLabel}
      busy={mutation.isPending}
      error={mutation.error ? refusalMessage(mutation.error, { what: 'group' }) : null}
      onCancel={onClose}
      onConfirm={() => {
        if (!mutation.isPending) guard.run(() => mutation.mutateAsync())
      }}
    >
      {children}
    </AlertDialog>
  )
}
