// The import's preview: a summary of the rows by status, a "Show" filter, and one table row per row
// of the file. Every cell can be corrected in place ("Email, row 5"), and each row can be left out
// ("Include row 5"); the status follows at once. A hundred rows are shown at a time.
/* oxlint-disable jsx-a11y/no-noninteractive-tabindex -- the table's scrolling region is focusable so the keyboard can scroll it (axe: scrollable-region-focusable) */
import { useId, useState } from 'react'
import { roleLabel, statusLabel } from '../../../components/domain/badge'
import { formatCount } from '../../../lib/format'
import { roleFromText } from '../../../lib/import-columns'
import type { EditableField, ImportSummary, RowCheck, RowStatus } from '../../../lib/import-preview'
import { writableRoles } from '../../../lib/roles'
import '../../../components/scroll-table.css'

const PAGE = 100

type Show = RowStatus | 'excluded' | 'all'

const statusText: Record<RowStatus, string> = {
  ready: 'Ready',
  member: 'Already a member',
  duplicate: 'Duplicate in this file',
  fix: 'Needs a fix',
}

function summaryItems(
  summary: ImportSummary,
): { show: RowStatus | 'excluded'; text: string; count: number }[] {
  const n = formatCount
  return [
    { show: 'ready' as const, count: summary.ready, text: `${n(summary.ready)} ready` },
    {
      show: 'member' as const,
      count: summary.member,
      text: `${n(summary.member)} already ${summary.member === 1 ? 'a member' : 'members'}`,
    },
    {
      show: 'duplicate' as const,
      count: summary.duplicate,
      text: `${n(summary.duplicate)} ${summary.duplicate === 1 ? 'duplicate' : 'duplicates'} in this file`,
    },
    {
      show: 'fix' as const,
      count: summary.fix,
      text: `${n(summary.fix)} ${summary.fix === 1 ? 'needs' : 'need'} a fix`,
    },
    { show: 'excluded' as const, count: summary.excluded, text: `${n(summary.excluded)} left out` },
  ].filter((item) => item.count > 0)
}

function statusDetail(check: RowCheck): string | null {
  switch (check.status) {
    case 'member':
      return check.member
        ? `${check.member.fullName}, ${statusLabel(check.member.status).toLowerCase()}`
        : null
    case 'duplicate':
      return check.duplicateOf !== null ? `Same email as row ${check.duplicateOf}` : null
    case 'fix':
      return check.problems.map((p) => p.text).join('. ')
    default:
      return null
  }
}

interface PreviewTableProps {
  checks: readonly RowCheck[]
  summary: ImportSummary
  onEdit: (line: number, field: EditableField, value: string) => void
  onToggle: (line: number, include: boolean) => void
}

