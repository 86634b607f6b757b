import type { Member } from '../types'

// A refresh by change (#25): instead of reading every page again (1,002 requests at 100,000 members
// with Tallyfy's cap of 100), ask GET /users?sort=-updated_at for the newest-changed members first
// and stop at the first page that reaches members no newer than the last read. The rules here are
// pure, so they are tested alone; directory-loader.ts runs them.
//
// [I] Tallyfy documents `sort` on its list endpoints, not that `-updated_at` is honoured on /users,
// nor whether a change of a member's groups moves their `updated_at`. So a refresh checks what it
// reads (the order must not rise), checks the total against the rows it holds (a removal leaves no
// changed record behind), and reads everything once a day whatever the answers said.

/** A full read at least this often, whatever a refresh by change found. */
export const FULL_READ_EVERY_MS = 24 * 60 * 60_000

/**
 * How far before the newest change the last read saw a refresh reads again: a write whose
 * transaction began before that read (and so carries an older time) but committed after it.
 */
export const CHANGE_OVERLAP_MS = 2 * 60_000

export type RefreshKind = 'changed' | 'full'

/** What a complete directory knows of the read behind it. */
export interface ReadMarks {
  /** Epoch ms of the last full read, if known. */
  fullReadAt?: number
  /** The newest `updated_at` the reads so far saw (Tallyfy's clock), if any. */
  changedUpTo?: string | null
}

/** Which refresh a complete directory gets: by change while its last full read is under a day old. */
export function refreshKindFor(marks: ReadMarks, now: number): RefreshKind {
  if (!marks.fullReadAt || !marks.changedUpTo || Number.isNaN(Date.parse(marks.changedUpTo))) return 'full'
  return now - marks.fullReadAt < FULL_READ_EVERY_MS && now >= marks.fullReadAt ? 'changed' : 'full'
}

/** The later of two `updated_at` values (either may be missing or unreadable). */
export function laterChange(a: string | null | undefined, b: string | null | undefined): string | null {
  const ta = a ? Date.parse(a) : Number.NaN
  const tb = b ? Date.parse(b) : Number.NaN
  if (Number.isNaN(tb)) return Number.isNaN(ta) ? null : (a ?? null)
  if (Number.isNaN(ta)) return b ?? null
  return tb > ta ? (b ?? null) : (a ?? null)
}

/**
 * Follows the records of a changed-first read page by page: whether the order held (never rising;
 * undated records, which a server may put anywhere, are not judged), whether it has reached records
 * older than the cutoff (no further page is needed), and the newest change seen.
 */
export class ChangeScan {
  private readonly cutoff: number
  private last = Number.POSITIVE_INFINITY
  monotonic = true
  reachedOlder = false
  newest: string | null = null

  constructor(changedUpTo: string, overlapMs = CHANGE_OVERLAP_MS) {
    this.cutoff = Date.parse(changedUpTo) - overlapMs
  }

  add(members: readonly Member[]): void {
    for (const member of members) {
      const time = member.updatedAt ? Date.parse(member.updatedAt) : Number.NaN
      if (Number.isNaN(time)) continue
      if (time > this.last) this.monotonic = false
      this.last = time
      if (time < this.cutoff) this.reachedOlder = true
      this.newest = laterChange(this.newest, member.updatedAt)
    }
  }
}

/**
 * The rows with the changed records merged in: a member already held is replaced where they stand
 * (rows that did not change keep their identity), a new one is added at the end. Returns the same
 * array when nothing changed.
 */
export function mergeChanged(rows: readonly Member[], changed: readonly Member[]): readonly Member[] {
  if (changed.length === 0) return rows
  const byId = new Map<number, Member>()
  for (const member of changed) byId.set(member.id, member)
  const out: Member[] = []
  for (const row of rows) {
    const fresh = byId.get(row.id)
    if (fresh) {
      byId.delete(row.id)
      out.push(fresh)
    } else out.push(row)
  }
  for (const member of byId.values()) out.push(member)
  return out
}
