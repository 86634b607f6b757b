// The demo's lifecycle endpoints (tallyfy-api.md §13, #22): what a member owns and their removal with
// the work handed over, permanent deletion, the default administrator, a member made a guest and a
// guest made a member, and the guests' own writes (create, bulk, disable, enable, reset link,
// remove) under Tallyfy's 30-an-hour cap. Wired into createHandlers (handlers.ts), which lends its
// read and write routes, so faults, the persona and the write statistics apply here as everywhere.
// Where §13 marks a shape or a rule [I], the comment beside it says so.

import type { HttpHandler } from 'msw'
import { HttpResponse } from 'msw'
import { seatOf, type SeatKind } from '../lib/overview-links'
import { isWritableRole } from '../lib/roles'
import {
  BOT_MEMBER_ID,
  hexId,
  wireRole,
  type DemoOrg,
  type WireGroup,
  type WireGuest,
  type WireMember,
} from './data'
import type { FaultController } from './faults'
import {
  BOT_REMOVAL_REFUSAL,
  businessError,
  DEFAULT_ADMIN_REFUSAL,
  endpointNotFound,
  forbidden,
  jsonBody,
  PLAIN_EMAIL,
  resourceNotFound,
  textField,
  URL_IN_NAME,
  validationFailed,
} from './replies'

/** Tallyfy's documented cap on new guests per organization and hour (tallyfy-api.md §4, §6). */
export const GUEST_CAP_PER_HOUR = 30
const HOUR_MS = 3_600_000

/** Documented for DELETE /users/{id}/delete (tallyfy-api.md §3.3). */
export const DISABLE_BEFORE_DELETION = 'Please disable the user before deletion.'
/** Tallyfy's words for a guest who still has work (tallyfy-api.md §4, from Tallyfy's MCP server). */
export const GUEST_HAS_OPEN_TASKS = 'Cannot disable guest with incomplete tasks'
/** INFERRED [I]: Tallyfy documents that a member's email is refused (422), not the sentence. */
export const GUEST_EMAIL_OF_MEMBER = 'The email belongs to a member of this organization.'
/** INFERRED [I]: set-new-admin's 422 when the new member is not an active administrator. */
export const NEW_ADMIN_NOT_ADMIN = 'The new default administrator must be an active administrator.'

type Resolver = (ctx: {
  request: Request
  url: URL
  params: Record<string, string>
}) => Response | Promise<Response>

export interface LifecycleContext {
  org: DemoOrg
  faults: FaultController
  /** A read: the same checks as every GET (faults, headers, the organization in the path). */
  read(pattern: string, resolve: Resolver): HttpHandler
  /** A write: a read's checks, admins only, and one entry in the write statistics. */
  write(method: 'post' | 'put' | 'delete', pattern: string, resolve: Resolver): HttpHandler
  memberById(id: number): WireMember | undefined
  guestByEmail(lowercaseEmail: string): WireGuest | undefined
  /** The seat pool's 409 when a change needs a seat of `kind` and none is free, else null. */
  noSeatFor(kind: SeatKind | null): Response | null
  isAdmin(): boolean
  /** A member's record was written: its updated time moves to now. */
  touch(member: WireMember): void
  /** After a write: the indexes (sorts, lookups, group membership) are rebuilt on the next read. */
  changed(): void
}

const now = () => new Date().toISOString()

function touchGroup(group: WireGroup, at: string) {
  if (group.updated_at !== undefined) group.updated_at = at
  else group.last_updated = at
}

const isAdminRole = (member: WireMember) => {
  const role = wireRole(member)?.trim().toLowerCase()
  return role === 'admin' || role === 'administrator'
}

/** The number a path or query names, when it is one. */
const memberIdOf = (raw: string | null | undefined) => (/^\d{1,12}$/.test(raw ?? '') ? Number(raw) : null)

/** A permanently deleted member's address, as Tallyfy rewrites it (tallyfy-api.md §3.3). */
const DELETED_EMAIL = /\.deleted\.\d+$/

