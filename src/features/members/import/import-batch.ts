// Sending an import: the rows that are Ready and included become the batch's invitations (and its
// group PUTs); every other row is part of the results as skipped, with the reason the preview gave.
import { statusLabel } from '../../../components/domain/badge'
import type { RowCheck } from '../../../lib/import-preview'
import type { ItemResult } from '../../../api/writes/batch'
import type { CacheContext } from '../member-write-actions'
import { runBulk, type BulkRun, type PersonName } from '../bulk/bulk-run'
import { inviteParams, rowKey, rowName, type InviteRow } from '../bulk/invite-steps'

/** Why a row is not sent, as its result says it. */
export function skipDetail(check: RowCheck): string {
  if (check.excluded) return 'Left out'
  switch (check.status) {
    case 'member':
      return check.member
        ? `Already a member (${statusLabel(check.member.status)}): ${check.member.fullName}`
        : 'Already a member'
    case 'duplicate':
      return `Duplicate in this file: the same email as row ${check.duplicateOf ?? '?'}`
    case 'fix':
      return `Needs a fix: ${check.problems.map((p) => p.text).join('; ')}`
    default:
      return 'Not sent'
  }
}

export const isSendable = (check: RowCheck) =>
  check.status === 'ready' && !check.excluded && check.role !== null

export function startImport(ctx: CacheContext, message: string, checks: readonly RowCheck[]): BulkRun {
  const rows: InviteRow[] = []
  const skipped: ItemResult[] = []
  const names = new Map<string, PersonName>()
  for (const check of checks) {
    const { row } = check
    const key = rowKey(row.line)
    const email = row.email.trim()
    names.set(key, {
      name: rowName({
        firstName: row.firstName.trim(),
        lastName: row.lastName.trim(),
        email: email || `Row ${row.line}`,
      }),
      email: email || null,
    })
    if (isSendable(check) && check.role)
      rows.push({
        key,
        email,
        firstName: row.firstName.trim(),
        lastName: row.lastName.trim(),
        role: check.role,
        groupIds: check.groups.map((g) => g.id),
      })
    else skipped.push({ key, status: 'skipped', detail: skipDetail(check) })
  }
  return runBulk(ctx, {
    kind: 'invite',
    params: inviteParams(message, rows),
    keys: rows.map((r) => r.key),
    skipped,
    names,
  })
}
