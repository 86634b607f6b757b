import { inAskingSession } from '../writes/session'
import { mutationOptions, queryOptions } from '@tanstack/react-query'
import * as z from 'zod/mini'
import { guestKey } from '../../lib/email'
import { pathSegment } from '../../lib/paths'
import { apiGet, apiRequest } from '../client'
import { parseGuest } from '../guests/schema'
import { date, parse, text, toText } from '../wire'
import {
  answerOf,
  confirmWrite,
  NoLongerAppliesError,
  readIfAny,
  UncertainWriteError,
  writeThenConfirm,
  type Check,
} from '../writes/uncertain'
import { memberQueries, usersPath } from './queries'
import { parseMember, parseMemberPage } from './schema'
import type { WritableRole } from '../../lib/roles'
import type { Guest, Member, MemberStatus, ReassignmentInfo } from '../types'

// Member writes (docs/contracts.md, "Mutations"). Beside queries.ts rather than inside it: queries.ts
// is part of the /members first load, and these are only needed once an admin acts (the budget).
// Keys end with the member's ID, so `useIsMutating` can tell whether a change to that person is in
// flight; the cache work lives in ./cache.ts and is added by the feature.
//
// Every write to one member shares a mutation `scope` (`memberScope`): TanStack Query runs one
// scope's mutations one after another, in the order they were made, so a role change and its Undo,
// or a disable and an enable, can never overtake each other on the way to Tallyfy.
//
// A write whose answer was lost (the connection dropped after sending, or a 5xx: Tallyfy may have
// applied it) is not called failed: the member is read again, and what Tallyfy holds decides
// (api/writes/uncertain.ts). The mutation then resolves with the member as read, rejects with the
// original error when the change is certainly not there, or with an UncertainWriteError.

const userPath = (orgId: string, memberId: number) =>
  `${usersPath(orgId)}/${encodeURIComponent(String(memberId))}`

/** One queue per member: TanStack Query runs a scope's mutations one at a time, in order. */
export const memberScope = (orgId: string, memberId: number) => ({ id: `org:${orgId}:member:${memberId}` })

/** The member as Tallyfy holds them now (with their groups, so a disable's effect shows too). */
const readMember = (orgId: string, memberId: number) =>
  apiGet(userPath(orgId, memberId), parseMember, { query: { with: 'groups' } })

/** The member as Tallyfy holds them now, or null when Tallyfy knows no such member (404). */
const readMemberIfAny = (orgId: string, memberId: number) => readIfAny(() => readMember(orgId, memberId))

/** A member who is no longer invited, as the results of a resend or withdrawal say it. */
const NOT_INVITED_NOW: Record<Exclude<MemberStatus, 'invited'>, string> = {
  active: 'is active now, no longer invited',
  disabled: 'is disabled now, no longer invited',
  unknown: 'is no longer listed as invited',
}

/**
 * Sends a write to one member; after an uncertain failure, reads the member again and calls it done
 * when they are as the write intended (`holds`), with the member as read.
 */
const writeMember = (
  orgId: string,
  memberId: number,
  send: () => Promise<Member | null>,
  holds: (member: Member) => boolean,
) => writeThenConfirm(send, () => readMember(orgId, memberId), holds, 'member')

/**
 * An invitation whose answer was lost: Tallyfy knows the new member only by the email. Looked up
 * with `q` (Tallyfy's matching is undocumented, so the email is compared here, case-insensitively).
 */
async function findInvited(orgId: string, email: string): Promise<Check<Member>> {
  const page = await apiGet(usersPath(orgId), parseMemberPage, {
    query: { q: email, with: 'groups', page: 1, per_page: 100 },
  })
  const wanted = email.trim().toLowerCase()
  const found = page.items.find((m) => m.email?.trim().toLowerCase() === wanted && m.status === 'invited')
  return found ? { applied: true, value: found } : { applied: false }
}

