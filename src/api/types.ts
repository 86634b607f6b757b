// The app's own view of Tallyfy's data: what each resource's schema (members/, groups/, guests/ schema.ts) turns wire JSON into.
// Components only ever see these shapes, never raw API payloads, so every quirk of the wire
// (role casing, last_updated vs updated_at, IDs as numbers or strings, includes wrapped in
// {data}) is handled once, at the edge.

export type Role = 'admin' | 'standard' | 'light' | 'unknown'
export type MemberStatus = 'active' | 'invited' | 'disabled' | 'unknown'

export interface GroupRef {
  id: string
  name: string
}

export interface Member {
  id: number
  email: string | null
  firstName: string | null
  lastName: string | null
  /** Always present: full_name, else first + last, else email, else "Member #id". */
  fullName: string
  role: Role
  /** The role as the API spelled it, for display when it is not one of the known three. */
  rawRole: string | null
  status: MemberStatus
  jobTitle: string | null
  phone: string | null
  timezone: string | null
  /** Only an http(s) or data:image URL survives parsing; anything else becomes null. */
  pictureUrl: string | null
  createdAt: string | null
  activatedAt: string | null
  lastLoginAt: string | null
  updatedAt: string | null
  /** Tallyfy's `is_default_admin`: the organization's one default administrator (cannot be disabled or demoted). */
  isDefaultAdmin: boolean
  /** null when the response did not include groups (with=groups not asked or not honoured). */
  groups: GroupRef[] | null
}

export interface Group {
  /** Tallyfy uses 32-character hex IDs; kept as the server sent it. */
  id: string
  name: string
  description: string | null
  /** The raw logo value; the UI decides whether it is safe to show (see lib/safe-url.ts). */
  logo: string | null
  /** Member IDs as canonical strings ("1001"); numbers and numeric strings both land here. */
  memberIds: string[]
  guests: string[]
  /**
   * Whether the read had each list. Tallyfy sends `members` and `guests` only as includes, so a read
   * may lack them: the list is then empty here but unknown, never to be shown or counted as empty.
   */
  membersKnown: boolean
  guestsKnown: boolean
  createdAt: string | null
  updatedAt: string | null
}

/** Someone outside the organization, known by email (Tallyfy addresses guests by email). */
export interface Guest {
  /** As Tallyfy spelled it; compare case-insensitively (`guestKey`). */
  email: string
  firstName: string | null
  lastName: string | null
  /** first + last when the guest has a name; null otherwise (show the email instead). */
  name: string | null
  company: string | null
  /** `details.status`: free text, shown as written. */
  statusText: string | null
  /** Set when `details.disabled_at` is: the guest cannot use their link. */
  disabledAt: string | null
  lastAccessedAt: string | null
  createdAt: string | null
  phone: string | null
  timezone: string | null
  /** Only an http(s) URL survives parsing. */
  companyUrl: string | null
  lastCity: string | null
  lastCountry: string | null
  /** Member IDs the guest is associated with (`details.associated_members`). */
  associatedMemberIds: number[]
}

export interface Me {
  id: number
  email: string | null
  fullName: string
  /** What the signed-in person may do; `isAdmin(me)` in ./roles.ts asks the usual question. */
  role: Role
  /** The role as the API spelled it. */
  rawRole: string | null
  pictureUrl: string | null
}

export interface Credentials {
  orgId: string
  token: string
  /** True when signed in to the built-in demo organization (served by the MSW worker). */
  demo: boolean
}

/** What the member directory query holds while it fills and once it is complete. */
export interface MemberDirectory {
  members: Member[]
  /** The server's total from meta.pagination (or members.length when there is no meta). */
  total: number
  /**
   * True only when every page the server announced has arrived and the records counted reach
   * `total` (or the server gave none). A load that stopped short, however, stays false.
   */
  complete: boolean
  // The fields below are written by the directory loader (api/members/directory-loader.ts); a directory
  // built elsewhere (tests, an optimistic patch) may leave them out.
  /** True while the loader is fetching pages for this directory. */
  loading?: boolean
  /** Pages that arrived, and the pages the server announced (null while following links). */
  pagesLoaded?: number
  pagesPlanned?: number | null
  /** Records the server sent that could not be read (where and of what type, never their values). */
  invalidRecords?: InvalidRecordInfo[]
  // Written once a read completes, and kept on a remembered device with the rows (#25):
  /** Epoch ms (this device's clock) when the read behind these rows began. */
  readAt?: number
  /** Epoch ms of the last read of every page (a refresh by change gives way to one a day later). */
  fullReadAt?: number
  /** The newest `updated_at` the reads saw (Tallyfy's clock): where a refresh by change stops. */
  changedUpTo?: string | null
  /** Set while the rows are this device's stored copy and no refresh has completed: their read's epoch ms. */
  asOf?: number | null
  /** Which read last completed: a refresh by change, or a read of every page. */
  refreshed?: 'changed' | 'full'
}

/**
 * How the last load of a whole list (groups, guests) went, kept beside the list by its query
 * (`groupQueries.completeness`, `guestQueries.completeness`), so the list itself stays a plain array.
 */
export interface ListCompleteness {
  /** Every page answered and the records counted reach the server's total (or it gave none). */
  complete: boolean
  /** The server's total; null when it gave no believable one. */
  total: number | null
  /** Why the load stopped part-way (a page that failed); null when the server just sent fewer. */
  error: unknown
}

/** A record that could not be read: its page and position, and which fields had which JSON type. */
export interface InvalidRecordInfo {
  page?: number
  index: number
  issues: Array<{ path: string; expected: string; received: string }>
}

/**
 * What a member owns that would be orphaned if they left (GET /users/{id}/reassignment-information,
 * tallyfy-api.md §13), read by `parseReassignmentInfo`.
 */
export interface ReassignmentInfo {
  templates: { id: string; title: string }[]
  steps: { id: string; title: string; templateId: string | null }[]
  processes: {
    processId: string
    runName: string
    templateName: string | null
    tasks: { id: string; name: string; deadline: string | null }[]
  }[]
  oneOffTasks: { id: string; name: string; deadline: string | null }[]
  /**
   * Entries Tallyfy sent that could not be read (not an object, say): not listed above, but counted
   * in `total`, so an odd answer never reads as "owns nothing" and the work is still handed over.
   */
  unreadable?: number
  /** templates + steps + process tasks + one-off tasks (+ unreadable entries) */
  total: number
}

/** What "Add guest" sends (POST /guests): the email is required, the rest may be ''. */
export interface GuestInput {
  email: string
  firstName: string
  lastName: string
  company: string
}
