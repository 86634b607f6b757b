// Groups' wire shape, mapping and parsers: in their own module so that only the group pages and the
// group writes (loaded lazily) carry them, not the first download of /members. A member's own list of
// groups (`groups` on a member) is a smaller shape that lives with the member (members/schema.ts).
import * as z from 'zod/mini'
import { canonicalMemberId } from '../../lib/member-id'
import { safeImageUrl } from '../../lib/safe-url'
import { parse, readRecords, type Page } from '../wire'
import type { Group } from '../types'
import { date, itemEnvelope, listEnvelope, stringId, text, toText } from '../wire'

/** Group member references: numbers and numeric strings → canonical "1001"; other strings kept as sent. */
const memberRef = z.union([
  z.pipe(
    z.int(),
    z.transform((n) => canonicalMemberId(n)),
  ),
  z.pipe(
    z.string().check(z.trim(), z.minLength(1)),
    z.transform((s) => canonicalMemberId(s)),
  ),
  z.pipe(
    z.looseObject({ id: z.union([z.int(), z.string()]) }),
    z.transform((o) => canonicalMemberId(o.id)),
  ),
])

const guestRef = z.union([
  z.string(),
  z.pipe(
    z.looseObject({ email: z.string() }),
    z.transform((o) => o.email),
  ),
])

const groupWireSchema = z.looseObject({
  id: stringId,
  name: text,
  description: text,
  logo: text,
  // A null inside the list names nobody: it is skipped, and the group keeps its other members.
  members: z.optional(
    z.nullable(
      z.pipe(
        z.array(z.union([memberRef, z.null()])),
        z.transform((refs) => refs.filter((ref): ref is string => ref !== null)),
      ),
    ),
  ),
  guests: z.optional(z.nullable(z.array(guestRef))),
  created_at: date,
  last_updated: date,
  updated_at: date,
  assets: z.optional(z.unknown()),
})

type GroupWire = z.output<typeof groupWireSchema>

/**
 * `with=assets` has no documented shape (tallyfy-api.md §10). Use a logo URL from it only when one
 * is plainly there; otherwise the group shows its initials.
 */
function logoFromAssets(assets: unknown): string | null {
  const list = Array.isArray(assets)
    ? assets
    : assets && typeof assets === 'object' && Array.isArray((assets as { data?: unknown }).data)
      ? (assets as { data: unknown[] }).data
      : []
  for (const asset of list) {
    if (!asset || typeof asset !== 'object') continue
    for (const key of ['url', 'full_url', 'link']) {
      const url = safeImageUrl(toText((asset as Record<string, unknown>)[key]))
      if (url) return url
    }
  }
  return null
}

function toGroup(w: GroupWire): Group {
  return {
    id: w.id,
    name: w.name ?? 'Untitled group',
    description: w.description,
    logo: w.logo ?? logoFromAssets(w.assets),
    memberIds: w.members ?? [],
    guests: (w.guests ?? []).map((g) => g.trim()).filter((g) => g !== ''),
    membersKnown: Array.isArray(w.members),
    guestsKnown: Array.isArray(w.guests),
    createdAt: w.created_at,
    updatedAt: w.last_updated ?? w.updated_at,
  }
}

const groupItem = itemEnvelope(groupWireSchema)
const groupList = listEnvelope(z.unknown())

export function parseGroup(json: unknown): Group {
  return toGroup(parse(groupItem, json).data)
}

/**
 * A group as a write reads it: the domain group plus whether each list was actually in the answer
 * (the group's `membersKnown`/`guestsKnown`, spelled out for the write path). A PUT replaces both
 * lists, so a list that was absent or null must never be sent back as the empty one it holds.
 */
export interface GroupRead {
  group: Group
  read: { members: boolean; guests: boolean }
}

function toGroupRead(w: GroupWire): GroupRead {
  const group = toGroup(w)
  return { group, read: { members: group.membersKnown, guests: group.guestsKnown } }
}

export function parseGroupRead(json: unknown): GroupRead {
  return toGroupRead(parse(groupItem, json).data)
}

export function parseGroupPage(json: unknown): Page<Group> {
  const page = parse(groupList, json)
  return { ...readRecords(groupWireSchema, toGroup, page.data), pagination: page.meta ?? null }
}