/** What Undo of a role change needs: the role Roster set, and the one to go back to. */
export interface RoleUndo {
  /** The role Roster set; Undo goes ahead only while the member still has it. */
  from: WritableRole
  to: WritableRole
}

/**
 * Undo of a role change refused before anything was sent: since Roster set the role, someone else
 * changed it (`member` is the member as Tallyfy holds them now). Undoing would erase their change.
 */
class RoleChangedSinceError extends Error {
  override readonly name = 'RoleChangedSinceError'
  readonly member: Member
  constructor(member: Member) {
    super(`The member's role changed since Roster set it.`)
    this.member = member
  }
}

export const isRoleChangedSince = (error: unknown): error is RoleChangedSinceError =>
  error instanceof RoleChangedSinceError

/** What the invite form sends: all five fields are required by Tallyfy's docs. */
export interface InviteInput {
  email: string
  firstName: string
  lastName: string
  role: WritableRole
  message: string
}

/** A write's answer when it carries the member; null otherwise (the write has happened either way). */
const memberAnswer = answerOf(parseMember)

// ─── what a member owns (reassignment information) ───────────────────────────
//
// GET /users/{id}/reassignment-information (tallyfy-api.md §13) comes from PHP: an empty map is
// encoded `[]`, so `templates` and `process_tasks` may be a list, and a list may come as `{}`.
// Any part may be missing; IDs may be numbers. Every entry is read on its own, so one that cannot
// be read costs only itself, and is still counted: an odd answer must never read as "owns nothing"
// (the removal would then go without handing the work over).

/** One entry of a part, with the map key it came under (null when the part was a list). */
interface RawEntry {
  key: string | null
  value: unknown
}

/** A part's entries, whether it came as a list, a map keyed by ID, `[]`/`{}`, or not at all. */
function entriesOf(part: unknown): { entries: RawEntry[]; unreadable: number } {
  if (part === undefined || part === null || part === false || part === '' || part === 0) {
    return { entries: [], unreadable: 0 }
  }
  if (Array.isArray(part)) return { entries: part.map((value) => ({ key: null, value })), unreadable: 0 }
  if (typeof part === 'object') {
    return { entries: Object.entries(part).map(([key, value]) => ({ key, value })), unreadable: 0 }
  }
  // A scalar where a part should be: something is there, and Roster cannot say what.
  return { entries: [], unreadable: 1 }
}

/** An object that is one record (a step, a task) rather than a map of them: it names itself. */
function isOneRecord(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const own = value as Record<string, unknown>
  return ['id', 'name', 'title'].some((k) => typeof own[k] === 'string' || typeof own[k] === 'number')
}

/** The entries of a part whose entries are records: one record alone (not in a list) is one entry. */
const recordsOf = (part: unknown) =>
  isOneRecord(part) ? { entries: [{ key: null, value: part }], unreadable: 0 } : entriesOf(part)

const titledWire = z.looseObject({ id: text, title: text, name: text, template_id: text })
const taskWire = z.looseObject({
  id: text,
  name: text,
  title: text,
  deadline: date,
  run_id: text,
  run_name: text,
  template_name: text,
})
type TaskWire = z.output<typeof taskWire>

type Task = ReassignmentInfo['oneOffTasks'][number]

/** A task's own fields; null when the entry is not an object or has neither ID nor name. */
function readTask(entry: RawEntry, fallbackId: string): (Task & { wire: TaskWire }) | null {
  const parsed = z.safeParse(taskWire, entry.value)
  if (!parsed.success) return null
  const w = parsed.data
  const id = w.id ?? entry.key
  const name = w.name ?? w.title
  if (id === null && name === null) return null
  return { id: id ?? fallbackId, name: name ?? `Task ${id ?? ''}`.trim(), deadline: w.deadline, wire: w }
}

