// An action's dialog before it runs: what it will do, in plain words; the choice it needs (a role, a
// group); who will be skipped and why (counts, and the people behind them on request); and a confirm
// button that names the real number of people ("Disable 45 members"), disabled while there is nobody
// to change. Nothing is sent before that button.
import { useQuery } from '@tanstack/react-query'
import { useDeferredValue, useMemo, useState, type RefObject } from 'react'
import { cachedGroup } from '../../../api/groups/cache'
import { groupQueries } from '../../../api/groups/queries'
import type { Group } from '../../../api/types'
import { Combobox } from '../../../components/combobox'
import { roleLabel } from '../../../components/domain/badge'
import { RoleOptions } from '../../../components/domain/role-options'
import { FormField } from '../../../components/form-field'
import { previewBulk, type BulkAction } from '../../../lib/bulk-preview'
import { formatCount } from '../../../lib/format'
import { isWritableRole, type WritableRole } from '../../../lib/roles'
import { matchesAllTerms, normalize, splitTerms } from '../../../lib/text'
import type { CacheContext } from '../member-write-actions'
import type { ConfirmRequest } from './bulk-dialog-host'
import { confirmLabel, people } from './bulk-kinds'
import { startAction } from './bulk-run'
import { SkipPreview } from './skip-preview'

interface ConfirmViewProps {
  ctx: CacheContext
  request: ConfirmRequest
  /** The id of the text that says what will happen (the dialog is described by it). */
  descriptionId: string
  /** Where focus starts: the choice to make, else Cancel. */
  focusRef: RefObject<HTMLElement | null>
  onCancel: () => void
  onStarted: (batchId: string) => void
}

const MAX_GROUP_OPTIONS = 50
const noGroups: Group[] = []

/** The group a group action targets, with its member list when it was read. */
function groupTarget(ctx: CacheContext, group: Group) {
  const known = cachedGroup(ctx.qc, ctx.orgId, group.id) ?? group
  return { id: group.id, name: known.name, memberIds: known.membersKnown ? known.memberIds : null }
}

export function ConfirmView({
  ctx,
  request,
  descriptionId,
  focusRef,
  onCancel,
  onStarted,
}: ConfirmViewProps) {
  const { kind, selectedIds, membersById, meId } = request
  const [role, setRole] = useState<WritableRole | ''>('')
  const [group, setGroup] = useState<Group | null>(null)
  const [started, setStarted] = useState(false)

  const action: BulkAction | null = useMemo(() => {
    switch (kind) {
      case 'role':
        return role ? { kind, role } : null
      case 'group-add':
      case 'group-remove':
        return group ? { kind, group: groupTarget(ctx, group) } : null
      default:
        return { kind }
    }
  }, [kind, role, group, ctx])

  const preview = useMemo(
    () => (action ? previewBulk(action, selectedIds, membersById, meId) : null),
    [action, selectedIds, membersById, meId],
  )
  const count = preview?.send.length ?? 0
  const selected = selectedIds.length

  const confirm = () => {
    if (!action || !preview || count === 0 || started) return
    setStarted(true)
    const run = startAction(ctx, action, preview)
    const onFinished = request.onFinished
    if (onFinished) void run.handle.done.then(() => onFinished())
    onStarted(run.handle.id)
  }

  return (
    <form
      className="bulk-confirm"
      onSubmit={(event) => {
        event.preventDefault()
        confirm()
      }}
    >
      {kind === 'role' ? (
        <FormField label="New role">
          {(control) => (
            <select
              {...control}
              ref={(el) => {
                focusRef.current = el
              }}
              className="input"
              value={role}
              onChange={(event) => setRole(isWritableRole(event.target.value) ? event.target.value : '')}
            >
              <option value="">Choose a role</option>
              <RoleOptions />
            </select>
          )}
        </FormField>
      ) : null}
      {kind === 'group-add' || kind === 'group-remove' ? (
        <GroupChoice ctx={ctx} chosen={group} onChoose={setGroup} focusRef={focusRef} />
      ) : null}

      <div id={descriptionId} className="bulk-confirm__what">
        <WhatHappens action={action} count={count} selected={selected} />
      </div>

      {preview ? <SkipPreview action={action} preview={preview} /> : null}

      <div className="dialog__actions">
        <button
          type="button"
          className="button"
          onClick={onCancel}
          ref={(el) => {
            if (kind !== 'role' && kind !== 'group-add' && kind !== 'group-remove') focusRef.current = el
          }}
        >
          Cancel
        </button>
        <button
          type="submit"
          className={`button ${kind === 'withdraw' || kind === 'disable' ? 'button--danger' : 'button--primary'}`}
          disabled={!preview || count === 0 || started}
        >
          {preview
            ? confirmLabel(kind, count, action && 'group' in action ? action.group.name : null)
            : pendingLabel(kind, selected)}
        </button>
      </div>
    </form>
  )
}