export function PreviewTable({ checks, summary, onEdit, onToggle }: PreviewTableProps) {
  const [show, setShow] = useState<Show>('all')
  const [limit, setLimit] = useState(PAGE)
  const tableId = useId()
  const items = summaryItems(summary)
  const shown =
    show === 'all'
      ? checks
      : show === 'excluded'
        ? checks.filter((c) => c.excluded)
        : checks.filter((c) => !c.excluded && c.status === show)

  return (
    <section className="import-preview" aria-label="Preview">
      <h3 className="import-preview__title">Preview</h3>
      <ul className="import-preview__summary" aria-label="Summary">
        {items.map((item) => (
          <li key={item.show} className={`badge import-status import-status--${item.show}`}>
            {item.text}
          </li>
        ))}
      </ul>
      {/* Said once the rows settle (a paste, a fix): what the confirm button will do. */}
      <output className="visually-hidden">
        {`${formatCount(checks.length)} ${checks.length === 1 ? 'row' : 'rows'}: ${items.map((item) => item.text).join(', ')}.`}
      </output>
      <p className="import-preview__note">
        Nothing is sent before you confirm. Only the rows that are ready are invited; correct a row in place,
        or leave it out.
      </p>
      <label className="import-preview__filter">
        <span className="field__label">Show</span>
        <select
          className="input"
          value={show}
          aria-controls={tableId}
          onChange={(event) => {
            setShow(event.target.value as Show)
            setLimit(PAGE)
          }}
        >
          <option value="all">Every row ({formatCount(checks.length)})</option>
          {items.map((item) => (
            <option key={item.show} value={item.show}>
              {item.show === 'excluded' ? 'Left out' : statusText[item.show]} ({formatCount(item.count)})
            </option>
          ))}
        </select>
      </label>
      <section className="scroll-table import-preview__scroll" aria-label="Rows" tabIndex={0}>
        <table id={tableId} className="import-preview__table">
          <caption className="visually-hidden">Each row to import, its status and its cells</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Include</span>
              </th>
              <th scope="col">Row</th>
              <th scope="col">Status</th>
              <th scope="col">Email</th>
              <th scope="col">First name</th>
              <th scope="col">Last name</th>
              <th scope="col">Role</th>
              <th scope="col">Groups</th>
            </tr>
          </thead>
          <tbody>
            {shown.slice(0, limit).map((check) => (
              <PreviewRow key={check.row.line} check={check} onEdit={onEdit} onToggle={onToggle} />
            ))}
          </tbody>
        </table>
      </section>
      {shown.length > limit ? (
        <button type="button" className="button button--small" onClick={() => setLimit((n) => n + PAGE)}>
          Show {formatCount(Math.min(PAGE, shown.length - limit))} more of {formatCount(shown.length - limit)}
        </button>
      ) : null}
    </section>
  )
}

function PreviewRow({
  check,
  onEdit,
  onToggle,
}: {
  check: RowCheck
  onEdit: PreviewTableProps['onEdit']
  onToggle: PreviewTableProps['onToggle']
}) {
  const { row } = check
  const statusId = useId()
  const line = row.line
  const wrong = new Set(check.problems.map((p) => p.field))
  const detail = statusDetail(check)
  const cell = (field: Exclude<EditableField, 'role'>, label: string, type = 'text') => (
    <td>
      <input
        className="input import-preview__input"
        type={type}
        aria-label={`${label}, row ${line}`}
        aria-invalid={wrong.has(field) || undefined}
        aria-describedby={wrong.has(field) ? statusId : undefined}
        value={row[field]}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onEdit(line, field, event.target.value)}
      />
    </td>
  )
  const knownRole = row.role.trim() === '' ? '' : roleFromText(row.role)
  return (
    <tr className={check.excluded ? 'import-preview__row--excluded' : undefined}>
      <td>
        <input
          type="checkbox"
          aria-label={`Include row ${line}`}
          checked={!check.excluded}
          onChange={(event) => onToggle(line, event.target.checked)}
        />
      </td>
      <th scope="row" className="import-preview__line">
        {line}
      </th>
      <td id={statusId} className="import-preview__status">
        <span className={`badge import-status import-status--${check.excluded ? 'excluded' : check.status}`}>
          {check.excluded ? 'Left out' : statusText[check.status]}
        </span>
        {detail && !check.excluded ? <span className="import-preview__detail">{detail}</span> : null}
      </td>
      {cell('email', 'Email', 'email')}
      {cell('firstName', 'First name')}
      {cell('lastName', 'Last name')}
      <td>
        <select
          className="input import-preview__input"
          aria-label={`Role, row ${line}`}
          aria-invalid={wrong.has('role') || undefined}
          aria-describedby={wrong.has('role') ? statusId : undefined}
          value={knownRole === null ? row.role : (knownRole ?? '')}
          onChange={(event) => onEdit(line, 'role', event.target.value)}
        >
          <option value="">Default role</option>
          {writableRoles.map((role) => (
            <option key={role} value={role}>
              {roleLabel(role)}
            </option>
          ))}
          {knownRole === null ? <option value={row.role}>{row.role} (unknown)</option> : null}
        </select>
      </td>
      {cell('groups', 'Groups')}
    </tr>
  )
}
