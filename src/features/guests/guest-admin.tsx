// An admin's controls on a guest's page (loaded only for admins): Disable or Enable guest, Reset
// link, Convert to member, Remove guest. A refusal (a 403 such as "Cannot disable guest with
// incomplete tasks") is Tallyfy's business rule: it shows in its words under the buttons, and the
// session goes on. Reset link and Remove guest ask first, naming what will be lost.
import { lazy, Suspense, useId, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import type { Guest } from '../../api/types'
import { AlertDialog } from '../../components/dialog'
import { useNotice } from '../../components/notices'
import { paths } from '../../lib/paths'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import {
  changeGuestStatus,
  guestWriteMessage,
  removeGuestFromOrg,
  resetGuestLink,
} from './guest-write-actions'
import { useGuestBusy } from './use-guest-busy'

const ConvertToMemberDialog = lazy(() => import('./convert-to-member-dialog'))

type Confirming = 'reset' | 'remove' | 'convert' | null

export default function GuestAdmin({
  orgId,
  guest,
  groupNames,
}: {
  orgId: string
  guest: Guest
  /** The groups the guest is in, when known: Remove names them. */
  groupNames: readonly string[] | null
}) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const navigate = useNavigate()
  const headingId = useId()
  const errorId = useId()
  const busy = useGuestBusy(orgId, guest.email)
  // One write at a time from these controls, even when a second click beats the disabled button.
  const guard = useSubmitGuard()
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<Confirming>(null)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const name = guest.name ?? guest.email
  const disabled = guest.disabledAt !== null

  const ask = (what: Exclude<Confirming, null>) => {
    if (busy) return
    setDialogError(null)
    setConfirming(what)
  }

  const onStatus = () => {
    guard.run(() => {
      setError(null)
      return changeGuestStatus(ctx, guest, disabled ? 'enable' : 'disable').catch((e: unknown) =>
        setError(guestWriteMessage(e)),
      )
    })
  }

  const onReset = () => {
    guard.run(() => {
      setDialogError(null)
      return resetGuestLink(ctx, guest).then(
        () => setConfirming(null),
        (e: unknown) => setDialogError(guestWriteMessage(e)),
      )
    })
  }

  const onRemove = () => {
    guard.run(() => {
      setDialogError(null)
      return removeGuestFromOrg(ctx, guest, () => {
        void navigate(paths.guests())
        ctx.notify({ message: `Removed guest ${name}. They are no longer in the organization or any group.` })
      }).catch((e: unknown) => setDialogError(guestWriteMessage(e)))
    })
  }

  return (
    <section className="guest-admin" aria-labelledby={headingId}>
      <h2 id={headingId}>Administration</h2>
      {/* aria-disabled rather than disabled while a write runs: a pressed button keeps focus (a
          disabled one drops it to the page), and one button's action follows the status, so focus
          stays on it after either change. */}
      <div className="guest-admin__row">
        <button
          type="button"
          className={disabled ? 'button' : 'button guest-admin__danger'}
          onClick={() => {
            if (!busy) onStatus()
          }}
          aria-disabled={busy || undefined}
          aria-describedby={error ? errorId : undefined}
        >
          {disabled ? 'Enable guest' : 'Disable guest'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => ask('reset')}
          aria-disabled={busy || undefined}
        >
          Reset link
        </button>
        <button
          type="button"
          className="button"
          onClick={() => ask('convert')}
          aria-disabled={busy || undefined}
        >
          Convert to member
        </button>
        <button
          type="button"
          className="button guest-admin__danger"
          onClick={() => ask('remove')}
          aria-disabled={busy || undefined}
        >
          Remove guest
        </button>
      </div>
      {error && (
        <p id={errorId} className="guest-admin__error" role="alert">
          {error}
        </p>
      )}

      {confirming === 'reset' && (
        <AlertDialog
          title={`Reset ${name}’s link?`}
          confirmLabel="Reset link"
          onConfirm={onReset}
          onCancel={() => setConfirming(null)}
          busy={busy}
          error={dialogError}
        >
          <p>
            Tallyfy makes a new link for {name}. The old one stops working at once: if they have it open or
            bookmarked, it will no longer reach their tasks.
          </p>
        </AlertDialog>
      )}
      {confirming === 'remove' && (
        <AlertDialog
          title={`Remove ${name}?`}
          confirmLabel="Remove guest"
          onConfirm={onRemove}
          onCancel={() => setConfirming(null)}
          busy={busy}
          error={dialogError}
        >
          <p>{name} leaves the organization and is taken off every task. Their link stops working.</p>
          <p>
            {groupNames === null
              ? 'They also leave every group they are in.'
              : groupNames.length === 0
                ? 'They are in no group.'
                : `They also leave ${groupNames.length === 1 ? 'their group' : `all ${groupNames.length} of their groups`}: ${listFormat.format(groupNames)}.`}
          </p>
        </AlertDialog>
      )}
      {confirming === 'convert' && (
        <Suspense fallback={null}>
          <ConvertToMemberDialog orgId={orgId} guest={guest} onClose={() => setConfirming(null)} />
        </Suspense>
      )}
    </section>
  )
}

const listFormat = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' })