export function parseReassignmentInfo(json: unknown): ReassignmentInfo {
  // The envelope is strict: without a readable `data` Roster cannot tell what the person owns.
  // Checked by hand rather than with z.record: zod's record schema would otherwise join the first
  // download (the module zod's schemas live in is shared with /members), for one `typeof`.
  const envelope = parse(z.object({ data: z.unknown() }), json) as { data: unknown }
  if (envelope.data === null || typeof envelope.data !== 'object') {
    throw new Error('Expected the reassignment information as an object')
  }
  // `{"data": []}`: PHP's empty map for "owns nothing at all". A non-empty list is not that.
  if (Array.isArray(envelope.data) && envelope.data.length > 0) {
    throw new Error('Expected the reassignment information as an object, got a non-empty list')
  }
  const data = (Array.isArray(envelope.data) ? {} : envelope.data) as Record<string, unknown>
  let unreadable = 0

  const templates: ReassignmentInfo['templates'] = []
  const templateEntries = entriesOf(data.templates)
  unreadable += templateEntries.unreadable
  for (const [index, entry] of templateEntries.entries.entries()) {
    // The documented shape is {"<id>": "<title>"}; a list of {id, title} is read too.
    // A key without a title (null) is still a template the person owns.
    const titleOnly =
      typeof entry.value === 'string' || typeof entry.value === 'number' || entry.value === null
    const w = titleOnly ? null : z.safeParse(titledWire, entry.value)
    if (w && !w.success) {
      unreadable++
      continue
    }
    const id = (w ? w.data.id : null) ?? entry.key
    const title = w ? (w.data.title ?? w.data.name) : toText(entry.value)
    if (id === null && title === null) {
      unreadable++
      continue
    }
    templates.push({ id: id ?? `template-${index}`, title: title ?? `Template ${id ?? ''}`.trim() })
  }

  const steps: ReassignmentInfo['steps'] = []
  const stepEntries = recordsOf(data.steps)
  unreadable += stepEntries.unreadable
  for (const [index, entry] of stepEntries.entries.entries()) {
    const w = z.safeParse(titledWire, entry.value)
    const id = w.success ? (w.data.id ?? entry.key) : null
    const title = w.success ? (w.data.title ?? w.data.name) : null
    if (!w.success || (id === null && title === null)) {
      unreadable++
      continue
    }
    steps.push({
      id: id ?? `step-${index}`,
      title: title ?? `Step ${id ?? ''}`.trim(),
      templateId: w.data.template_id,
    })
  }

  // {"<process id>": [task, …]}; also a list of such lists, or one flat list of tasks naming their
  // run_id, grouped here by process.
  const processes: ReassignmentInfo['processes'] = []
  const byId = new Map<string, ReassignmentInfo['processes'][number]>()
  const addTask = (processKey: string | null, task: Task & { wire: TaskWire }) => {
    const processId = processKey ?? task.wire.run_id ?? 'unknown'
    let process = byId.get(processId)
    if (!process) {
      process = { processId, runName: `Process ${processId}`, templateName: null, tasks: [] }
      byId.set(processId, process)
      processes.push(process)
    }
    if (task.wire.run_name !== null && process.runName === `Process ${processId}`) {
      process.runName = task.wire.run_name
    }
    process.templateName ??= task.wire.template_name
    process.tasks.push({ id: task.id, name: task.name, deadline: task.deadline })
  }
  const processEntries = entriesOf(data.process_tasks)
  unreadable += processEntries.unreadable
  for (const [index, entry] of processEntries.entries.entries()) {
    const isGroup = entry.key !== null || Array.isArray(entry.value)
    if (!isGroup) {
      // A flat list: this entry is one task.
      const task = readTask(entry, `task-${index}`)
      if (task) addTask(null, task)
      else unreadable++
      continue
    }
    const tasks = recordsOf(entry.value)
    unreadable += tasks.unreadable
    for (const [taskIndex, taskEntry] of tasks.entries.entries()) {
      const task = readTask(taskEntry, `task-${index}-${taskIndex}`)
      if (task) addTask(entry.key, task)
      else unreadable++
    }
  }

  const oneOffTasks: ReassignmentInfo['oneOffTasks'] = []
  const oneOffEntries = recordsOf(data.one_off_tasks)
  unreadable += oneOffEntries.unreadable
  for (const [index, entry] of oneOffEntries.entries.entries()) {
    const task = readTask(entry, `one-off-${index}`)
    if (task) oneOffTasks.push({ id: task.id, name: task.name, deadline: task.deadline })
    else unreadable++
  }

  const processTasks = processes.reduce((sum, p) => sum + p.tasks.length, 0)
  return {
    templates,
    steps,
    processes,
    oneOffTasks,
    unreadable,
    total: templates.length + steps.length + processTasks + oneOffTasks.length + unreadable,
  }
}

