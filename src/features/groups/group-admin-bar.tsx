// The group page's admin actions: Edit group, Change logo, Remove logo, Delete group. Shown only
// to admins (the caller checks useIsAdmin()). The dialogs load the first time they open.

import { lazy, Suspense, useId, useRef, useState, type RefObject } from 'react'
import { flushSync } from 'react-dom'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { groupQueries } from '../../api/groups/queries'
import { groupMutations } from '../../api/groups/mutations'
import type { Group } from '../../api/types'
import { useNotice } from '../../components/notices'
import { settleGroup } from '../../api/groups/cache'
import { checkLogoFile } from './logo-file'
import { refusalMessage } from '../../api/writes/refusal'
import { useSubmitGuard } from '../../lib/use-submit-guard'

const GroupFormDialog = lazy(() => import('./group-form-dialog'))
const DeleteGroupDialog = lazy(() => import('./delete-group-dialog'))
const RemoveLogoDialog = lazy(() => import('./remove-logo-dialog'))

type Open = 'edit' | 'delete' | 'remove-logo' | null

export function GroupAdminBar({ orgId, group }: { orgId: string; group: Group }) {
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const logoInput = useRef<HTMLInputElement>(null)
  // "Remove logo" goes with the logo, so focus cannot return to it: it goes to "Change logo", the
  // control that brings a logo back. The dialog closes first (flushSync), so its own focus return
  // runs before ours instead of after.
  const logoRemoved = () => {
    flushSync(close)
    logoInput.current?.focus()
  }
  return (
    <div className="group-admin">
      <div className="group-admin__actions">
        <button type="button" className="button" onClick={() => setOpen('edit')}>
          Edit group
        </button>
        <LogoUpload orgId={orgId} group={group} inputRef={logoInput} />
        {group.logo ? (
          <button type="button" className="button" onClick={() => setOpen('remove-logo')}>
            Remove logo
          </button>
        ) : null}
        <button type="button" className="button button--danger-outline" onClick={() => setOpen('delete')}>
          Delete group
        </button>
      </div>
      <Suspense fallback={null}>
        {open === 'edit' && <GroupFormDialog orgId={orgId} group={group} onClose={close} />}
        {open === 'delete' && <DeleteGroupDialog orgId={orgId} group={group} onClose={close} />}
        {open === 'remove-logo' && (
          <RemoveLogoDialog orgId={orgId} group={group} onClose={close} onRemoved={logoRemoved} />
        )}
      </Suspense>
    </div>
  )
}

/** A real file input (its label is styled as a button), so keyboard and screen readers get the native control. */
function LogoUpload({
  orgId,
  group,
  inputRef,
}: {
  orgId: string
  group: Group
  inputRef: RefObject<HTMLInputElement | null>
}) {
  const id = useId()
  const qc = useQueryClient()
  const notify = useNotice()
  const [problem, setProblem] = useState<string | null>(null)
  // A second file chosen before the input re-renders disabled waits for the first.
  const guard = useSubmitGuard()
  const upload = useMutation({
    ...groupMutations.uploadLogo(orgId, group.id),
    onSuccess: (saved) => {
      if (saved) settleGroup(qc, orgId, saved)
      else void qc.invalidateQueries({ queryKey: groupQueries.detail(orgId, group.id).queryKey })
      notify({ message: `Changed the logo of ${group.name}.` })
    },
    onError: (error) => setProblem(refusalMessage(error, { what: 'group' })),
  })
  return (
    <div className="group-admin__logo">
      <label className={`button${upload.isPending ? ' button--busy' : ''}`} htmlFor={id}>
        {upload.isPending ? 'Uploading logo…' : 'Change logo'}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="visually-hidden group-admin__file"
        accept="image/png,image/jpeg,image/gif"
        aria-label="Change logo"
        aria-describedby={problem ? `${id}-problem` : undefined}
        aria-invalid={problem ? true : undefined}
        disabled={upload.isPending}
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (!file) return
          const refusal = checkLogoFile(file)
          setProblem(refusal)
          if (!refusal) guard.run(() => upload.mutateAsync(file))
        }}
      />
      {problem ? (
        <output id={`${id}-problem`} className="field__error">
          {problem}
        </output>
      ) : null}
    </div>
  )
}
