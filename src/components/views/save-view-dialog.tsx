// "Save view": names the list's current URL (search, filters, sort; on /members also the hidden
// columns) for this organization on this device. A name in use is refused once, with the choice to
// replace it by saving again; an empty name or a built-in view's name is refused.
import { useId, useRef, useState, type FormEvent } from 'react'
import {
  MAX_VIEW_NAME,
  saveView,
  saveViewMessage,
  type SaveViewRefusal,
  type SavedView,
} from '../../lib/saved-views'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { listNames, viewNameKey, type ViewList } from '../../lib/views'
import { Dialog, DialogFooter } from '../dialog'
import { FormField } from '../form-field'
import { useNotice } from '../notices'

export interface SaveViewDialogProps {
  orgId: string
  list: ViewList
  /** The list's current search ('' or '?…'), as its codec writes it. */
  search: string
  /** The table's hidden columns now, for a list with a Columns menu. */
  hidden?: readonly string[]
  onClose: () => void
}

export default function SaveViewDialog({ orgId, list, search, hidden, onClose }: SaveViewDialogProps) {
  const notify = useNotice()
  const aboutId = useId()
  const inputRef = useRef<HTMLInputElement>(null)
  const [name, setName] = useState('')
  const [refusal, setRefusal] = useState<{ reason: SaveViewRefusal; name: string } | null>(null)
  // Replacing needs a second Save for the same name: the first one says the name is taken.
  const confirmingReplace = refusal?.reason === 'exists' && viewNameKey(refusal.name) === viewNameKey(name)

  // Saved once: a second press before the dialog has closed would save (or replace) again.
  const guard = useSubmitGuard()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!guard.claim()) return
    const view: SavedView = { list, name, search, ...(hidden ? { hidden } : {}) }
    const result = saveView(orgId, view, { replace: confirmingReplace })
    if (!result.ok) {
      guard.release()
      setRefusal({ reason: result.reason, name })
      inputRef.current?.focus()
      return
    }
    notify({
      message: `${result.replaced ? 'Replaced' : 'Saved'} view “${result.view.name}”`,
      tone: 'success',
    })
    onClose()
  }

  return (
    <Dialog
      title="Save view"
      onClose={onClose}
      initialFocus={inputRef}
      describedBy={aboutId}
      className="save-view-dialog"
    >
      <form className="save-view-form" onSubmit={submit} noValidate>
        <p id={aboutId} className="save-view-form__about">
          Keeps this {listNames[list].toLowerCase()} list’s search, filters and sort
          {hidden ? ', and the columns you hid,' : ''} under a name, on this device. The view’s address can be
          shared{hidden ? '; columns stay with each device' : ''}.
        </p>
        <FormField
          label="View name"
          error={refusal ? saveViewMessage(refusal.reason, refusal.name) : null}
          hint={`Up to ${MAX_VIEW_NAME} characters.`}
        >
          {(control) => (
            <input
              {...control}
              ref={inputRef}
              className="input"
              name="view-name"
              autoComplete="off"
              maxLength={MAX_VIEW_NAME + 20}
              value={name}
              onChange={(event) => {
                const next = event.target.value
                setName(next)
                // The refusal was about another name: it no longer applies.
                if (refusal && viewNameKey(refusal.name) !== viewNameKey(next)) setRefusal(null)
              }}
            />
          )}
        </FormField>
        <DialogFooter confirmLabel={confirmingReplace ? 'Replace view' : 'Save'} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