/** Reads that only the lifecycle dialogs need: here, not in queries.ts, which loads with /members. */
export const memberLifecycleQueries = {
  /** What the member owns, read fresh each time a removal is considered (staleTime 0). */
  reassignment: (orgId: string, memberId: number) =>
    queryOptions({
      queryKey: [...memberQueries.all(orgId), 'reassignment', memberId] as const,
      queryFn: ({ signal }) =>
        apiGet(`${userPath(orgId, memberId)}/reassignment-information`, parseReassignmentInfo, { signal }),
      staleTime: 0,
    }),
}

/** What a removal sends: the active member who takes over the leaver's work, or nobody. */
export interface RemoveMemberInput {
  reassignTo: number | null
}

/** What "Make default administrator" needs: the present default administrator, when known. */
export interface SetDefaultAdminInput {
  currentDefaultId: number | null
}

/** A permanently deleted member as Tallyfy may still list them: "(Deleted)" name, `{email}.deleted.{id}`. */
const looksDeleted = (member: Member) =>
  member.status !== 'active' &&
  (/\(Deleted\)/i.test(member.lastName ?? '') || /\.deleted\.\d+$/i.test(member.email ?? ''))

/** A write's answer when it carries a guest; null otherwise. */
const guestAnswer = answerOf(parseGuest)

/** The guest with this email as Tallyfy holds them now, or null when it knows none (404). */
const readGuestIfAny = (orgId: string, email: string) =>
  readIfAny(() =>
    apiGet(`/organizations/${encodeURIComponent(orgId)}/guests/${pathSegment(email.trim())}`, parseGuest),
  )

