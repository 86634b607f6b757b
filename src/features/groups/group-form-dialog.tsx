// The group form, in a dialog: "New group" (Create group) and "Edit group" (Save). Loaded lazily
// the first time it opens, so neither /groups nor /members pays for it up front.

import { useRef, useState, type FormEvent } from 'react'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { groupMutations, groupWriteMessage, type GroupDetails } from '../../api/groups/mutations'
import type { Group } from '../../api/types'
import { Dialog, DialogFooter } from '../../components/dialog'
import { FormField, fieldErrorsOf } from '../../components/form-field'
import { useNotice } from '../../components/notices'
import { paths } from '../../lib/paths'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { rememberGroup, settleGroup } from '../../api/groups/cache'
import { activity } from '../../api/writes/activity'

const GROUP_NAME_MAX = 200

type FieldErrors = Partial<Record<keyof GroupDetails, string>>

/** The checks Tallyfy documents, made before any request (it checks again; we show its words too). */
function validateGroupDetails(details: GroupDetails): FieldErrors {
  const errors: FieldErrors = {}
  const name = details.name.trim()
  if (name === '') errors.name = 'Enter a name for the group.'
  else if (name.length > GROUP_NAME_MAX)
    errors.name = `Use at most ${GROUP_NAME_MAX} characters (this one has ${name.length}).`
  if (details.description.trim() === '') errors.description = 'Enter a description: Tallyfy requires one.'
  return errors
}

interface GroupFormDialogProps {
  orgId: string
  /** Absent: a new group. */
  group?: Group
  onClose: () => void
}

export default function GroupFormDialog({ orgId, group, onClose }: GroupFormDialogProps) {
  const qc = useQueryClient()
  const notify = useNotice()
  const navigate = useNavigate()
  const [name, setName] = useState(group?.name ?? '')
  const [description, setDescription] = useState(group?.description ?? '')
  const [localErrors, setLocalErrors] = useState<FieldErrors>({})
  const nameRef = useRef<HTMLInputElement>(null)
  const descriptionRef = useRef<HTMLTextAreaElement>(null)
  // A second click can arrive before React re-renders the disabled button: one request, always.
  const guard = useSubmitGuard()

  const create = useMutation({
    ...groupMutations.create(orgId),
    onSuccess: (created) => {
      rememberGroup(qc, orgId, created)
      notify({ message: `Created group ${created.name}.` })
      onClose()
      void navigate(paths.group(created.id))
    },
  })
  const update = useMutation({
    ...groupMutations.update(orgId, group?.id ?? ''),
    onSuccess: ({ group: saved, activityId }) => {
      settleGroup(qc, orgId, saved)
      // The Activity entry's Undo (restores what the edit replaced, as read just before it): the
      // notice and the Activity panel share it, and it runs once.
      notify({
        message: `Saved ${saved.name}.`,
        undo: activityId === null ? undefined : () => void activity.undo(activityId),
      })
      onClose()
    },
  })
  const mutation = group ? update : create

  const serverError = mutation.error
  const errors = {
    name: localErrors.name ?? fieldErrorsOf(serverError, 'name'),
    description: localErrors.description ?? fieldErrorsOf(serverError, 'description'),
  }
  const hasFieldError = errors.name.length > 0 || errors.description.length > 0
  const formError = serverError && !hasFieldError ? groupWriteMessage(qc, orgId, serverError) : null

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (guard.busy() || mutation.isPending) return
    const details = { name: name.trim(), description: description.trim() }
    const found = validateGroupDetails(details)
    setLocalErrors(found)
    if (found.name) return nameRef.current?.focus()
    if (found.description) return descriptionRef.current?.focus()
    const focusInvalid = (error: unknown) => {
      if (fieldErrorsOf(error, 'name').length) nameRef.current?.focus()
      else if (fieldErrorsOf(error, 'description').length) descriptionRef.current?.focus()
    }
    guard.run(() =>
      group
        ? update.mutateAsync({ details, notify }, { onError: focusInvalid })
        : create.mutateAsync(details, { onError: focusInvalid }),
    )
  }

  return (
    <Dialog title={group ? 'Edit group' : 'New group'} onClose={onClose} initialFocus={nameRef}>
      <form className="group-form" onSubmit={submit} noValidate>
        <FormField
          label="Name"
          error={errors.name}
          hint={`Unique in the organization, up to ${GROUP_NAME_MAX} characters.`}
        >
          {(control) => (
            <input
              {...control}
              ref={nameRef}
              className="input"
              name="name"
              autoComplete="off"
              required
              maxLength={GROUP_NAME_MAX + 50}
              value={name}
              onChange={(e) => {
                setName(e.target.value)
                if (localErrors.name) setLocalErrors((x) => ({ ...x, name: undefined }))
              }}
            />
          )}
        </FormField>
        <FormField label="Description" error={errors.description}>
          {(control) => (
            <textarea
              {...control}
              ref={descriptionRef}
              className="input group-form__description"
              name="description"
              rows={4}
              required
              value={description}
              onChange={(e) => {
                setDescription(e.target.value)
                if (localErrors.description) setLocalErrors((x) => ({ ...x, description: undefined }))
              }}
            />
          )}
        </FormField>
        <DialogFooter
          confirmLabel={group ? 'Save' : 'Create group'}
          onCancel={onClose}
          busy={mutation.isPending}
          error={formError}
        />
      </form>
    </Dialog>
  )
}