/** The confirm button before the choice is made: the selection's size, and what is missing. */
function pendingLabel(kind: BulkAction['kind'], selected: number): string {
  if (kind === 'role') return `Change role of ${people(selected)}`
  return confirmLabel(kind, selected, null)
}

/** The sentence that names exactly what will happen, to whom. */
function WhatHappens({
  action,
  count,
  selected,
}: {
  action: BulkAction | null
  count: number
  selected: number
}) {
  if (!action) {
    return (
      <p className="bulk-confirm__lead">
        {formatCount(selected)} selected. Choose{' '}
        {selected === 1 ? 'what applies to them' : 'what applies to them all'} first.
      </p>
    )
  }
  const who =
    count === selected
      ? `All ${people(count)} selected`
      : `${people(count)} of the ${formatCount(selected)} selected`
  const lead =
    count === 0 ? (
      <p className="bulk-confirm__lead">Nobody selected would change: every one of them is skipped below.</p>
    ) : null
  if (lead) return lead
  switch (action.kind) {
    case 'role':
      return (
        <>
          <p className="bulk-confirm__lead">
            {who} will get the role <strong>{roleLabel(action.role)}</strong>, one request per person.
          </p>
          <p className="bulk-confirm__note">
            {action.role === 'light'
              ? 'Light members take a light seat.'
              : 'Administrators and Standard members take a full seat: if the organization runs out, Tallyfy stops the change there and the rest are not sent.'}{' '}
            You can undo the change afterwards for those nobody has changed since.
          </p>
        </>
      )
    case 'disable':
      return (
        <>
          <p className="bulk-confirm__lead">{who} will no longer be able to sign in to Tallyfy.</p>
          <p className="bulk-confirm__note">
            They also leave every group they are in. Enabling them later gives their access back, not their
            groups.
          </p>
        </>
      )
    case 'enable':
      return (
        <>
          <p className="bulk-confirm__lead">{who} will be able to sign in to Tallyfy again.</p>
          <p className="bulk-confirm__note">
            Those who never accepted their invitation become invitations again. Each takes a seat: if the
            organization runs out, Tallyfy stops there and the rest are not sent.
          </p>
        </>
      )
    case 'group-add':
    case 'group-remove':
      return (
        <>
          <p className="bulk-confirm__lead">
            {who} will {action.kind === 'group-add' ? 'join' : 'leave'} <strong>{action.group.name}</strong>.
          </p>
          <p className="bulk-confirm__note">
            One change to the group, applied to the group as Tallyfy holds it when it is sent: people someone
            else adds or removes meanwhile stay as they are.
          </p>
        </>
      )
    case 'resend':
      return <p className="bulk-confirm__lead">{who} will get their invitation email from Tallyfy again.</p>
    case 'withdraw':
      return (
        <>
          <p className="bulk-confirm__lead">
            {count === 1 ? 'The invitation' : `${formatCount(count)} invitations`} will stop working, and{' '}
            {count === 1 ? 'the person leaves' : 'those people leave'} the member list and every group.
          </p>
          <p className="bulk-confirm__note">
            The seats they held are freed. This cannot be undone: to bring someone back, invite them again.
          </p>
        </>
      )
  }
}

/** "Group": the APG combobox over the organization's groups. */
function GroupChoice({
  ctx,
  chosen,
  onChoose,
  focusRef,
}: {
  ctx: CacheContext
  chosen: Group | null
  onChoose: (group: Group | null) => void
  focusRef: RefObject<HTMLElement | null>
}) {
  const groupsQuery = useQuery(groupQueries.list(ctx.orgId))
  const groups = groupsQuery.data ?? noGroups
  const [text, setText] = useState('')
  const query = useDeferredValue(text)
  const haystacks = useMemo(() => groups.map((g) => normalize(g.name)), [groups])
  const options = useMemo(() => {
    const terms = splitTerms(query)
    const out: Group[] = []
    for (let i = 0; i < groups.length && out.length < MAX_GROUP_OPTIONS; i++) {
      if (terms.length === 0 || matchesAllTerms(haystacks[i] as string, terms)) out.push(groups[i] as Group)
    }
    return out
  }, [groups, haystacks, query])
  return (
    <div
      ref={(el) => {
        focusRef.current = el?.querySelector('input') ?? null
      }}
    >
      <Combobox
        label="Group"
        value={text}
        onValueChange={(value) => {
          setText(value)
          // Typing after a choice starts a new search: the choice no longer stands.
          if (chosen && value !== chosen.name) onChoose(null)
        }}
        options={options}
        getKey={(g) => g.id}
        getLabel={(g) => g.name}
        onSelect={(g) => {
          setText(g.name)
          onChoose(g)
        }}
        placeholder={groupsQuery.isPending ? 'Loading groups…' : 'Search groups'}
        emptyText={
          groupsQuery.isError ? 'The groups could not be loaded.' : `No group matches “${text.trim()}”.`
        }
        hint={chosen ? undefined : 'Type a name, then choose with the arrow keys and Enter.'}
      />
    </div>
  )
}