export const memberMutations = {
  /**
   * POST, so never repeated automatically. Tallyfy answers the new member with status "invited"
   * (null when the answer does not hold one: the invitation was still sent).
   */
  invite: (orgId: string) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'invite'] as const,
      mutationFn: async (input: InviteInput): Promise<Member | null> => {
        try {
          return await apiRequest('POST', `${usersPath(orgId)}/invite`, {
            body: {
              email: input.email,
              first_name: input.firstName,
              last_name: input.lastName,
              role: input.role,
              message: input.message,
            },
            parse: memberAnswer,
          })
        } catch (error) {
          // A POST is never sent twice: whether it went through is asked of the directory instead.
          return confirmWrite(error, () => findInvited(orgId, input.email), 'member')
        }
      },
    }),

  changeRole: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'role', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession((role: WritableRole) =>
        writeMember(
          orgId,
          memberId,
          () =>
            apiRequest('PUT', `${userPath(orgId, memberId)}/role`, { body: { role }, parse: memberAnswer }),
          (member) => member.role === role,
        ),
      ),
    }),

  /**
   * Undo of a role change: the reverse change, sent only while the member still has the role Roster
   * set. The check is a fresh read made when the PUT goes (again after any wait for a rate limit);
   * when the role is another, nothing is sent and the mutation fails with RoleChangedSinceError.
   */
  undoRole: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'undo-role', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(async ({ from, to }: RoleUndo): Promise<Member | null> => {
        let sent = false
        try {
          return await apiRequest('PUT', `${userPath(orgId, memberId)}/role`, {
            body: async () => {
              sent = false
              const now = await readMember(orgId, memberId)
              if (now.role !== from) throw new RoleChangedSinceError(now)
              sent = true
              return { role: to }
            },
            parse: memberAnswer,
          })
        } catch (error) {
          // A failed check, or a read that failed before anything was sent, is what it is.
          if (!sent) throw error
          return confirmWrite(
            error,
            async (): Promise<Check<Member | null>> => {
              const member = await readMember(orgId, memberId)
              return member.role === to ? { applied: true, value: member } : { applied: false }
            },
            'member',
          )
        }
      }),
    }),

  /**
   * Tallyfy emails the invitation again (POST …/resend-invite, tallyfy-api.md §13). A POST, so never
   * repeated automatically: after a lost answer the member is read again. Still invited: uncertain
   * (UncertainWriteError: the email may or may not have gone). No longer invited, or gone:
   * NoLongerAppliesError saying what was found. Resolves with the member when Tallyfy sends them back.
   */
  resendInvite: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'resend-invite', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<Member | null, void>(async () => {
        try {
          return await apiRequest('POST', `${userPath(orgId, memberId)}/resend-invite`, {
            parse: memberAnswer,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Member | null>> => {
              const member = await readMemberIfAny(orgId, memberId)
              if (!member) {
                throw new NoLongerAppliesError(
                  'The member is no longer in the organization (the invitation was withdrawn): there is no invitation to resend.',
                  { cause: error },
                )
              }
              if (member.status !== 'invited') {
                throw new NoLongerAppliesError(
                  `The member ${NOT_INVITED_NOW[member.status]}: there is no invitation to resend.`,
                  { cause: error },
                )
              }
              throw new UncertainWriteError(
                'The connection broke after the resend was sent. The member is still invited, and Roster cannot tell whether Tallyfy emailed the invitation again: resending now may send it twice.',
                { cause: error },
              )
            },
            'member',
          )
        }
      }),
    }),

  /**
   * Withdraws the invitation (DELETE …/withdraw-invite, tallyfy-api.md §13): Tallyfy removes the
   * invited member and frees their seat; the caller then takes them out of the cache
   * (cache.ts `removeMember`). After a lost answer the member is read again: gone (404) means done;
   * still invited means not done (the original failure); anything else is uncertain, and the
   * UncertainWriteError says what was found.
   */
  withdrawInvite: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'withdraw-invite', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<void, void>(async () => {
        try {
          // Whatever the answer holds, the member it describes is gone.
          await apiRequest('DELETE', `${userPath(orgId, memberId)}/withdraw-invite`, {
            parse: () => undefined,
          })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<void>> => {
              const member = await readMemberIfAny(orgId, memberId)
              if (!member) return { applied: true, value: undefined }
              if (member.status === 'invited') return { applied: false }
              throw new UncertainWriteError(
                `The connection broke after the withdrawal was sent. The member ${NOT_INVITED_NOW[member.status]}, yet still in the organization, so Roster cannot tell whether Tallyfy withdrew the invitation. Check the member before trying again.`,
                { cause: error },
              )
            },
            'member',
          )
        }
      }),
    }),

  /** Tallyfy uses DELETE for disabling; the member stays in the organization, disabled. */
  disable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'disable', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(() =>
        writeMember(
          orgId,
          memberId,
          () => apiRequest('DELETE', `${userPath(orgId, memberId)}/disable`, { parse: memberAnswer }),
          (member) => member.status === 'disabled',
        ),
      ),
    }),

  /** Enabled means no longer disabled: one never activated comes back as invited (the demo does so). */
  enable: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'enable', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(() =>
        writeMember(
          orgId,
          memberId,
          () => apiRequest('PUT', `${userPath(orgId, memberId)}/enable`, { parse: memberAnswer }),
          (member) => member.status !== 'disabled',
        ),
      ),
    }),

  /**
   * Removes the member (DELETE /users/{id}?with_reassignment=true&to={to}, tallyfy-api.md §13):
   * Tallyfy disables them, takes them out of every group, and hands their templates, steps and
   * tasks to `reassignTo`. Without a successor no query is sent. Resolves with the member as Tallyfy
   * answers (status disabled), or null. After a lost answer the member is read again: disabled
   * means done (the hand-over is part of the same call).
   */
  remove: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'remove', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession(({ reassignTo }: RemoveMemberInput) =>
        writeMember(
          orgId,
          memberId,
          () =>
            apiRequest('DELETE', userPath(orgId, memberId), {
              query: reassignTo === null ? undefined : { with_reassignment: 'true', to: reassignTo },
              parse: memberAnswer,
            }),
          (member) => member.status === 'disabled',
        ),
      ),
    }),

  /**
   * Deletes a disabled member for good (DELETE /users/{id}/delete). Tallyfy refuses a member who is
   * not disabled with 400 "Please disable the user before deletion.", passed on as it is. After a
   * lost answer: gone (404), or listed the way Tallyfy keeps a deleted record, means done.
   */
  deletePermanently: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'delete', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<void, void>(async () => {
        try {
          await apiRequest('DELETE', `${userPath(orgId, memberId)}/delete`)
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<void>> => {
              const member = await readMemberIfAny(orgId, memberId)
              return !member || looksDeleted(member)
                ? { applied: true, value: undefined }
                : { applied: false }
            },
            'member',
          )
        }
      }),
    }),

  /**
   * Makes `newAdminId` the organization's default administrator (PUT /users/{id}/set-new-admin,
   * body {new_admin_id}). Which member belongs in the path is not documented ([I]): the present
   * default administrator when known, else the new one. Queued with the new administrator's other
   * writes. Resolves with the new administrator when Tallyfy's answer is them, else null. After a
   * lost answer the new administrator is read again: marked default means done.
   */
  setDefaultAdmin: (orgId: string, newAdminId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'set-default-admin', newAdminId] as const,
      scope: memberScope(orgId, newAdminId),
      mutationFn: inAskingSession(({ currentDefaultId }: SetDefaultAdminInput) =>
        writeMember(
          orgId,
          newAdminId,
          async () => {
            const answer = await apiRequest(
              'PUT',
              `${userPath(orgId, currentDefaultId ?? newAdminId)}/set-new-admin`,
              { body: { new_admin_id: newAdminId }, parse: memberAnswer },
            )
            // The answer may describe the member in the path (the former default): not the new one.
            return answer?.id === newAdminId ? answer : null
          },
          (member) => member.isDefaultAdmin,
        ),
      ),
    }),

  /**
   * Turns the member into a guest (PUT /users/{id}/to/guest, 201 with the guest): they leave the
   * directory and every group, and appear among the guests with the same email. After a lost answer
   * the member is read again: gone means done; still there, the guest list is asked by their email.
   */
  toGuest: (orgId: string, memberId: number) =>
    mutationOptions({
      mutationKey: [...memberQueries.all(orgId), 'to-guest', memberId] as const,
      scope: memberScope(orgId, memberId),
      mutationFn: inAskingSession<Guest | null, void>(async () => {
        try {
          return await apiRequest('PUT', `${userPath(orgId, memberId)}/to/guest`, { parse: guestAnswer })
        } catch (error) {
          return confirmWrite(
            error,
            async (): Promise<Check<Guest | null>> => {
              const member = await readMemberIfAny(orgId, memberId)
              if (!member) return { applied: true, value: null }
              const guest = member.email ? await readGuestIfAny(orgId, member.email) : null
              return guest && guestKey(guest.email) === guestKey(member.email ?? '')
                ? { applied: true, value: guest }
                : { applied: false }
            },
            'member',
          )
        }
      }),
    }),
}
