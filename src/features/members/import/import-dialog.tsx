// The import dialog (#22): a CSV file or rows pasted from a spreadsheet, the invitation's message and
// default role, the columns (recognised by their headers, or asked once when there is none), and a
// preview of every row before anything is sent: Ready, Already a member, Duplicate in this file, or
// Needs a fix with the reason; fixable in place or left out. "Invite {n} people" hands the rows to the
// batch runner, whose dialog (features/members/bulk) shows the progress, Stop, results and Resume.
//
// Loaded on the first press of "Import members", with papaparse (lib/import-rows.ts): neither is in
// any other chunk.
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useDeferredValue, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent } from 'react'
import { groupQueries } from '../../../api/groups/queries'
import { memberQueries } from '../../../api/members/queries'
import { Dialog } from '../../../components/dialog'
import { FormField } from '../../../components/form-field'
import { RoleOptions } from '../../../components/domain/role-options'
import { formatCount } from '../../../lib/format'
import {
  guessMapping,
  importFieldLabel,
  importFields,
  readHeader,
  type ImportField,
} from '../../../lib/import-columns'
import {
  classifyRows,
  importContext,
  summarise,
  toImportRows,
  type EditableField,
} from '../../../lib/import-preview'
import { parseRows } from '../../../lib/import-rows'
import { isWritableRole, type WritableRole } from '../../../lib/roles'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { showBatch } from '../bulk/bulk-dialog-host'
import { emptyInviteDraft, MESSAGE_MAX } from '../invite-validation'
import { startImport } from './import-batch'
import { PreviewTable } from './preview-table'
import './import.css'

/** A file larger than this is not a list of people. */
const MAX_FILE_BYTES = 5 * 1024 * 1024

type Edits = ReadonlyMap<number, Partial<Record<EditableField, string>>>

/** A spreadsheet saved as CSV by an older Excel is Windows-1252, not UTF-8: read it as that. */
async function readFileText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer()
  const utf8 = new TextDecoder('utf-8').decode(bytes)
  if (!utf8.includes('\uFFFD')) return utf8
  try {
    return new TextDecoder('windows-1252').decode(bytes)
  } catch {
    return utf8
  }
}

