// An admin's controls on a member's page: change the role, disable or enable. Role and status change
// at once on screen (the badge here, the table's badges and the filters' counts) and go back, with
// Tallyfy's reason, if it refuses. Disabling asks first, because the member also leaves every group;
// a role change can be undone from its notice. Rendered only for admins.
import { useId, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { meQueries } from '../../api/me'
import type { Member } from '../../api/types'
import { AlertDialog } from '../../components/dialog'
import { roleLabel } from '../../components/domain/badge'
import { RoleOptions } from '../../components/domain/role-options'
import { isWritableRole, type WritableRole } from '../../lib/roles'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import { useNotice } from '../../components/notices'
import { useIsAdmin } from '../auth/session'
import { changeRole, disableMember, enableMember } from './member-write-actions'
import { useMemberBusy } from './use-member-writes'
import { refusalMessage } from '../../api/writes/refusal'
import { MemberOffboarding } from './offboarding/member-offboarding'

export function MemberAdmin({ orgId, member }: { orgId: string; member: Member }) {
  const isAdmin = useIsAdmin()
  const me = useQuery(meQueries.current(orgId)).data
  if (!isAdmin || !me) return null
  return <MemberAdminControls orgId={orgId} member={member} isSelf={me.id === member.id} />
}

function MemberAdminControls({ orgId, member, isSelf }: { orgId: string; member: Member; isSelf: boolean }) {
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  const busy = useMemberBusy(orgId, member.id)
  const roleId = useId()
  const errorId = useId()
  // The select shows the member's role until the admin picks another, and again as soon as a write
  // settles: a pick is only kept while the role it was made against is still the one shown, and is
  // forgotten when Tallyfy answers (an optimistic change that rolls back ends on the old role, so the
  // select must go back with the badge instead of still offering the refused choice).
  const [chosen, setChosen] = useState<{ for: string; role: string } | null>(null)
  const selected = chosen && chosen.for === member.role ? chosen.role : member.role
  const settled = () => setChosen(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<'self-demotion' | 'disable' | null>(null)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const name = member.fullName
  // One write at a time from these controls, even when a second click beats the disabled button.
  const guard = useSubmitGuard()

  const sendRole = (role: WritableRole) => {
    guard.run(() => {
      setError(null)
      return changeRole(ctx, member, role, { isSelf })
        .then(
          () => setConfirming(null),
          (e: unknown) => {
            setConfirming(null)
            setError(refusalMessage(e, { what: 'member' }))
          },
        )
        .finally(settled)
    })
  }

  const onChangeRole = () => {
    if (!isWritableRole(selected) || selected === member.role || busy || guard.busy()) return
    if (isSelf && member.role === 'admin' && selected !== 'admin') {
      setConfirming('self-demotion')
      return
    }
    sendRole(selected)
  }

  const onDisable = () => {
    guard.run(() => {
      setDialogError(null)
      return disableMember(ctx, member)
        .then(
          () => setConfirming(null),
          (e: unknown) => setDialogError(refusalMessage(e, { what: 'member' })),
        )
        .finally(settled)
    })
  }

  const onEnable = () => {
    guard.run(() => {
      setError(null)
      return enableMember(ctx, member)
        .catch((e: unknown) => setError(refusalMessage(e, { what: 'member' })))
        .finally(settled)
    })
  }

  const disabled = member.status === 'disabled'
  const groupNames = (member.groups ?? []).map((g) => g.name)

  return (
    <section className="member-admin" aria-labelledby={`${roleId}-heading`}>
      <h2 id={`${roleId}-heading`}>Administration</h2>
      <div className="member-admin__row">
        <div className="field member-admin__role">
          <label htmlFor={roleId} className="field__label">
            Role
          </label>
          <select
            id={roleId}
            className="input"
            value={selected}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => setChosen({ for: member.role, role: event.target.value })}
          >
            {!isWritableRole(member.role) && (
              <option value={member.role}>{roleLabel(member.role, member.rawRole)}</option>
            )}
            <RoleOptions />
          </select>
        </div>
        <button
          type="button"
          className="button"
          onClick={onChangeRole}
          disabled={busy || !isWritableRole(selected) || selected === member.role}
        >
          Change role
        </button>
        {!isSelf && (
          // One button whose action follows the status, so focus stays on it after either change.
          <button
            type="button"
            className={disabled ? 'button' : 'button member-admin__danger'}
            onClick={() => {
              if (disabled) onEnable()
              else {
                setDialogError(null)
                setConfirming('disable')
              }
            }}
            disabled={busy}
          >
            {disabled ? 'Enable member' : 'Disable member'}
          </button>
        )}
      </div>
      {error && (
        <p id={errorId} className="member-admin__error" role="alert">
          {error}
        </p>
      )}
      <MemberOffboarding orgId={orgId} member={member} isSelf={isSelf} />

      {confirming === 'disable' && (
        <AlertDialog
          title={`Disable ${name}?`}
          confirmLabel="Disable"
          onConfirm={onDisable}
          onCancel={() => setConfirming(null)}
          busy={busy}
          error={dialogError}
        >
          <p>{name} will no longer be able to sign in to Tallyfy.</p>
          <p>
            {groupNames.length > 0
              ? `They will also leave ${groupNames.length === 1 ? 'their group' : `all ${groupNames.length} of their groups`}: ${listFormat.format(groupNames)}. Enabling them later does not bring those memberships back.`
              : 'Enabling them later gives them their access back.'}
          </p>
        </AlertDialog>
      )}
      {confirming === 'self-demotion' && isWritableRole(selected) && (
        <AlertDialog
          title="Give up your administrator role?"
          confirmLabel="Change my role"
          onConfirm={() => sendRole(selected)}
          onCancel={() => setConfirming(null)}
          busy={busy}
        >
          <p>
            You will become {article(selected)} {roleLabel(selected)} member and lose these controls: you
            won't be able to invite people, change roles or disable members. Another administrator would have
            to give the role back.
          </p>
        </AlertDialog>
      )}
    </section>
  )
}

const listFormat = new Intl.ListFormat(undefined, { style: 'long', type: 'conjunction' })
const article = (role: WritableRole) => (role === 'admin' ? 'an' : 'a')