// Laravel's messages for a guest's fields (createGuestInput, tallyfy-api.md §4).
const GUEST_TEXT_LIMITS: Readonly<Record<string, number>> = {
  first_name: 200,
  last_name: 200,
  phone_1: 20,
  phone_2: 20,
  status: 200,
}
const GUEST_URL_FIELDS = ['company_url', 'contact_url', 'image_url', 'opportunity_url'] as const
const fieldLabel = (key: string) => key.replaceAll('_', ' ')

/** PHP's JSON encoding of an associative array: an empty one comes out as `[]`, not `{}`. */
const mapOrEmpty = (map: object) => (Object.keys(map).length > 0 ? map : [])

function isUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export function createLifecycleHandlers(ctx: LifecycleContext): HttpHandler[] {
  const { org, faults, read, write } = ctx
  const me = () => org.me.id

  // ── Guest-invite cap: creation times within the last hour, oldest first ────────────────────
  let creations: number[] = []
  // The hour starts over whenever the switches change (set() or reset()), like rateLimitEvery's count,
  // so a test or an e2e spec starts from an empty hour whatever ran before it.
  faults.subscribe(() => {
    creations = []
  })

  /** The 429 when `count` more guests would pass the cap this hour, or null (they fit). */
  function guestCapRefusal(count: number): Response | null {
    const cap = faults.get().guestCap ?? GUEST_CAP_PER_HOUR
    const at = Date.now()
    creations = creations.filter((t) => t > at - HOUR_MS)
    if (creations.length + count <= cap) return null
    // Seconds until enough creations have left the hour for all `count` to fit; a request bigger
    // than the cap itself is told to wait for the whole hour to empty (it never fits: split it).
    const mustLeave = Math.min(creations.length, creations.length + count - cap)
    const freedAt = (creations[mustLeave - 1] ?? at) + HOUR_MS
    const retryAfter = Math.max(1, Math.ceil((freedAt - at) / 1000))
    return HttpResponse.json(
      {
        // The documented shape ("You've reached the ... limit for <X> ..."); the sentence is INFERRED [I].
        message: `You've reached the limit for guest invites (${cap} an hour) for this organization. Please try again later.`,
        code: 'RATE_LIMIT_EXCEEDED',
      },
      {
        status: 429,
        headers: {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Remaining': String(Math.max(0, cap - creations.length)),
        },
      },
    )
  }

  // ── Shared steps ───────────────────────────────────────────────────────────────────────────
  function memberIn(params: Record<string, string>): WireMember | undefined {
    const id = memberIdOf(params.userId)
    return id === null ? undefined : ctx.memberById(id)
  }

  /** The guest a path names (URL-encoded email), or undefined. */
  function guestIn(params: Record<string, string>): WireGuest | undefined {
    try {
      return ctx.guestByEmail(decodeURIComponent(params.guestEmail ?? '').toLowerCase())
    } catch {
      return undefined
    }
  }

  /** The member leaves every group's `members` (a removal, a conversion to guest). */
  function leaveGroups(memberId: number, at: string) {
    for (const group of org.groups) {
      if (!group.members.some((m) => Number(m) === memberId)) continue
      group.members = group.members.filter((m) => Number(m) !== memberId)
      touchGroup(group, at)
    }
  }

  /** The guest leaves every group's `guests` (a removal, a conversion to member). */
  function leaveGroupsAsGuest(email: string, at: string) {
    const lower = email.toLowerCase()
    for (const group of org.groups) {
      if (!group.guests.some((g) => g.toLowerCase() === lower)) continue
      group.guests = group.guests.filter((g) => g.toLowerCase() !== lower)
      touchGroup(group, at)
    }
  }

  let lastGuestId = 0
  let links = 0
  const newLink = (email: string) =>
    `https://go.tallyfy.com/${org.id}/guest/${hexId(`guest-link:${email}:${++links}:${Date.now()}`)}`

  function newGuest(
    email: string,
    fields: Partial<Pick<WireGuest, 'first_name' | 'last_name'>> & Partial<WireGuest['details']> = {},
  ): WireGuest {
    lastGuestId = Math.max(lastGuestId, 70_000, ...org.guests.map((g) => g.id)) + 1
    const at = now()
    const { first_name = null, last_name = null, ...details } = fields
    return {
      id: lastGuestId,
      email,
      first_name,
      last_name,
      created_at: at,
      updated_at: at,
      deleted_at: null,
      last_accessed_at: null,
      last_known_ip: null,
      last_known_country: null,
      link: newLink(email),
      details: {
        status: null,
        phone_1: null,
        phone_2: null,
        timezone: null,
        image_url: null,
        contact_url: null,
        company_url: null,
        opportunity_url: null,
        company_name: null,
        opportunity_name: null,
        external_sync_source: null,
        external_date_creation: null,
        cadence_days: null,
        associated_members: null,
        last_city: null,
        last_country: null,
        last_accessed_at: null,
        disabled_at: null,
        disabled_by: null,
        reactivated_at: null,
        reactivated_by: null,
        ...details,
      },
    }
  }

  /**
   * Laravel's validation of one guest of POST /guests (`prefix` ''), or of POST /guests/bulk
   * (`prefix` 'guests.3.'): adds its errors by field to `errors`, and returns its email when it has none.
   */
  function guestErrors(body: unknown, prefix: string, errors: Record<string, string[]>): string | null {
    const text = (key: string) => textField(body, key)
    const email = text('email')
    const before = Object.keys(errors).length
    if (email === '') errors[`${prefix}email`] = [`The ${prefix}email field is required.`]
    else if (!PLAIN_EMAIL.test(email))
      errors[`${prefix}email`] = [`The ${prefix}email must be a valid email address.`]
    else if (org.members.some((m) => m.email.toLowerCase() === email.toLowerCase()))
      errors[`${prefix}email`] = [GUEST_EMAIL_OF_MEMBER]
    // INFERRED [I]: a guest already in this organization is refused like a taken email (Tallyfy
    // documents only that a guest of another organization is attached instead of duplicated).
    else if (ctx.guestByEmail(email.toLowerCase()))
      errors[`${prefix}email`] = [`The ${prefix}email has already been taken.`]
    for (const [key, max] of Object.entries(GUEST_TEXT_LIMITS)) {
      if ([...text(key)].length > max)
        errors[`${prefix}${key}`] = [
          `The ${fieldLabel(prefix + key)} may not be greater than ${max} characters.`,
        ]
    }
    for (const key of GUEST_URL_FIELDS) {
      if (text(key) !== '' && !isUrl(text(key)))
        errors[`${prefix}${key}`] = [`The ${fieldLabel(prefix + key)} format is invalid.`]
    }
    return Object.keys(errors).length === before ? email : null
  }

  /** A new guest from a validated body (unknown keys, as Tallyfy does, are dropped). */
  function guestFrom(body: unknown, email: string): WireGuest {
    const text = (key: string) => textField(body, key) || null
    const associated = (body as Record<string, unknown> | null)?.associated_members
    return newGuest(email, {
      first_name: text('first_name'),
      last_name: text('last_name'),
      status: text('status'),
      phone_1: text('phone_1'),
      phone_2: text('phone_2'),
      timezone: text('timezone'),
      company_name: text('company_name'),
      opportunity_name: text('opportunity_name'),
      company_url: text('company_url'),
      contact_url: text('contact_url'),
      image_url: text('image_url'),
      opportunity_url: text('opportunity_url'),
      associated_members: Array.isArray(associated)
        ? associated.filter((id): id is number => Number.isInteger(id))
        : null,
    })
  }

  function addGuests(guests: readonly WireGuest[]) {
    const at = Date.now()
    for (const guest of guests) {
      org.guests.push(guest)
      creations.push(at)
    }
    ctx.changed()
  }

  /** What `memberId` owns, in the §13 wire shape, empty maps as `[]` the way PHP encodes them. */
  function reassignmentInformation(memberId: number) {
    const templates: Record<string, string> = {}
    const steps: { id: string; title: string; template_id: string | null }[] = []
    const processTasks: Record<string, object[]> = {}
    const oneOffTasks: { id: string; name: string; deadline: string | null }[] = []
    for (const item of org.work) {
      if (item.ownerId !== memberId) continue
      switch (item.kind) {
        case 'template':
          templates[item.id] = item.title
          break
        case 'step':
          steps.push({ id: item.id, title: item.title, template_id: item.templateId })
          break
        case 'process-task':
          ;(processTasks[item.processId] ??= []).push({
            id: item.id,
            run_id: item.processId,
            run_name: item.runName,
            template_name: item.templateName,
            name: item.name,
            deadline: item.deadline,
          })
          break
        case 'one-off-task':
          oneOffTasks.push({ id: item.id, name: item.name, deadline: item.deadline })
          break
      }
    }
    return {
      templates: mapOrEmpty(templates),
      steps,
      process_tasks: mapOrEmpty(processTasks),
      one_off_tasks: oneOffTasks,
    }
  }

  /** Leaves the member disabled, out of every group (the effects of /disable and of a removal). */
  function disable(member: WireMember) {
    if (member.status === 'disabled') return
    const at = now()
    member.status = 'disabled'
    member.is_active = false
    member.disabled_at = at
    member.disabled_by = me()
    ctx.touch(member)
    leaveGroups(member.id, at)
  }

  return [
    // ── Members (tallyfy-api.md §13) ──────────────────────────────────────────────────────────
    read('/organizations/:orgId/users/:userId/reassignment-information', ({ params }) => {
      // Admin-only like the member's profile (GET /users/{id}); INFERRED [I], the Swagger says nothing.
      if (!ctx.isAdmin()) return forbidden()
      const member = memberIn(params)
      if (!member) return resourceNotFound()
      return HttpResponse.json({ data: reassignmentInformation(member.id) })
    }),

    // Removal: the member is disabled and leaves every group; with_reassignment=true&to={id} hands
    // everything they own to `to` first. Without it their work stays theirs (INFERRED [I]) and a `to`
    // alone is ignored, as the flag is what asks for the hand-over.
    write('delete', '/organizations/:orgId/users/:userId', ({ url, params }) => {
      const member = memberIn(params)
      if (!member) return resourceNotFound()
      if (member.is_default_admin) return businessError(DEFAULT_ADMIN_REFUSAL)
      if (member.id === BOT_MEMBER_ID) return businessError(BOT_REMOVAL_REFUSAL)
      const flag = (url.searchParams.get('with_reassignment') ?? '').trim().toLowerCase()
      if (flag === 'true' || flag === '1') {
        const raw = url.searchParams.get('to')
        if (raw === null || raw.trim() === '')
          return validationFailed({ to: ['The to field is required when with reassignment is true.'] })
        const toId = memberIdOf(raw.trim())
        const successor = toId === null ? undefined : ctx.memberById(toId)
        // INFERRED [I]: an active member other than the leaver; the bot cannot be given work (§3.3).
        if (
          !successor ||
          successor.status !== 'active' ||
          successor.id === member.id ||
          successor.id === BOT_MEMBER_ID
        )
          return validationFailed({ to: ['The selected to is invalid.'] })
        for (const item of org.work) if (item.ownerId === member.id) item.ownerId = successor.id
      }
      disable(member)
      ctx.changed()
      return HttpResponse.json({ data: member })
    }),

    // Permanent deletion: only of a disabled member; the record stays listed, renamed as Tallyfy does.
    write('delete', '/organizations/:orgId/users/:userId/delete', ({ params }) => {
      const member = memberIn(params)
      if (!member) return resourceNotFound()
      if (member.status !== 'disabled') return businessError(DISABLE_BEFORE_DELETION)
      // Asked again (an answer that was lost): already done, and not renamed twice.
      if (!DELETED_EMAIL.test(member.email)) {
        member.last_name = `${member.last_name} (Deleted)`
        member.full_name = `${member.first_name} ${member.last_name}`
        member.email = `${member.email}.deleted.${member.id}`
        if (member.username !== undefined) member.username = member.email
        ctx.touch(member)
        ctx.changed()
      }
      return HttpResponse.json({ data: member })
    }),

    // INFERRED [I]: which member the path names is not documented, so any member's ID is accepted;
    // the body's new_admin_id is the one who becomes the default administrator.
    write('put', '/organizations/:orgId/users/:userId/set-new-admin', async ({ request, params }) => {
      if (!memberIn(params)) return resourceNotFound()
      const raw = (await jsonBody(request))?.new_admin_id
      if (raw === undefined || raw === null || raw === '')
        return validationFailed({ new_admin_id: ['The new admin id field is required.'] })
      const id = typeof raw === 'number' ? raw : typeof raw === 'string' ? memberIdOf(raw) : null
      if (id === null || !Number.isSafeInteger(id))
        return validationFailed({ new_admin_id: ['The new admin id must be an integer.'] })
      const next = ctx.memberById(id)
      if (!next) return validationFailed({ new_admin_id: ['The selected new admin id is invalid.'] })
      if (next.status !== 'active' || !isAdminRole(next))
        return validationFailed({ new_admin_id: [NEW_ADMIN_NOT_ADMIN] })
      for (const member of org.members) {
        if (member.is_default_admin && member !== next) {
          member.is_default_admin = false
          ctx.touch(member)
        }
      }
      if (!next.is_default_admin) {
        next.is_default_admin = true
        ctx.touch(next)
      }
      ctx.changed()
      return HttpResponse.json({ data: next })
    }),

    // The member leaves GET /users and every group and appears in GET /guests with the same email
    // (INFERRED [I] effects). Not a guest invitation: the hourly cap does not count it.
    write('put', '/organizations/:orgId/users/:userId/to/guest', ({ params }) => {
      const member = memberIn(params)
      if (!member) return resourceNotFound()
      if (member.is_default_admin) return businessError(DEFAULT_ADMIN_REFUSAL)
      if (member.id === BOT_MEMBER_ID) return businessError(BOT_REMOVAL_REFUSAL)
      const at = now()
      org.members.splice(org.members.indexOf(member), 1)
      leaveGroups(member.id, at)
      const guest = newGuest(member.email, { first_name: member.first_name, last_name: member.last_name })
      org.guests.push(guest)
      ctx.changed()
      return HttpResponse.json({ data: guest }, { status: 201 })
    }),

    // ── Guests (tallyfy-api.md §4, §13) ───────────────────────────────────────────────────────
    write('post', '/organizations/:orgId/guests', async ({ request }) => {
      const body = await jsonBody(request)
      const errors: Record<string, string[]> = {}
      const email = guestErrors(body, '', errors)
      if (email === null) return validationFailed(errors)
      const capped = guestCapRefusal(1)
      if (capped) return capped
      const guest = guestFrom(body, email)
      addGuests([guest])
      return HttpResponse.json({ data: guest }, { status: 201 })
    }),

    // [X]/[I] (§13): Roster sends {"guests": [...]}. All or nothing: one invalid guest refuses the
    // request (Laravel validates it whole), and so does a cap the whole list would pass.
    write('post', '/organizations/:orgId/guests/bulk', async ({ request }) => {
      if (faults.get().guestBulk === 'unsupported') return endpointNotFound()
      const list = (await jsonBody(request))?.guests
      if (!Array.isArray(list) || list.length === 0)
        return validationFailed({ guests: ['The guests field is required.'] })
      const errors: Record<string, string[]> = {}
      const seen = new Set<string>()
      const emails = list.map((item, i) => {
        const email = guestErrors(item, `guests.${i}.`, errors)
        if (email !== null && seen.has(email.toLowerCase()))
          errors[`guests.${i}.email`] = [`The guests.${i}.email field has a duplicate value.`]
        if (email !== null) seen.add(email.toLowerCase())
        return email
      })
      if (Object.keys(errors).length > 0) return validationFailed(errors)
      const capped = guestCapRefusal(list.length)
      if (capped) return capped
      const guests = list.map((item, i) => guestFrom(item, emails[i] ?? ''))
      addGuests(guests)
      return HttpResponse.json({ data: guests })
    }),

    // Detaches the guest from the organization and every group; an unknown email is Laravel's
    // "exists" refusal, 422 (documented), not a 404.
    write('delete', '/organizations/:orgId/guests/:guestEmail', ({ params }) => {
      const guest = guestIn(params)
      if (!guest) return validationFailed({ email: ['The selected email is invalid.'] })
      org.guests.splice(org.guests.indexOf(guest), 1)
      leaveGroupsAsGuest(guest.email, now())
      // Documented: removal detaches the guest from all tasks.
      org.guestsWithOpenTasks.delete(guest.email.toLowerCase())
      ctx.changed()
      return HttpResponse.json({ data: guest })
    }),

    // [X] Swagger 201 for disable, enable and reset-link; the demo answers 201 so clients accept any 2xx.
    write('delete', '/organizations/:orgId/guests/:guestEmail/disable', ({ params }) => {
      const guest = guestIn(params)
      if (!guest) return resourceNotFound()
      if (guest.details.disabled_at === null) {
        if (org.guestsWithOpenTasks.has(guest.email.toLowerCase()))
          return HttpResponse.json({ error: true, message: GUEST_HAS_OPEN_TASKS }, { status: 403 })
        const at = now()
        guest.details.disabled_at = at
        guest.details.disabled_by = me()
        guest.updated_at = at
        ctx.changed()
      }
      return HttpResponse.json({ data: guest }, { status: 201 })
    }),

    write('put', '/organizations/:orgId/guests/:guestEmail/enable', ({ params }) => {
      const guest = guestIn(params)
      if (!guest) return resourceNotFound()
      if (guest.details.disabled_at !== null) {
        const at = now()
        guest.details.disabled_at = null
        guest.details.disabled_by = null
        guest.details.reactivated_at = at
        guest.details.reactivated_by = me()
        guest.updated_at = at
        ctx.changed()
      }
      return HttpResponse.json({ data: guest }, { status: 201 })
    }),

    // A new forever link; the old one stops working at once (INFERRED [I] effect).
    write('put', '/organizations/:orgId/guests/:guestEmail/reset-link', ({ params }) => {
      const guest = guestIn(params)
      if (!guest) return resourceNotFound()
      guest.link = newLink(guest.email)
      guest.updated_at = now()
      ctx.changed()
      return HttpResponse.json({ data: guest }, { status: 201 })
    }),

    // INFERRED [I] body {first_name, last_name, role} (names default to the guest's own) and
    // effects: the guest leaves GET /guests and every group and joins GET /users as invited, taking
    // a seat at once like an invitation (409 SEAT_POOL_EXHAUSTED when none is free).
    write('post', '/organizations/:orgId/guests/:guestEmail/to/member', async ({ request, params }) => {
      const guest = guestIn(params)
      if (!guest) return resourceNotFound()
      const body = await jsonBody(request)
      const errors: Record<string, string[]> = {}
      const names = {
        first_name: textField(body, 'first_name') || (guest.first_name ?? '').trim(),
        last_name: textField(body, 'last_name') || (guest.last_name ?? '').trim(),
      }
      for (const [key, value] of Object.entries(names)) {
        if (value === '') errors[key] = [`The ${fieldLabel(key)} field is required.`]
        else if ([...value].length > 32)
          errors[key] = [`The ${fieldLabel(key)} may not be greater than 32 characters.`]
        else if (URL_IN_NAME.test(value)) errors[key] = [`The ${fieldLabel(key)} must not be a URL.`]
      }
      const role = textField(body, 'role')
      if (role === '') errors.role = ['The role field is required.']
      else if (!isWritableRole(role)) errors.role = ['The selected role is invalid.']
      if (org.members.some((m) => m.email.toLowerCase() === guest.email.toLowerCase()))
        errors.email = ['The email has already been taken.']
      if (Object.keys(errors).length > 0) return validationFailed(errors)
      const noSeat = isWritableRole(role) ? ctx.noSeatFor(seatOf(role, 'invited')) : null
      if (noSeat) return noSeat

      const at = now()
      const member: WireMember = {
        id: org.members.reduce((max, m) => Math.max(max, m.id), 0) + 1,
        email: guest.email,
        username: guest.email,
        first_name: names.first_name,
        last_name: names.last_name,
        full_name: `${names.first_name} ${names.last_name}`,
        profile_pic: null,
        is_active: false,
        is_suspended: false,
        support_user: false,
        job_title: null,
        phone: null,
        status: 'invited',
        role,
        is_default_admin: false,
        created_at: at,
        updated_at: at,
        activated_at: null,
        last_login_at: null,
        invited_by: me(),
      }
      org.members.push(member)
      org.guests.splice(org.guests.indexOf(guest), 1)
      leaveGroupsAsGuest(guest.email, at)
      ctx.changed()
      return HttpResponse.json({ data: member }, { status: 201 })
    }),
  ]
}