export default function ImportDialog({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const qc = useQueryClient()
  const directory = useQuery(memberQueries.directory(orgId))
  const groups = useQuery(groupQueries.list(orgId))
  const [pasted, setPasted] = useState('')
  const [file, setFile] = useState<{ name: string; text: string } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [message, setMessage] = useState(emptyInviteDraft.message)
  const [messageError, setMessageError] = useState<string | null>(null)
  const [defaultRole, setDefaultRole] = useState<WritableRole>('standard')
  const [headerChoice, setHeaderChoice] = useState<boolean | null>(null)
  const [mappingChoice, setMappingChoice] = useState<(ImportField | null)[] | null>(null)
  const [edits, setEdits] = useState<Edits>(new Map())
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set())
  const guard = useSubmitGuard()
  const pasteRef = useRef<HTMLTextAreaElement>(null)
  const messageRef = useRef<HTMLTextAreaElement>(null)
  const fileInputRef = useRef<HTMLInputElement>(null)
  const mappingId = useId()

  // A file chosen is the source until rows are pasted again (and the other way round).
  const text = useDeferredValue(file?.text ?? pasted)
  const parsed = useMemo(() => parseRows(text), [text])
  const header = useMemo(() => readHeader(parsed.rows), [parsed])
  const isHeader = headerChoice ?? header.isHeader
  const records = isHeader ? parsed.rows.slice(1) : parsed.rows
  const lines = isHeader ? parsed.lineNumbers.slice(1) : parsed.lineNumbers
  const width = parsed.rows.reduce((max, row) => Math.max(max, row.length), 0)
  const detected = useMemo(
    () => (isHeader ? header.mapping : guessMapping(parsed.rows)),
    [isHeader, header, parsed],
  )
  const mapping = mappingChoice && mappingChoice.length === width ? mappingChoice : detected
  const hasEmailColumn = mapping.includes('email')

  const rows = useMemo(() => {
    const base = toImportRows(records, lines, mapping)
    if (edits.size === 0) return base
    return base.map((row) => {
      const edit = edits.get(row.line)
      return edit ? { ...row, ...edit } : row
    })
    // records and lines follow parsed and isHeader
    // oxlint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, isHeader, mapping, edits])

  const context = useMemo(
    () => importContext(directory.data?.members ?? [], groups.data ?? [], defaultRole),
    [directory.data, groups.data, defaultRole],
  )
  const ready = groups.isSuccess
  const checks = useMemo(
    () => (ready ? classifyRows(rows, context, excluded) : []),
    [ready, rows, context, excluded],
  )
  const summary = summarise(checks)

  const resetRows = () => {
    setHeaderChoice(null)
    setMappingChoice(null)
    setEdits(new Map())
    setExcluded(new Set())
  }

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    setFileError(null)
    if (!chosen) {
      setFile(null)
      return
    }
    if (chosen.size > MAX_FILE_BYTES) {
      setFile(null)
      setFileError('This file is larger than 5 MB: save only the columns for the people to invite.')
      return
    }
    try {
      const content = await readFileText(chosen)
      resetRows()
      setFile({ name: chosen.name, text: content })
    } catch {
      setFileError('The file could not be read. Save it again as CSV and choose it once more.')
    }
  }

  const onPaste = (value: string) => {
    if (file) {
      setFile(null)
      if (fileInputRef.current) fileInputRef.current.value = ''
    }
    // Fixes and rows left out are by row number: once the text changes they could land on another
    // row, so they go (the column choices stay unless the text is started afresh).
    if (value === '' || pasted === '') resetRows()
    else if (edits.size > 0 || excluded.size > 0) {
      setEdits(new Map())
      setExcluded(new Set())
    }
    setPasted(value)
  }

  const editCell = (line: number, field: EditableField, value: string) =>
    setEdits((current) => {
      const next = new Map(current)
      next.set(line, { ...next.get(line), [field]: value })
      return next
    })

  const toggleRow = (line: number, include: boolean) =>
    setExcluded((current) => {
      const next = new Set(current)
      if (include) next.delete(line)
      else next.add(line)
      return next
    })

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (guard.busy() || summary.toSend === 0) return
    const trimmed = message.trim()
    if (trimmed === '') {
      setMessageError('Enter a message for the invitation: Tallyfy sends one with every invitation.')
      messageRef.current?.focus()
      return
    }
    if ([...trimmed].length > MESSAGE_MAX) {
      setMessageError(`The message can be at most ${MESSAGE_MAX.toLocaleString()} characters.`)
      messageRef.current?.focus()
      return
    }
    guard.run(async () => {
      const ctx = { qc, orgId }
      const run = startImport(ctx, trimmed, checks)
      onClose()
      showBatch(ctx, run.handle.id)
    })
  }

  const directoryNote = !directory.data
    ? 'The member list is still loading: addresses are checked against it once it is here, and Tallyfy refuses any address already in use, on its row.'
    : !directory.data.complete
      ? `The member list is still loading (${formatCount(directory.data.members.length)} of ${formatCount(directory.data.total)}): addresses are checked against those loaded so far, and Tallyfy refuses any other address already in use, on its row.`
      : null

  // Asked once when the rows have no header (or none names the email); otherwise on request.
  const asking = !isHeader || !hasEmailColumn
  const columnSelects = (
    <div className="import-columns__selects">
      {Array.from({ length: width }, (_, column) => {
        const sample = (isHeader ? parsed.rows[0]?.[column] : records[0]?.[column]) ?? ''
        return (
          <label key={column} className="import-columns__select">
            <span className="field__label">
              Column {column + 1}
              {sample ? <span className="import-columns__sample"> ({sample})</span> : null}
            </span>
            <select
              className="input"
              value={mapping[column] ?? ''}
              onChange={(event) => {
                const value = event.target.value
                const next = [...mapping]
                const field = importFields.find((f) => f === value) ?? null
                // A field belongs to one column: the one it was on is ignored now.
                if (field) for (let i = 0; i < next.length; i++) if (next[i] === field) next[i] = null
                next[column] = field
                setMappingChoice(next)
              }}
            >
              <option value="">Ignore</option>
              {importFields.map((field) => (
                <option key={field} value={field}>
                  {importFieldLabel[field]}
                </option>
              ))}
            </select>
          </label>
        )
      })}
    </div>
  )

  const confirmLabel = `Invite ${formatCount(summary.toSend)} ${summary.toSend === 1 ? 'person' : 'people'}`

  return (
    <Dialog title="Import members" onClose={onClose} className="import-dialog" initialFocus={pasteRef}>
      <form className="import-form" noValidate onSubmit={onSubmit}>
        <p className="import-form__lead">
          Invite many people at once from a spreadsheet: choose a CSV file, or copy the rows (with their
          header row) and paste them. Columns are recognised by their headers: email, first name, last name,
          role, groups.
        </p>
        <div className="import-form__sources">
          <FormField
            label="CSV file"
            error={fileError}
            hint={file ? `Rows from ${file.name}` : 'Comma-, semicolon- or tab-separated'}
          >
            {(control) => (
              <input
                {...control}
                ref={fileInputRef}
                className="input import-form__file"
                type="file"
                accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
                onChange={(event) => void onFile(event)}
              />
            )}
          </FormField>
          <FormField label="Paste rows" hint="Straight from a spreadsheet, or CSV text">
            {(control) => (
              <textarea
                {...control}
                ref={pasteRef}
                className="input import-form__paste"
                rows={5}
                spellCheck={false}
                value={pasted}
                onChange={(event) => onPaste(event.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="import-form__settings">
          <FormField
            label="Invitation message"
            error={messageError}
            hint="Sent to everyone invited. Tallyfy requires one."
          >
            {(control) => (
              <textarea
                {...control}
                ref={messageRef}
                className="input import-form__message"
                rows={3}
                required
                value={message}
                onChange={(event) => {
                  setMessage(event.target.value)
                  if (messageError) setMessageError(null)
                }}
              />
            )}
          </FormField>
          <FormField label="Role" hint="For rows that name no role">
            {(control) => (
              <select
                {...control}
                className="input"
                value={defaultRole}
                onChange={(event) => {
                  if (isWritableRole(event.target.value)) setDefaultRole(event.target.value)
                }}
              >
                <RoleOptions />
              </select>
            )}
          </FormField>
        </div>

        {parsed.problems.length > 0 ? (
          <ul className="import-form__problems" aria-label="Problems reading the rows">
            {parsed.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}

        {parsed.rows.length > 0 ? (
          <>
            <fieldset className="import-columns" aria-describedby={mappingId}>
              <legend className="import-columns__legend">Columns</legend>
              <label className="import-columns__header">
                <input
                  type="checkbox"
                  checked={isHeader}
                  onChange={(event) => {
                    setHeaderChoice(event.target.checked)
                    setMappingChoice(null)
                  }}
                />
                The first row holds column names
              </label>
              <p id={mappingId} className="import-columns__note">
                {!isHeader
                  ? 'These rows have no header: say which column is which.'
                  : !hasEmailColumn
                    ? 'No column is recognised as the email: say which one it is.'
                    : header.ignored.length > 0
                      ? `Ignored: ${header.ignored.join(', ')}.`
                      : 'Every column was recognised.'}
              </p>
              {asking ? (
                columnSelects
              ) : (
                <details className="import-columns__change">
                  <summary>Change which column is which</summary>
                  {columnSelects}
                </details>
              )}
            </fieldset>

            {directoryNote ? <p className="import-form__note">{directoryNote}</p> : null}
            {!ready ? (
              <output className="import-form__note">
                {groups.isError
                  ? 'The groups could not be loaded, so the rows cannot be checked yet.'
                  : 'Loading the groups to check the rows…'}
              </output>
            ) : !hasEmailColumn ? null : (
              <PreviewTable checks={checks} summary={summary} onEdit={editCell} onToggle={toggleRow} />
            )}
          </>
        ) : null}

        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={summary.toSend === 0}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
