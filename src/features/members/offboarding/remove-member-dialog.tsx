// "Remove member": an alert dialog that first shows what the person owns (Tallyfy's reassignment
// information, read fresh each time it opens), then, when they own anything, asks who takes it over
// ("Reassign to": active members, people who share a group with the leaver first). The confirm
// button says what will happen: "Remove and reassign", or "Remove" when there is nothing to hand
// over; it stays disabled until Roster knows which, and until a successor is chosen.
//
// Tallyfy's refusals show where they belong: an invalid successor on the "Reassign to" field, the
// bot and the default administrator in the dialog, the latter with what to do about it.
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { memberLifecycleQueries } from '../../../api/members/mutations'
import { memberQueries } from '../../../api/members/queries'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { MemberOption } from '../../../components/domain/member-option'
import { Combobox } from '../../../components/combobox'
import { Dialog, DialogFooter } from '../../../components/dialog'
import { fieldErrorsOf } from '../../../components/form-field'
import { useNotice } from '../../../components/notices'
import { ErrorState, LoadingState } from '../../../components/states'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { DefaultAdminHelp, isDefaultAdminRefusal } from './default-admin-help'
import { removeMember } from './offboarding-write-actions'
import { OwnedWork } from './owned-work'
import { successorOptions, type SuccessorOption } from './successor-options'

const noMembers: Member[] = []

export function RemoveMemberDialog({
  orgId,
  member,
  onClose,
  onRemoved,
}: {
  orgId: string
  member: Member
  onClose: () => void
  /** Tallyfy removed them: the dialog is done. */
  onRemoved: () => void
}) {
  const ctx = { qc: useQueryClient(), orgId, notify: useNotice() }
  const bodyId = useId()
  const cancelRef = useRef<HTMLButtonElement>(null)
  const info = useQuery(memberLifecycleQueries.reassignment(orgId, member.id))
  const directory = useQuery(memberQueries.directory(orgId))
  const members = directory.data?.members ?? noMembers

  const [text, setText] = useState('')
  const query = useDeferredValue(text)
  const [chosen, setChosen] = useState<Member | null>(null)
  // The choice holds while the field still shows it: editing the text un-chooses, so the button
  // never sends someone the field no longer names.
  const successor = chosen && text === chosen.fullName ? chosen : null
  const options = useMemo(() => successorOptions(members, member, query), [members, member, query])

  const [failure, setFailure] = useState<unknown>(null)
  const [sending, setSending] = useState(false)
  const guard = useSubmitGuard()

  const owns = info.data ? info.data.total > 0 : null
  const ready = owns === false || (owns === true && successor !== null)

  const onConfirm = () => {
    if (!ready || info.data === undefined) return
    const to = owns ? successor : null
    guard.run(() => {
      setFailure(null)
      setSending(true)
      return removeMember(ctx, member, to).then(
        () => {
          setSending(false)
          onRemoved()
        },
        (error: unknown) => {
          setSending(false)
          setFailure(error)
        },
      )
    })
  }

  const toErrors = fieldErrorsOf(failure, 'to')
  const defaultAdminRefused = failure !== null && isDefaultAdminRefusal(failure, member)
  const dialogError =
    failure !== null && toErrors.length === 0 ? refusalMessage(failure, { what: 'member' }) : null
  const name = member.fullName

  return (
    <Dialog
      title={`Remove ${name}?`}
      onClose={onClose}
      role="alertdialog"
      describedBy={bodyId}
      initialFocus={cancelRef}
      className="dialog--offboarding"
    >
      <div id={bodyId} className="dialog__message">
        <p>
          {name} will be disabled: they can no longer sign in, and they leave every group. Their account stays
          in the organization, so it can be enabled again later.
        </p>
      </div>

      {info.isPending ? (
        <LoadingState label={`Checking what ${name} owns…`} delayMs={0} />
      ) : info.isError ? (
        <div className="offboarding__state">
          <ErrorState
            error={info.error}
            what="reassignment information"
            headingLevel={3}
            onRetry={() => void info.refetch()}
          />
        </div>
      ) : info.data.total === 0 ? (
        <p className="offboarding__nothing">
          {name} owns no templates, steps or tasks: there is nothing to hand over.
        </p>
      ) : (
        <>
          <OwnedWork info={info.data} name={name} />
          <Combobox<SuccessorOption>
            label="Reassign to"
            value={text}
            onValueChange={(value) => {
              setText(value)
              if (toErrors.length > 0) setFailure(null)
            }}
            options={options}
            getKey={(o) => o.member.id}
            getLabel={(o) => o.member.fullName}
            renderOption={(o) => <SuccessorItem option={o} />}
            onSelect={(o) => {
              setChosen(o.member)
              setText(o.member.fullName)
              if (toErrors.length > 0) setFailure(null)
            }}
            placeholder={directory.isPending ? 'Loading the member directory…' : 'Search by name or email'}
            emptyText={
              directory.isPending
                ? 'Loading the member directory…'
                : `No active member matches “${text.trim()}”.`
            }
            hint={`Active members only. People who share a group with ${name} come first. Everything ${name} owns goes to the person you choose.`}
            error={toErrors.length > 0 ? toErrors.join(' ') : null}
            disabled={sending}
          />
        </>
      )}

      {defaultAdminRefused ? (
        <div className="dialog__error offboarding__refusal" role="alert">
          <p>{dialogError}</p>
          <DefaultAdminHelp orgId={orgId} member={member} />
        </div>
      ) : null}
      <DialogFooter
        confirmLabel={owns ? 'Remove and reassign' : 'Remove'}
        onConfirm={onConfirm}
        onCancel={onClose}
        busy={sending}
        tone="danger"
        disabled={!ready}
        error={defaultAdminRefused ? null : dialogError}
        cancelRef={cancelRef}
      />
    </Dialog>
  )
}

function SuccessorItem({ option }: { option: SuccessorOption }) {
  const shared = option.sharedGroups
  return (
    <MemberOption
      member={option.member}
      note={shared.length > 0 ? `Shares a group: ${shared.join(', ')}` : null}
    />
  )
}
