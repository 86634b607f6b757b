// Guests' wire shape, mapping and parsers: in their own module so that only the guest pages (loaded
// lazily) carry them, not the first download of /members.
import * as z from 'zod/mini'
import { safeHttpUrl } from '../../lib/safe-url'
import { parse, readRecords, type Page } from '../wire'
import type { Guest } from '../types'
import { date, itemEnvelope, listEnvelope, text } from '../wire'

/** Member IDs in a guest's `associated_members`; anything that is not one is dropped, not fatal. */
const memberIdList = z.pipe(
  z.optional(z.unknown()),
  z.transform((value): number[] => {
    if (!Array.isArray(value)) return []
    const ids: number[] = []
    for (const item of value) {
      const n = typeof item === 'string' && /^\s*\d+\s*$/.test(item) ? Number(item) : item
      if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && !ids.includes(n)) ids.push(n)
    }
    return ids
  }),
)

const guestDetailsWire = z.looseObject({
  status: text,
  phone_1: text,
  timezone: text,
  company_url: text,
  company_name: text,
  associated_members: memberIdList,
  last_city: text,
  last_country: text,
  last_accessed_at: date,
  disabled_at: date,
  disabled_on: date,
})

/** A guest is addressed by email, so the email is the one field that must be there. */
export const guestWireSchema = z.looseObject({
  email: z.string().check(z.trim(), z.minLength(1, 'Expected the guest’s email')),
  first_name: text,
  last_name: text,
  created_at: date,
  last_accessed_at: date,
  // Missing, null or not an object: the guest simply has no details.
  details: z.pipe(
    z.optional(z.unknown()),
    z.transform((value) => {
      const parsed = z.safeParse(guestDetailsWire, value)
      return parsed.success ? parsed.data : null
    }),
  ),
})

type GuestWire = z.output<typeof guestWireSchema>

export function toGuest(w: GuestWire): Guest {
  const d = w.details
  const name = [w.first_name, w.last_name].filter((s): s is string => s !== null).join(' ')
  return {
    email: w.email,
    firstName: w.first_name,
    lastName: w.last_name,
    name: name === '' ? null : name,
    company: d?.company_name ?? null,
    statusText: d?.status ?? null,
    // Swagger spells it disabled_on; the docs disabled_at. Either one set means disabled.
    disabledAt: d?.disabled_at ?? d?.disabled_on ?? null,
    lastAccessedAt: w.last_accessed_at ?? d?.last_accessed_at ?? null,
    createdAt: w.created_at,
    phone: d?.phone_1 ?? null,
    timezone: d?.timezone ?? null,
    companyUrl: safeHttpUrl(d?.company_url ?? null),
    lastCity: d?.last_city ?? null,
    lastCountry: d?.last_country ?? null,
    associatedMemberIds: d?.associated_members ?? [],
  }
}

const guestItem = itemEnvelope(guestWireSchema)
// Lists: strict envelope, records read one at a time, so one guest without an email costs only itself.
const guestList = listEnvelope(z.unknown())

/** Tallyfy documents 201 for GET /guests/{email}; the status never reaches the parser, the body is the same. */
export function parseGuest(json: unknown): Guest {
  return toGuest(parse(guestItem, json).data)
}

export function parseGuestPage(json: unknown): Page<Guest> {
  const page = parse(guestList, json)
  return { ...readRecords(guestWireSchema, toGuest, page.data), pagination: page.meta ?? null }
}
