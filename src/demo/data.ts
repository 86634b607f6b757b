// The demo organization: a deterministic, seeded directory shaped exactly like Tallyfy's wire JSON
// (snake_case, the quirks of tallyfy-api.md §8 included), so the client code path is the same for
// the demo and for a real org. Member N is a function of (seed, N) only: growing the org from 300 to
// 50,000 keeps the first 300 people identical, which keeps screenshots and e2e selectors stable.

import { DEMO_ME_ID, DEMO_ORG_ID, DEMO_ORG_NAME } from './credentials'

type WireStatus = 'active' | 'invited' | 'disabled'

/** A member as GET /organizations/{org}/users returns it. Sparse records carry only the first six fields. */
export interface WireMember {
  id: number
  email: string
  first_name: string
  last_name: string
  full_name: string
  status: WireStatus
  username?: string
  profile_pic?: string | null
  locale?: string
  is_active?: boolean
  is_suspended?: boolean
  support_user?: boolean
  country_id?: number | null
  phone?: string | null
  job_title?: string | null
  job_description?: string | null
  team?: string | null
  timezone?: string
  UTC_offset?: string
  date_format?: 'mm/dd/yyyy' | 'dd/mm/yyyy'
  role?: string
  /** The older key some payloads use instead of `role`. */
  user_role?: string
  is_default_admin?: boolean
  created_at?: string
  last_updated?: string
  updated_at?: string
  activated_at?: string | null
  last_login_at?: string | null
  last_accessed_at?: string | null
  invited_by?: number | null
  disabled_at?: string | null
  disabled_by?: number | null
}

export interface WireGroup {
  id: string
  name: string
  description: string
  logo: string | null
  /** Mostly numbers; a couple of groups carry numeric strings, as some clients report. */
  members: Array<number | string>
  guests: string[]
  created_at: string
  last_updated?: string
  updated_at?: string
  deleted_at?: null
}

interface WireGuestDetails {
  status: string | null
  phone_1: string | null
  phone_2: string | null
  timezone: string | null
  image_url: string | null
  contact_url: string | null
  company_url: string | null
  opportunity_url: string | null
  company_name: string | null
  opportunity_name: string | null
  external_sync_source: string | null
  external_date_creation: string | null
  cadence_days: string[] | null
  associated_members: number[] | null
  last_city: string | null
  last_country: string | null
  last_accessed_at: string | null
  disabled_at: string | null
  disabled_by: number | null
  reactivated_at: string | null
  reactivated_by: number | null
}

export interface WireGuest {
  id: number
  email: string
  first_name: string | null
  last_name: string | null
  created_at: string
  deleted_at: null
  last_accessed_at: string | null
  last_known_ip: string | null
  last_known_country: string | null
  link: string
  details: WireGuestDetails
  /** Set by the demo's writes (Tallyfy documents no such field on a guest; the demo keeps one). */
  updated_at?: string
}

interface WireOrganization {
  id: string
  name: string
  slug: string
  timezone: string
  created_on: string
  users_count: number
  guests_count: number
  allow_manage_groups: boolean
  user_role: string
}

export interface DemoOrg {
  id: string
  name: string
  seed: number
  organization: WireOrganization
  /** The signed-in user; the same object as their entry in `members`. */
  me: WireMember
  /** Ordered by id. */
  members: WireMember[]
  groups: WireGroup[]
  guests: WireGuest[]
  /** Group IDs per member ID, derived from the groups' `members` so the two never disagree. */
  groupIdsByMember: ReadonlyMap<number, readonly string[]>
  /**
   * What members own (templates, steps, tasks), as GET /users/{id}/reassignment-information lists
   * it; a removal with reassignment hands the leaver's items to the successor.
   */
  work: DemoWorkItem[]
  /** Emails (lowercase) of guests with incomplete tasks: disabling them is refused with 403. */
  guestsWithOpenTasks: Set<string>
}

/** One piece of work a member owns (tallyfy-api.md §13 `ReassignmentInfo`), with its owner. */
export type DemoWorkItem =
  | { kind: 'template'; id: string; title: string; ownerId: number }
  | { kind: 'step'; id: string; title: string; templateId: string | null; ownerId: number }
  | {
      kind: 'process-task'
      id: string
      name: string
      deadline: string | null
      processId: string
      runName: string
      templateName: string | null
      ownerId: number
    }
  | { kind: 'one-off-task'; id: string; name: string; deadline: string | null; ownerId: number }

export interface DemoOrgOptions {
  members?: number
  seed?: number
  /**
   * The moment the data is about (default `DEMO_NOW`, so tests see the same dates every run). The
   * live demos pass the real clock: every date moves by the same amount, so a person who signed in
   * "two days ago" at DEMO_NOW still did today, and the overview looks as it should on any day.
   */
  now?: number
}

/**
 * Every relative date is measured back from here, so the data never changes between runs. Exported
 * so a test of time-relative figures (the overview's sign-in buckets) can set its clock to it.
 */
export const DEMO_NOW = Date.UTC(2026, 10, 20, 9, 0, 0)
const FIRST_MEMBER_ID = 1001
/** Listed in one group although no member has it: a removed person the group still remembers. */
export const REMOVED_MEMBER_ID = 424242
/** A last name that is markup; its record's full name starts with "Probe", so it sorts among people. */
export const XSS_NAME = '<img src=x onerror=alert(1)>'
/**
 * The organization's default administrator (Mateo Álvarez), whom Tallyfy refuses to change or
 * disable. Not the signed-in demo person, so that person can act on everyone else and on themselves.
 */
export const DEFAULT_ADMIN_ID = FIRST_MEMBER_ID + 1
/** Tallyfy's bot member: every write on it is refused (tallyfy-api.md §3.3). */
export const BOT_MEMBER_ID = FIRST_MEMBER_ID + 20
/**
 * A last name a spreadsheet would run as a formula; an export must keep it text. Its record's full
 * name starts with "Formula", so it sorts among people rather than first.
 */
export const FORMULA_NAME = '=HYPERLINK("https://evil.example","Payroll")'
export const MAX_DEMO_MEMBERS = 100_000
/**
 * The member who owns work (Анастасия Смирнова, standard, active, in one group): 2 templates, 3
 * steps, 3 tasks in 2 running processes and 2 one-off tasks. Everyone else owns nothing, so their
 * reassignment information is all empty (`[]`, as PHP encodes an empty map).
 */
export const DEMO_WORK_OWNER_ID = FIRST_MEMBER_ID + 9
/** A guest with incomplete tasks (Ravi Kapoor, Nimbus IT Services): disabling them is refused (403). */
export const DEMO_GUEST_WITH_TASKS = 'ravi.kapoor@nimbus-it.example'

const DAY = 86_400_000
const DOMAIN = 'northwind-relay.example'

// ---------------------------------------------------------------------------------------------
// Seeded randomness

type Rng = () => number

function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  return (h ^ (h >>> 16)) >>> 0
}

function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

/** A 32-character lowercase hex ID, stable for a given key (Tallyfy's org and group ID format). */
export function hexId(key: string): string {
  const rng = mulberry32(hashString(key))
  let out = ''
  for (let i = 0; i < 4; i++)
    out += Math.floor(rng() * 4294967296)
      .toString(16)
      .padStart(8, '0')
  return out
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))
const datePrefixes = new Map<number, string>()

/**
 * `new Date(ms).toISOString()` at whole-second precision (as Tallyfy's timestamps are), much
 * cheaper: a 50,000-member org needs a quarter of a million of them, and the date part repeats.
 */
function iso(ms: number): string {
  const days = Math.floor(ms / DAY)
  let prefix = datePrefixes.get(days)
  if (prefix === undefined) {
    prefix = new Date(days * DAY).toISOString().slice(0, 11)
    datePrefixes.set(days, prefix)
  }
  const secondOfDay = Math.floor((ms - days * DAY) / 1000)
  const hours = Math.floor(secondOfDay / 3600)
  const minutes = Math.floor((secondOfDay % 3600) / 60)
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secondOfDay % 60]}.000Z`
}

/** Laravel's default serialisation (microseconds), which some Tallyfy payloads show. */
function isoMicros(ms: number): string {
  return `${iso(ms).slice(0, -1)}000Z`
}

// ---------------------------------------------------------------------------------------------
// Names from many places. "native|latin" entries carry the romanisation used for the email.

interface Culture {
  weight: number
  first: readonly string[]
  last: readonly string[]
  timezones: readonly (readonly [zone: string, offset: string])[]
  locale: string
  dateFormat: 'mm/dd/yyyy' | 'dd/mm/yyyy'
  phone: (rng: Rng) => string
  countryId: number
}

const digits = (rng: Rng, n: number) => {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10)
  return s
}

const names = (list: string): readonly string[] => list.split(', ')

const CULTURES: readonly Culture[] = [
  {
    weight: 26,
    first: names(
      'James, Olivia, Liam, Emma, Noah, Ava, Ethan, Sophia, Mason, Isabella, Lucas, Mia, Harper, Amelia, Benjamin, Charlotte, Henry, Evelyn, Jack, Grace, Samuel, Chloe, Daniel, Hannah, Zoë, Mary-Kate, DeShawn, Madison',
    ),
    last: names(
      "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore, Martin, Jackson, Thompson, White, Harris, Clark, Lewis, Walker, Hall, Young, King, Wright, Smith-Jones, D'Angelo, McAllister",
    ),
    timezones: [
      ['America/New_York', '-05:00'],
      ['America/Chicago', '-06:00'],
      ['America/Los_Angeles', '-08:00'],
      ['Europe/London', '+00:00'],
      ['Australia/Sydney', '+11:00'],
    ],
    locale: 'en',
    dateFormat: 'mm/dd/yyyy',
    phone: (rng) => `+1 ${intBetween(rng, 201, 989)} 555 ${digits(rng, 4)}`,
    countryId: 236,
  },
  {
    weight: 5,
    first: ['Siobhán', 'Seán', 'Aoife', 'Niamh', 'Ciarán', 'Róisín', 'Pádraig', 'Oisín', 'Caoimhe', 'Eoin'],
    last: names(
      "O'Brien, O'Sullivan, Ó Súilleabháin, Murphy, Kelly, O'Connor, McCarthy, Byrne, Ní Bhriain, Walsh",
    ),
    timezones: [['Europe/Dublin', '+00:00']],
    locale: 'en',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+353 8${intBetween(rng, 3, 9)} ${digits(rng, 3)} ${digits(rng, 4)}`,
    countryId: 105,
  },
  {
    weight: 7,
    first: names(
      'Jean-Luc, Marie-Claire, Élodie, Anaïs, François, Hélène, Jérôme, Céline, Benoît, Chloé, Noël, Loïc',
    ),
    last: names(
      'Lefèvre, Dubois, Moreau, Girard, Rousseau, Bonnet, Fontaine, Chevalier, Lemaître, Mercier, Faure, de la Fontaine',
    ),
    timezones: [
      ['Europe/Paris', '+01:00'],
      ['America/Montreal', '-05:00'],
    ],
    locale: 'fr',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+33 6 ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)} ${digits(rng, 2)}`,
    countryId: 75,
  },
  {
    weight: 9,
    first: names(
      'Mateo, Sofía, Alejandro, Lucía, José, María José, Camila, Andrés, Valentina, Sebastián, Ximena, Íñigo, João, Conceição',
    ),
    last: names(
      'Álvarez, García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, Núñez, Muñoz, García-Márquez, Gonçalves',
    ),
    timezones: [
      ['Europe/Madrid', '+01:00'],
      ['America/Mexico_City', '-06:00'],
      ['America/Bogota', '-05:00'],
      ['America/Sao_Paulo', '-03:00'],
    ],
    locale: 'es',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+34 6${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 3)}`,
    countryId: 209,
  },
  {
    weight: 7,
    first: names('Jürgen, Günther, Lena, Søren, Åsa, Björn, Märta, Ingrid, Lars, Øystein, Freya, Matthias'),
    last: names(
      'Müller, Schröder, Weiß, Ångström, Järvinen, Nørgaard, Lindqvist, Østergaard, Bäckström, Schmidt, Hoffmann, Fischer',
    ),
    timezones: [
      ['Europe/Berlin', '+01:00'],
      ['Europe/Stockholm', '+01:00'],
      ['Europe/Oslo', '+01:00'],
      ['Europe/Helsinki', '+02:00'],
    ],
    locale: 'de',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+49 15${digits(rng, 1)} ${digits(rng, 7)}`,
    countryId: 82,
  },
  {
    weight: 4,
    first: names(
      'Łukasz, Małgorzata, Wojciech, Zofia, Agnieszka, Jiří, Tomáš, Kateřina, Ayşe, Çağla, İlkay, Mehmet',
    ),
    last: names(
      'Wiśniewski, Kowalczyk, Dvořák, Nowak, Szczepańska, Krejčí, Grzegorczyk, Yılmaz, Öztürk, Çelik',
    ),
    timezones: [
      ['Europe/Warsaw', '+01:00'],
      ['Europe/Prague', '+01:00'],
      ['Europe/Istanbul', '+03:00'],
    ],
    locale: 'pl',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+48 ${digits(rng, 3)} ${digits(rng, 3)} ${digits(rng, 3)}`,
    countryId: 176,
  },
  {
    weight: 3,
    first: ['Thảo', 'Minh', 'Đức', 'Hương', 'Quang', 'Linh'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ'],
    timezones: [['Asia/Ho_Chi_Minh', '+07:00']],
    locale: 'vi',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+84 9${digits(rng, 1)} ${digits(rng, 3)} ${digits(rng, 4)}`,
    countryId: 240,
  },
  {
    weight: 7,
    first: names(
      '伟|wei, 芳|fang, 娜|na, 秀英|xiuying, 敏|min, 静|jing, 磊|lei, 洋|yang, 艳|yan, 勇|yong, 子涵|zihan, 浩然|haoran',
    ),
    last: names('王|wang, 李|li, 张|zhang, 刘|liu, 陈|chen, 杨|yang, 黄|huang, 赵|zhao, 周|zhou, 吴|wu'),
    timezones: [
      ['Asia/Shanghai', '+08:00'],
      ['Asia/Singapore', '+08:00'],
      ['Asia/Hong_Kong', '+08:00'],
    ],
    locale: 'zh',
    dateFormat: 'mm/dd/yyyy',
    phone: (rng) => `+86 13${digits(rng, 1)} ${digits(rng, 4)} ${digits(rng, 4)}`,
    countryId: 45,
  },
  {
    weight: 5,
    first: names(
      '陽翔|haruto, さくら|sakura, 結衣|yui, 蓮|ren, 美咲|misaki, 大翔|hiroto, ひなた|hinata, 健太|kenta',
    ),
    last: names(
      '佐藤|sato, 鈴木|suzuki, 高橋|takahashi, 田中|tanaka, 渡辺|watanabe, 伊藤|ito, 山本|yamamoto, 中村|nakamura',
    ),
    timezones: [['Asia/Tokyo', '+09:00']],
    locale: 'ja',
    dateFormat: 'mm/dd/yyyy',
    phone: (rng) => `+81 90 ${digits(rng, 4)} ${digits(rng, 4)}`,
    countryId: 111,
  },
  {
    weight: 4,
    first: ['민준|minjun', '서연|seoyeon', '지호|jiho', '하은|haeun', '도윤|doyun', '지우|jiwoo'],
    last: ['김|kim', '이|lee', '박|park', '최|choi', '정|jung', '강|kang'],
    timezones: [['Asia/Seoul', '+09:00']],
    locale: 'ko',
    dateFormat: 'mm/dd/yyyy',
    phone: (rng) => `+82 10 ${digits(rng, 4)} ${digits(rng, 4)}`,
    countryId: 117,
  },
  {
    weight: 5,
    first: names(
      'Алексей|aleksei, Мария|maria, Дмитрий|dmitry, Анастасия|anastasia, Иван|ivan, Екатерина|ekaterina, Сергей|sergey, Ольга|olga',
    ),
    last: names(
      'Иванов|ivanov, Смирнова|smirnova, Кузнецов|kuznetsov, Попова|popova, Соколов|sokolov, Лебедева|lebedeva, Волков|volkov',
    ),
    timezones: [
      ['Europe/Moscow', '+03:00'],
      ['Asia/Almaty', '+05:00'],
    ],
    locale: 'ru',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+7 9${digits(rng, 2)} ${digits(rng, 3)}-${digits(rng, 2)}-${digits(rng, 2)}`,
    countryId: 182,
  },
  {
    weight: 5,
    first: names(
      'محمد|mohammed, فاطمة|fatima, أحمد|ahmed, ليلى|layla, عمر|omar, نور|noor, يوسف|youssef, مريم|mariam',
    ),
    last: names('العلي|alali, حداد|haddad, الحسيني|alhusseini, منصور|mansour, خوري|khoury, الشامي|alshami'),
    timezones: [
      ['Asia/Dubai', '+04:00'],
      ['Asia/Riyadh', '+03:00'],
      ['Africa/Cairo', '+02:00'],
    ],
    locale: 'ar',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+971 5${digits(rng, 1)} ${digits(rng, 3)} ${digits(rng, 4)}`,
    countryId: 229,
  },
  {
    weight: 7,
    first: names(
      'आरव|aarav, अनन्या|ananya, विवान|vivaan, दीया|diya, अर्जुन|arjun, सान्वी|saanvi, Priya, Rohan, Lakshmi, Venkatesh',
    ),
    last: names('शर्मा|sharma, पटेल|patel, वर्मा|verma, गुप्ता|gupta, सिंह|singh, Iyer, Reddy, Venkataraghavan'),
    timezones: [['Asia/Kolkata', '+05:30']],
    locale: 'hi',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+91 9${digits(rng, 4)} ${digits(rng, 5)}`,
    countryId: 101,
  },
  {
    weight: 3,
    first: names(
      'Γιώργος|giorgos, Ελένη|eleni, Δημήτρης|dimitris, Μαρία|maria, Νίκος|nikos, Κατερίνα|katerina',
    ),
    last: ['Παπαδόπουλος|papadopoulos', 'Νικολάου|nikolaou', 'Γεωργίου|georgiou', 'Οικονόμου|oikonomou'],
    timezones: [['Europe/Athens', '+02:00']],
    locale: 'el',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+30 69${digits(rng, 1)} ${digits(rng, 3)} ${digits(rng, 4)}`,
    countryId: 85,
  },
  {
    weight: 5,
    first: names('Chinedu, Adaeze, Oluwaseun, Ngozi, Kwame, Ama, Tunde, Folake, Aroha, Tāne, Wiremu'),
    last: ['Okafor', 'Adeyemi', 'Mensah', 'Okonkwo', 'Nwosu', 'Boateng', 'Adeyemi-Cole', 'Ngata', 'Te Rangi'],
    timezones: [
      ['Africa/Lagos', '+01:00'],
      ['Africa/Accra', '+00:00'],
      ['Pacific/Auckland', '+13:00'],
    ],
    locale: 'en',
    dateFormat: 'dd/mm/yyyy',
    phone: (rng) => `+234 80${digits(rng, 1)} ${digits(rng, 3)} ${digits(rng, 4)}`,
    countryId: 161,
  },
]

const CULTURE_TOTAL = CULTURES.reduce((sum, c) => sum + c.weight, 0)

function pickCulture(rng: Rng): Culture {
  let r = rng() * CULTURE_TOTAL
  for (const culture of CULTURES) {
    r -= culture.weight
    if (r < 0) return culture
  }
  return CULTURES[0] as Culture
}

const ASCII_FOLD: Record<string, string> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
}
const asciiCache = new Map<string, string>()

/** The part of an email address a name turns into: folded to ASCII, no spaces or apostrophes. */
function emailPart(name: string): string {
  let out = asciiCache.get(name)
  if (out === undefined) {
    const latin = name.includes('|') ? (name.split('|')[1] ?? name) : name
    out = latin
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[ßøæœđłıþ]/g, (c) => ASCII_FOLD[c] ?? '')
      .replace(/[^a-z0-9-]/g, '')
    asciiCache.set(name, out)
  }
  return out
}

const displayCache = new Map<string, string>()

function displayName(name: string): string {
  let out = displayCache.get(name)
  if (out === undefined) {
    const bar = name.indexOf('|')
    out = bar === -1 ? name : name.slice(0, bar)
    displayCache.set(name, out)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Pictures: small inline SVGs. Never a network URL: the demo runs offline and a failed image load
// would put an error in the console.

const AVATAR_COLOURS = [
  '#1d4ed8',
  '#0f766e',
  '#b45309',
  '#7c3aed',
  '#be123c',
  '#15803d',
  '#0369a1',
  '#a16207',
  '#6d28d9',
  '#c2410c',
  '#334155',
  '#9d174d',
]
let avatarCache: string[] | null = null

function avatars(): string[] {
  if (!avatarCache) {
    avatarCache = []
    for (let i = 0; i < AVATAR_COLOURS.length * 3; i++) {
      const bg = AVATAR_COLOURS[i % AVATAR_COLOURS.length] ?? '#334155'
      const fg = ['#fde68a', '#e0f2fe', '#fce7f3'][Math.floor(i / AVATAR_COLOURS.length)] ?? '#ffffff'
      const svg =
        `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'>` +
        `<rect width='64' height='64' fill='${bg}'/>` +
        `<circle cx='32' cy='25' r='12' fill='${fg}'/>` +
        `<path d='M10 64c2-14 11-21 22-21s20 7 22 21z' fill='${fg}'/></svg>`
      avatarCache.push(`data:image/svg+xml,${encodeURIComponent(svg)}`)
    }
  }
  return avatarCache
}

function groupLogo(initials: string, colour: string): string {
  const svg =
    `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 96 96'>` +
    `<rect width='96' height='96' rx='18' fill='${colour}'/>` +
    `<text x='48' y='60' font-family='system-ui,sans-serif' font-size='36' font-weight='700' ` +
    `text-anchor='middle' fill='#ffffff'>${initials}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

// ---------------------------------------------------------------------------------------------
// Members

const JOB_TITLES = [
  'Operations Manager',
  'Customer Success Lead',
  'Account Executive',
  'Software Engineer',
  'Senior Software Engineer',
  'Product Designer',
  'Financial Analyst',
  'HR Business Partner',
  'Legal Counsel',
  'IT Support Specialist',
  'Procurement Officer',
  'Field Technician',
  'Warehouse Supervisor',
  'Data Analyst',
  'Marketing Coordinator',
  'QA Engineer',
  'Office Manager',
  'Regional Sales Director',
  'Chief of Staff',
  'Intern',
  'Head of Partnerships & Strategic Alliances (EMEA, APAC and Latin America)',
]
const TEAMS = ['Operations', 'Sales', 'Engineering', 'Finance', 'People', 'Support', 'Logistics']

type RoleKey = 'role' | 'user_role'

interface MemberSpec {
  first: string
  last: string
  email?: string
  status?: WireStatus
  role?: string
  roleKey?: RoleKey
  sparse?: boolean
  picture?: boolean
  updatedKey?: 'last_updated' | 'updated_at'
  jobTitle?: string | null
  /** Days before DEMO_NOW they joined (or were invited); drawn like everyone's when absent. */
  joined?: number
  /** When they last signed in; drawn like everyone's when absent. */
  signIn?: SignIn
}

// ---------------------------------------------------------------------------------------------
// Dates: when people joined, were activated, disabled and last signed in, spread the way the
// overview reads them, so its charts look like a real organization's.

type SignIn = 'week' | 'month' | 'quarter' | 'year' | 'older' | 'never'

/**
 * Days before DEMO_NOW each sign-in bucket draws from (this week, this month, 1–3 months, 3–12
 * months, over a year), clear of every edge, calendar or rolling, in any time zone: DEMO_NOW is a
 * Friday 09:00 UTC, so 3.5 days back is still this week's Monday from UTC−12 to UTC+14, and 18 days
 * back still November.
 */
export const SIGN_IN_DAYS: Readonly<Record<Exclude<SignIn, 'never'>, readonly [from: number, to: number]>> = {
  week: [0.05, 3.5],
  month: [8, 18],
  quarter: [35, 85],
  year: [100, 350],
  older: [380, 700],
}

/** How likely an active member is to fall in each bucket, among those their join date allows. */
const SIGN_IN_WEIGHTS: readonly (readonly [SignIn, number])[] = [
  ['week', 28],
  ['month', 20],
  ['quarter', 17],
  ['year', 17],
  ['older', 14],
  ['never', 5],
]

/**
 * Days before DEMO_NOW a member joined: most over the last two years (within 715 days, so inside the
 * overview's 24-month chart whether it counts calendar months or days), more of them lately as the
 * organization grew; a tenth before that, back to when the organization was created. Invitations
 * are recent, some fresh and some stale (older than the overview's 14 days), clear of that edge.
 */
function joinedDaysAgo(rng: Rng, status: WireStatus): number {
  if (status === 'invited') {
    const r = rng()
    return r < 0.45 ? 1 + rng() * 11 : r < 0.85 ? 16 + rng() * 74 : 90 + rng() * 310
  }
  if (rng() < 0.1) return 760 + rng() * 1390
  // Density rising linearly toward DEMO_NOW, twice as high at the end as at the start.
  const t = Math.sqrt(1 + 3 * rng()) - 1
  return 0.5 + 714 * (1 - t)
}

/** The part of a bucket's span between `atLeast` and `atMost` days ago, or null if they leave none. */
function spanWithin(bucket: SignIn, atLeast: number, atMost: number): readonly [number, number] | null {
  if (bucket === 'never') return null
  const [from, to] = SIGN_IN_DAYS[bucket]
  const span = [Math.max(from, atLeast), Math.min(to, atMost)] as const
  return span[0] < span[1] ? span : null
}

/** A bucket with room between `atLeast` and `atMost` days ago, weighted as above; or never. */
function pickSignIn(rng: Rng, atLeast: number, atMost: number): SignIn {
  const open = SIGN_IN_WEIGHTS.filter(
    ([bucket]) => bucket === 'never' || spanWithin(bucket, atLeast, atMost) !== null,
  )
  let r = rng() * open.reduce((sum, [, weight]) => sum + weight, 0)
  for (const [bucket, weight] of open) {
    r -= weight
    if (r < 0) return bucket
  }
  return 'never'
}

interface MemberDates {
  createdAt: number
  activatedAt: number | null
  disabledAt: number | null
  lastLogin: number | null
  lastAccess: number | null
  updatedAt: number
}

/** A member's dates, from a generator of their own, every one of them at or before DEMO_NOW. */
function memberDates(seed: number, id: number, status: WireStatus, spec: MemberSpec | null): MemberDates {
  const rng = mulberry32(mix(seed ^ 0xd47e5, id))
  // A fixed person's day, at a drawn time of day within it.
  const createdAt =
    DEMO_NOW - (spec?.joined === undefined ? joinedDaysAgo(rng, status) : spec.joined + rng() * 0.4) * DAY
  const activatedAt =
    status === 'invited' ? null : createdAt + rng() * Math.min(5 * DAY, (DEMO_NOW - createdAt) / 2)
  let disabledAt: number | null = null
  let lastLogin: number | null = null
  if (activatedAt !== null) {
    const activatedDaysAgo = (DEMO_NOW - activatedAt) / DAY
    // Signed in between activation and now, or before being disabled; always clear of a bucket's edge.
    const disabledDaysAgo = status === 'disabled' ? rng() * Math.min(200, activatedDaysAgo) : 0
    if (status === 'disabled') disabledAt = DEMO_NOW - disabledDaysAgo * DAY
    const bucket = spec?.signIn ?? pickSignIn(rng, disabledDaysAgo, activatedDaysAgo)
    const span = spanWithin(bucket, disabledDaysAgo, activatedDaysAgo)
    if (span) lastLogin = DEMO_NOW - (span[0] + rng() * (span[1] - span[0])) * DAY
  }
  const lastAccess =
    lastLogin === null ? null : lastLogin + rng() * Math.min(2 * 3600_000, DEMO_NOW - lastLogin)
  const latest = Math.max(createdAt, activatedAt ?? 0, disabledAt ?? 0, lastAccess ?? 0)
  const updatedAt = latest + rng() * Math.min(3 * DAY, DEMO_NOW - latest)
  return { createdAt, activatedAt, disabledAt, lastLogin, lastAccess, updatedAt }
}

/**
 * The draws the dates took before they had a generator of their own, still taken so that every
 * field drawn after them (time zone, picture, job title, phone, team, inviter) keeps its value.
 */
function skipRetiredDateDraws(rng: Rng, status: WireStatus, spec: MemberSpec | null): void {
  for (let i = status === 'invited' ? 2 : 3; i > 0; i--) rng()
  if (status === 'disabled') rng()
  // Whether they had signed in decided whether one more draw followed.
  if (status !== 'invited' && spec?.signIn !== 'never' && rng() >= 0.05) rng()
  rng()
}

/** Fixed people at the start of the directory, so every edge case exists at any org size. */
const SPECIAL_MEMBERS: readonly MemberSpec[] = [
  {
    first: 'Zoë',
    last: 'Ångström',
    role: 'admin',
    status: 'active',
    picture: true,
    jobTitle: 'Chief of Staff',
    // Signed in now: the demo is them.
    joined: 2150,
    signIn: 'week',
  },
  // DEFAULT_ADMIN_ID: created the organization.
  {
    first: 'Mateo',
    last: 'Álvarez',
    role: 'Admin',
    status: 'active',
    jobTitle: 'Operations Manager',
    joined: 2225,
    signIn: 'week',
  },
  {
    first: 'Siobhán',
    last: "O'Brien",
    role: 'standard',
    status: 'active',
    picture: true,
    joined: 600,
    signIn: 'month',
  },
  { first: 'Jean-Luc', last: 'Moreau', role: 'Standard', status: 'active', joined: 500, signIn: 'quarter' },
  {
    // The markup is the last name, so the full name sorts under P, among people, not first.
    first: 'Probe',
    last: XSS_NAME,
    email: `xss.probe@${DOMAIN}`,
    role: 'standard',
    status: 'active',
    jobTitle: '<b>Bold</b> & "quoted"',
    joined: 420,
    signIn: 'year',
  },
  {
    first: 'Maximilian Alexander Konstantin',
    last: 'Wolfeschlegelsteinhausenbergerdorff-Ottoson',
    email: `maximilian.alexander.konstantin.wolfeschlegelsteinhausenbergerdorff@subsidiary.${DOMAIN}`,
    role: 'light',
    status: 'active',
    jobTitle: 'Head of Partnerships & Strategic Alliances (EMEA, APAC and Latin America)',
    joined: 700,
    signIn: 'older',
  },
  { first: '芳|fang', last: '王|wang', role: 'standard', status: 'active', picture: true },
  { first: 'さくら|sakura', last: '佐藤|sato', role: 'light', status: 'active' },
  // Invited three days ago: a fresh invitation.
  { first: '민준|minjun', last: '김|kim', role: 'standard', status: 'invited', joined: 3 },
  {
    first: 'Анастасия|anastasia',
    last: 'Смирнова|smirnova',
    role: 'standard',
    status: 'active',
    updatedKey: 'updated_at',
  },
  { first: 'ليلى|layla', last: 'حداد|haddad', role: 'admin', status: 'active', picture: true },
  { first: 'अर्जुन|arjun', last: 'शर्मा|sharma', role: 'light', status: 'disabled' },
  { first: 'Ελένη|eleni', last: 'Παπαδόπουλος|papadopoulos', role: 'standard', status: 'active' },
  { first: 'Priya', last: 'Venkataraghavan', role: 'Standard', roleKey: 'user_role', status: 'active' },
  {
    first: 'Oluwaseun',
    last: 'Adeyemi-Cole',
    role: 'Admin',
    roleKey: 'user_role',
    status: 'active',
    picture: true,
  },
  { first: 'Nguyễn', last: 'Thảo', role: 'standard', status: 'active', sparse: true },
  // Invited six weeks ago and never accepted: a stale invitation.
  { first: 'Łukasz', last: 'Wiśniewski', role: 'light', status: 'invited', joined: 45 },
  { first: 'Björn', last: 'Østergaard', role: 'standard', status: 'disabled', updatedKey: 'updated_at' },
  {
    first: 'Seán',
    last: 'Ó Súilleabháin',
    role: 'light',
    status: 'active',
    signIn: 'never',
    jobTitle: null,
  },
  { first: 'Marie-Claire', last: 'de la Fontaine', role: 'Light', status: 'active' },
  // BOT_MEMBER_ID: Tallyfy's bot, which refuses every change.
  {
    first: 'Tallyfy',
    last: 'Bot',
    email: `bot@${DOMAIN}`,
    role: 'standard',
    status: 'active',
    jobTitle: 'Automation',
  },
  // Last, after the bot, so adding it moved no other fixed person's ID.
  {
    // The formula is the last name, so the full name sorts under F, among people, not first.
    first: 'Formula',
    last: FORMULA_NAME,
    email: `formula.probe@${DOMAIN}`,
    role: 'standard',
    status: 'active',
    jobTitle: '+1 (555) 010-0199',
  },
]

/** The culture a fixed person's name comes from, so their locale, timezone and phone agree with it. */
function cultureOf(spec: MemberSpec): Culture {
  const own = [spec.first, spec.last]
  return (
    CULTURES.find((c) => own.some((n) => c.first.includes(n) || c.last.includes(n))) ??
    (CULTURES[0] as Culture)
  )
}

interface MemberContext {
  seed: number
  localParts: Map<string, number>
  adminIds: number[]
}

function uniqueEmail(ctx: MemberContext, local: string, domain: string): string {
  const seen = ctx.localParts.get(local) ?? 0
  ctx.localParts.set(local, seen + 1)
  return seen === 0 ? `${local}@${domain}` : `${local}${seen + 1}@${domain}`
}

function buildMember(ctx: MemberContext, id: number, spec: MemberSpec | null): WireMember {
  const rng = mulberry32(mix(ctx.seed, id))
  const culture = spec ? cultureOf(spec) : pickCulture(rng)
  const firstRaw = spec?.first ?? pick(rng, culture.first)
  const lastRaw = spec?.last ?? pick(rng, culture.last)
  const first = displayName(firstRaw)
  const last = displayName(lastRaw)

  const r = rng()
  const status: WireStatus = spec?.status ?? (r < 0.85 ? 'active' : r < 0.94 ? 'invited' : 'disabled')
  const rr = rng()
  const baseRole = rr < 0.08 ? 'admin' : rr < 0.7 ? 'standard' : 'light'
  // Tallyfy's read payloads mix casings; a few capitalised roles keep the client honest.
  const role = spec?.role ?? (rng() < 0.04 ? baseRole.charAt(0).toUpperCase() + baseRole.slice(1) : baseRole)
  const roleKey: RoleKey = spec?.roleKey ?? 'role'
  if (role.toLowerCase() === 'admin' && status === 'active') ctx.adminIds.push(id)

  const domain = spec ? DOMAIN : rng() < 0.06 ? `contractors.${DOMAIN}` : DOMAIN
  const email =
    spec?.email ?? uniqueEmail(ctx, `${emailPart(firstRaw) || 'member'}.${emailPart(lastRaw) || id}`, domain)
  const fullName = `${first} ${last}`

  const sparse = spec?.sparse ?? (id > FIRST_MEMBER_ID + 50 && rng() < 0.02)
  if (sparse) return { id, email, first_name: first, last_name: last, full_name: fullName, status }

  const { createdAt, activatedAt, disabledAt, lastLogin, lastAccess, updatedAt } = memberDates(
    ctx.seed,
    id,
    status,
    spec,
  )
  skipRetiredDateDraws(rng, status, spec)
  const updatedKey = spec?.updatedKey ?? (rng() < 0.3 ? 'updated_at' : 'last_updated')
  const [timezone, offset] = pick(rng, culture.timezones)
  const hasPicture = spec?.picture ?? rng() < 0.33
  const profilePic = hasPicture ? pick(rng, avatars()) : null
  const jobTitle =
    spec && spec.jobTitle !== undefined ? spec.jobTitle : rng() < 0.8 ? pick(rng, JOB_TITLES) : null
  const phone = rng() < 0.7 ? culture.phone(rng) : null
  const invitedBy =
    id === FIRST_MEMBER_ID ? null : pick(rng, ctx.adminIds.length > 0 ? ctx.adminIds : [DEMO_ME_ID])

  const member: WireMember = {
    id,
    email,
    username: email,
    first_name: first,
    last_name: last,
    full_name: fullName,
    profile_pic: profilePic,
    locale: culture.locale,
    is_active: status === 'active',
    is_suspended: false,
    support_user: false,
    country_id: culture.countryId,
    phone,
    job_title: jobTitle,
    job_description:
      jobTitle && rng() < 0.15
        ? `Owns day-to-day ${jobTitle.toLowerCase()} work.\nBackup: ask the team lead.`
        : null,
    team: rng() < 0.5 ? pick(rng, TEAMS) : null,
    timezone,
    UTC_offset: offset,
    date_format: culture.dateFormat,
    status,
    is_default_admin: id === DEFAULT_ADMIN_ID,
    created_at: iso(createdAt),
    activated_at: activatedAt === null ? null : iso(activatedAt),
    last_login_at: lastLogin === null ? null : iso(lastLogin),
    last_accessed_at: lastAccess === null ? null : iso(lastAccess),
    invited_by: invitedBy,
    disabled_at: disabledAt === null ? null : iso(disabledAt),
    disabled_by: disabledAt === null ? null : DEMO_ME_ID,
  }
  member[roleKey] = role
  if (updatedKey === 'updated_at') member.updated_at = isoMicros(updatedAt)
  else member.last_updated = iso(updatedAt)
  return member
}

// ---------------------------------------------------------------------------------------------
// Guests

const GUEST_PEOPLE: readonly (readonly [
  first: string | null,
  last: string | null,
  /** null: a guest with no company on file (a private address). */
  company: string | null,
  domain: string,
])[] = [
  ['Hannah', 'Whitfield', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Rajesh', 'Menon', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Camille', 'Durand', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Tomás', 'Ó Briain', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Greta', 'Lindqvist', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Kofi', 'Asante', 'Ledgerline Audit LLP', 'ledgerline-audit.example'],
  ['Mia', 'Chen', 'Brightwave Agency', 'brightwave.example'],
  ['Lucas', 'Ferreira', 'Brightwave Agency', 'brightwave.example'],
  ['Aisha', 'Rahman', 'Brightwave Agency', 'brightwave.example'],
  ['Noah', 'Fischer', 'Brightwave Agency', 'brightwave.example'],
  [null, null, 'Brightwave Agency', 'brightwave.example'],
  ['Isabel', 'Cruz', 'Harbor Freight Partners', 'harborfreight.example'],
  ['Ethan', 'Brooks', 'Harbor Freight Partners', 'harborfreight.example'],
  ['Yuki', 'Mori', 'Harbor Freight Partners', 'harborfreight.example'],
  ['Olga', 'Petrova', 'Harbor Freight Partners', 'harborfreight.example'],
  ['Sam', 'Taylor', 'Independent', 'mail.example'],
  ['Jordan', 'Lee', 'Independent', 'mail.example'],
  ['Alex', 'Morgan', 'Independent', 'mail.example'],
  ['Fatima', 'Zahra', 'Crescent Legal', 'crescent-legal.example'],
  ['Daniel', 'Okoro', 'Crescent Legal', 'crescent-legal.example'],
  ['Sophie', 'Martin', 'Crescent Legal', 'crescent-legal.example'],
  ['Ravi', 'Kapoor', 'Nimbus IT Services', 'nimbus-it.example'],
  ['Emily', 'Clarke', 'Nimbus IT Services', 'nimbus-it.example'],
  ['Marco', 'Bianchi', 'Nimbus IT Services', 'nimbus-it.example'],
  ['Ana', 'Souza', 'Nimbus IT Services', 'nimbus-it.example'],
  ['Liam', "O'Neill", 'Greenfield Facilities', 'greenfield.example'],
  ['Chloé', 'Bernard', 'Greenfield Facilities', 'greenfield.example'],
  ['Hiroshi', 'Tanaka', 'Greenfield Facilities', 'greenfield.example'],
  ['Zanele', 'Dlamini', 'Greenfield Facilities', 'greenfield.example'],
  ['Peter', 'Novak', 'Quarry Street Consulting', 'quarrystreet.example'],
  ['Julia', 'Kowalski', 'Quarry Street Consulting', 'quarrystreet.example'],
  ['Omar', 'Haddad', 'Quarry Street Consulting', 'quarrystreet.example'],
  ['Grace', 'Kim', 'Quarry Street Consulting', 'quarrystreet.example'],
  ['Henrik', 'Larsen', 'Polar Logistics', 'polar-logistics.example'],
  ['Amara', 'Nwosu', 'Polar Logistics', 'polar-logistics.example'],
  ['Diego', 'Navarro', 'Polar Logistics', 'polar-logistics.example'],
  ['Ingrid', 'Berg', 'Polar Logistics', 'polar-logistics.example'],
  ['Victor', 'Dumont', 'Self-employed', 'freelance.example'],
  ['Leah', 'Goldberg', 'Self-employed', 'freelance.example'],
  ['Ming', 'Zhou', 'Self-employed', 'freelance.example'],
  // Appended, so every guest above keeps the values it had.
  ['Nadia', 'Karim', null, 'inbox.example'],
  ['Ben', 'Carter', null, 'post.example'],
  ['Lina', 'Sato', null, 'inbox.example'],
]

/** Index in GUEST_PEOPLE of the guest who belongs to several groups (see groupSpecs). */
export const MULTI_GROUP_GUEST = 17
/** A status typed by hand in Tallyfy: free text, odd case and punctuation, shown as written. */
export const ODD_GUEST_STATUS = 'ON HOLD (legal) — do NOT share pricing!!'
const ODD_STATUS_GUEST = 5
/** Index in GUEST_PEOPLE of the one disabled guest (in no group). */
const DISABLED_GUEST = 16

function buildGuests(seed: number, memberIds: readonly number[]): WireGuest[] {
  const rng = mulberry32(mix(seed, 0x6e57))
  const guests = GUEST_PEOPLE.map(([first, last, company, domain], i): WireGuest => {
    const local = first && last ? `${emailPart(first)}.${emailPart(last)}` : `accounts-payable`
    const email = `${local}@${domain}`
    const created = DEMO_NOW - intBetween(rng, 10, 900) * DAY
    const accessed = rng() < 0.75 ? created + Math.floor(rng() * (DEMO_NOW - created)) : null
    // The draw stays where it was for both former disabled guests, so the guests after them keep
    // their values; only one of them is disabled now.
    const disabledDraw = i % 17 === 16 ? iso(DEMO_NOW - intBetween(rng, 1, 60) * DAY) : null
    const disabled = i === DISABLED_GUEST ? disabledDraw : null
    const associated = memberIds.length > 0 && rng() < 0.6 ? [pick(rng, memberIds)] : null
    return {
      id: 70001 + i,
      email,
      first_name: first,
      last_name: last,
      created_at: iso(created),
      deleted_at: null,
      last_accessed_at: accessed === null ? null : iso(accessed),
      last_known_ip: accessed === null ? null : `203.0.113.${intBetween(rng, 2, 250)}`,
      last_known_country:
        accessed === null
          ? null
          : pick(rng, ['United States', 'United Kingdom', 'Germany', 'Brazil', 'Japan', 'Nigeria']),
      link: `https://go.tallyfy.com/${DEMO_ORG_ID}/guest/${hexId(`guest-link:${email}`)}`,
      details: {
        status: pick(rng, ['Client', 'Prospect', 'Vendor', 'Auditor', '', 'On hold – contract renewal']),
        phone_1: rng() < 0.6 ? `+1 555 ${digits(rng, 3)} ${digits(rng, 4)}` : null,
        phone_2: null,
        timezone: pick(rng, ['America/New_York', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo', null]),
        image_url: null,
        contact_url: null,
        company_url: company === null ? null : `https://www.${domain}`,
        opportunity_url: null,
        company_name: company,
        opportunity_name: rng() < 0.2 ? 'FY27 renewal' : null,
        external_sync_source: null,
        external_date_creation: null,
        cadence_days: rng() < 0.2 ? ['Monday', 'Thursday'] : null,
        associated_members: associated,
        last_city: accessed === null ? null : pick(rng, ['Boston', 'Leeds', 'Munich', 'Osaka', 'Lagos']),
        last_country: accessed === null ? null : pick(rng, ['US', 'GB', 'DE', 'JP', 'NG']),
        last_accessed_at: accessed === null ? null : iso(accessed),
        disabled_at: disabled,
        disabled_by: disabled === null ? null : DEMO_ME_ID,
        reactivated_at: null,
        reactivated_by: null,
      },
    }
  })
  // Set after the draws, so every other guest keeps the values it had.
  const odd = guests[ODD_STATUS_GUEST]
  if (odd) odd.details.status = ODD_GUEST_STATUS
  return guests
}

// ---------------------------------------------------------------------------------------------
// Groups

interface GroupSpec {
  name: string
  description: string
  logo: 'svg' | 'none' | 'javascript'
  colour?: string
  /** Share of the eligible (not disabled) members in the group. */
  share: number
  minMembers?: number
  guests?: readonly string[]
  /** Emit some member IDs as numeric strings, as some clients see them. */
  stringIds?: boolean
  includeMe?: boolean
  extraIds?: readonly (number | string)[]
  updatedKey?: 'updated_at'
}

const LONG_DESCRIPTION = [
  'Field Service Technicians install, maintain and repair relay equipment at customer sites across every region we serve.',
  'Members of this group receive dispatch tasks automatically when a ticket is raised in the service desk, and are expected to acknowledge each task within two business hours during their shift.',
  'Before joining, complete the safety induction, the working-at-height certificate and the vehicle checklist; your regional coordinator will add you once all three are on file.',
  'Escalations go to the regional coordinator first, then to the Operations on-call manager. Out-of-hours callouts are paid at the rates in the Field Services handbook, section 4.2. '
    .repeat(3)
    .trim(),
].join('\n\n')

function groupSpecs(guestEmails: readonly string[]): GroupSpec[] {
  const g = (from: number, to: number) => guestEmails.slice(from, to)
  return [
    {
      name: 'Leadership Team',
      description: 'Executives and department heads.',
      logo: 'svg',
      colour: '#1e3a8a',
      share: 0.01,
      minMembers: 4,
      includeMe: true,
    },
    {
      name: 'Operations',
      description:
        'Keeps the relay network running.\nOn-call rota lives in the Ops handbook.\nUrgent: #ops-urgent',
      logo: 'svg',
      colour: '#0f766e',
      share: 0.12,
      stringIds: true,
      includeMe: true,
    },
    {
      name: 'Customer Success',
      description: 'Onboarding, renewals and escalations for key accounts.',
      logo: 'svg',
      colour: '#b45309',
      share: 0.08,
      guests: [...g(11, 13), ...g(MULTI_GROUP_GUEST, MULTI_GROUP_GUEST + 1)],
    },
    { name: 'Sales — EMEA', description: 'Europe, Middle East and Africa.', logo: 'none', share: 0.04 },
    {
      name: 'Sales — Americas',
      description: 'North and South America.',
      logo: 'none',
      share: 0.04,
      updatedKey: 'updated_at',
    },
    { name: 'Sales — APAC', description: 'Asia-Pacific, from Auckland to Tokyo.', logo: 'none', share: 0.03 },
    {
      name: 'Marketing',
      description: 'Brand, campaigns, events and the website.',
      logo: 'svg',
      colour: '#be123c',
      share: 0.03,
      guests: g(6, 11),
    },
    {
      name: 'Engineering — Platform',
      description: 'APIs, infrastructure and the relay firmware.',
      logo: 'svg',
      colour: '#4338ca',
      share: 0.05,
    },
    {
      name: 'Engineering — Mobile',
      description: 'iOS and Android apps for field staff.',
      logo: 'svg',
      colour: '#6d28d9',
      share: 0.025,
    },
    {
      name: 'Design & Research',
      description: 'Product design, UX research and the design system.',
      logo: 'svg',
      colour: '#db2777',
      share: 0.015,
    },
    {
      name: 'Finance & Accounting',
      description: 'Budgets, invoices, payroll and the year-end close.',
      logo: 'none',
      share: 0.02,
    },
    {
      name: 'People & Culture',
      description: 'Hiring, onboarding, benefits and wellbeing.',
      logo: 'svg',
      colour: '#15803d',
      share: 0.015,
    },
    {
      name: 'Legal & Compliance',
      description: 'Contracts, privacy and regulatory filings.',
      logo: 'svg',
      colour: '#334155',
      share: 0.008,
      minMembers: 2,
      guests: g(18, 21),
    },
    {
      name: 'IT Helpdesk',
      description:
        'Laptops, accounts, access requests.\nRaise a ticket rather than messaging people directly.',
      logo: 'svg',
      colour: '#0369a1',
      share: 0.01,
      guests: [...g(21, 25), ...g(MULTI_GROUP_GUEST, MULTI_GROUP_GUEST + 1)],
    },
    {
      name: 'Security Review Board',
      description: 'Reviews vendor access and incident reports.',
      logo: 'none',
      share: 0.005,
      minMembers: 3,
      includeMe: true,
    },
    {
      name: 'Procurement',
      description: 'Purchasing and vendor onboarding.',
      logo: 'svg',
      colour: '#a16207',
      share: 0.012,
    },
    {
      name: 'Facilities — Berlin Office',
      description: 'Desks, keys and the coffee machine at Torstraße 12.',
      logo: 'none',
      share: 0.02,
      guests: g(25, 29),
    },
    {
      name: 'Facilities — São Paulo Office',
      description: 'Escritório de São Paulo: mesas, chaves e recepção.',
      logo: 'svg',
      colour: '#047857',
      share: 0.015,
    },
    {
      name: '東京オフィス',
      description: '東京オフィスのメンバー (Tokyo office).',
      logo: 'svg',
      colour: '#b91c1c',
      share: 0.02,
    },
    {
      name: 'Onboarding Buddies',
      description: 'Volunteers who show new hires around during their first month.',
      logo: 'svg',
      colour: '#c2410c',
      share: 0.02,
      stringIds: true,
      extraIds: ['1005'],
    },
    {
      name: 'Quality Assurance',
      description: 'Test plans, release checks and the defect triage meeting.',
      logo: 'none',
      share: 0.015,
    },
    {
      name: 'Data & Analytics',
      description: 'Dashboards, forecasting and data requests.',
      logo: 'svg',
      colour: '#0e7490',
      share: 0.015,
    },
    {
      name: 'Partner Channel',
      description: 'Resellers and integration partners.',
      logo: 'javascript',
      share: 0.01,
      guests: g(29, 33),
    },
    {
      name: 'Field Service Technicians',
      description: LONG_DESCRIPTION,
      logo: 'svg',
      colour: '#854d0e',
      share: 0.1,
    },
    {
      name: 'Warehouse — Night Shift',
      description: 'Pick, pack and dispatch between 22:00 and 06:00.',
      logo: 'none',
      share: 0.03,
      guests: g(33, 37),
      updatedKey: 'updated_at',
    },
    {
      name: 'Social Committee 🎉',
      description: 'Friday drinks, the summer party and the annual hackathon.',
      logo: 'svg',
      colour: '#9333ea',
      share: 0.02,
    },
    {
      name: 'Cross-functional Working Group on Regulatory Readiness for the 2027 Product Launch in Regulated Markets',
      description: 'Temporary group; disbands after launch.',
      logo: 'none',
      share: 0.006,
      minMembers: 3,
    },
    {
      name: 'External Auditors',
      description: 'Auditors with access to the year-end evidence checklists.',
      logo: 'none',
      share: 0.002,
      minMembers: 1,
      guests: g(0, 6),
    },
    {
      name: 'Contractors & Agencies',
      description: 'Temporary staff and agency contacts.',
      logo: 'svg',
      colour: '#57534e',
      share: 0.01,
      guests: [...g(37, 40), ...g(MULTI_GROUP_GUEST, MULTI_GROUP_GUEST + 1)],
      extraIds: [REMOVED_MEMBER_ID],
    },
    {
      name: 'Archived: 2023 Audit Project',
      description: 'Kept for the record. Nobody is in it any more.',
      logo: 'none',
      share: 0,
    },
    {
      name: 'Board Observers',
      description: 'Reserved for board observers; currently empty.',
      logo: 'svg',
      colour: '#1f2937',
      share: 0,
    },
    // Appended, so every group above keeps its ID and dates. Empty too: set up, not yet filled.
    {
      name: 'Summer Interns 2027',
      description: 'Ready for next June’s interns; nobody has joined yet.',
      logo: 'svg',
      colour: '#0d9488',
      share: 0,
    },
    {
      name: 'Sustainability Champions',
      description: 'Proposed in the staff survey; waiting for its first volunteers.',
      logo: 'none',
      share: 0,
    },
  ]
}

function initialsOf(name: string): string {
  const words = name
    .replace(/[^A-Za-z ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
  return ((words[0]?.[0] ?? 'G') + (words[1]?.[0] ?? '')).toUpperCase()
}

function buildGroups(
  seed: number,
  members: readonly WireMember[],
  guests: readonly WireGuest[],
): WireGroup[] {
  const eligible = members.filter((m) => m.status !== 'disabled')
  const specs = groupSpecs(guests.map((guest) => guest.email))
  return specs.map((spec, index) => {
    const rng = mulberry32(mix(seed, 0x67000 + index))
    const ids = new Set<number>()
    if (spec.share > 0) {
      if (spec.includeMe && members.some((m) => m.id === DEMO_ME_ID)) ids.add(DEMO_ME_ID)
      // Geometric skips give the same distribution as one coin flip per member, with far fewer draws.
      const logMiss = Math.log(1 - Math.min(spec.share, 0.999))
      for (
        let i = Math.floor(Math.log(1 - rng()) / logMiss);
        i < eligible.length;
        i += 1 + Math.floor(Math.log(1 - rng()) / logMiss)
      ) {
        const member = eligible[i]
        if (member) ids.add(member.id)
      }
      // Small orgs would leave low-share groups empty by chance; only the deliberately empty ones may be.
      const min = Math.min(spec.minMembers ?? 3, eligible.length)
      for (let i = 0; ids.size < min && i < eligible.length * 4; i++) ids.add(pick(rng, eligible).id)
    }
    // The spread already copies; toSorted is outside the ES2022 lib this project targets.
    // oxlint-disable-next-line unicorn/no-array-sort
    const sorted = [...ids].sort((a, b) => a - b)
    const memberIds: Array<number | string> = spec.stringIds
      ? sorted.map((id, i) => (i % 3 === 1 ? String(id) : id))
      : sorted
    for (const extra of spec.extraIds ?? []) {
      const known =
        typeof extra === 'number'
          ? extra === REMOVED_MEMBER_ID || members.some((m) => m.id === extra)
          : members.some((m) => String(m.id) === extra && m.status !== 'disabled')
      if (known && !memberIds.some((id) => String(id) === String(extra))) memberIds.push(extra)
    }
    const created = DEMO_NOW - (900 - index * 23) * DAY - intBetween(rng, 0, DAY)
    const updated = created + intBetween(rng, 1, 800 - index * 20) * DAY
    const logo =
      spec.logo === 'svg'
        ? groupLogo(initialsOf(spec.name), spec.colour ?? '#334155')
        : spec.logo === 'javascript'
          ? 'javascript:alert(1)'
          : null
    const group: WireGroup = {
      id: hexId(`roster-demo-group:${index}`),
      name: spec.name,
      description: spec.description,
      logo,
      members: memberIds,
      guests: [...(spec.guests ?? [])],
      created_at: iso(created),
    }
    if (spec.updatedKey === 'updated_at') {
      group.updated_at = isoMicros(updated)
      group.deleted_at = null
    } else group.last_updated = iso(updated)
    return group
  })
}

/** Group IDs per member ID, from the groups' `members`; rebuilt after a write changes them. */
export function indexGroupMembership(groups: readonly WireGroup[]): Map<number, string[]> {
  const groupIdsByMember = new Map<number, string[]>()
  for (const group of groups) {
    for (const raw of group.members) {
      const id = Number(raw)
      const list = groupIdsByMember.get(id)
      if (list) list.push(group.id)
      else groupIdsByMember.set(id, [group.id])
    }
  }
  return groupIdsByMember
}

// ---------------------------------------------------------------------------------------------
// Work members own (GET /users/{id}/reassignment-information)

const workId = (key: string) => hexId(`roster-demo-work:${key}`)
const deadlineIn = (days: number) => iso(DEMO_NOW + days * DAY)

/**
 * DEMO_WORK_OWNER_ID's work, dated from DEMO_NOW (createDemoOrg moves the deadlines with the rest).
 * Empty when the organization is too small to have them, or they are not active.
 */
function buildWork(members: readonly WireMember[]): DemoWorkItem[] {
  const owner = members.find((m) => m.id === DEMO_WORK_OWNER_ID)
  if (!owner || owner.status !== 'active') return []
  const ownerId = owner.id
  const id = workId
  const due = deadlineIn
  const onboarding = id('template:onboarding')
  const review = id('template:access-review')
  const onboardingRun = id('process:onboarding-harbor')
  const reviewRun = id('process:access-review-q4')
  return [
    { kind: 'template', id: onboarding, title: 'Customer onboarding', ownerId },
    { kind: 'template', id: review, title: 'Quarterly access review', ownerId },
    {
      kind: 'step',
      id: id('step:kickoff'),
      title: 'Approve the kickoff call',
      templateId: onboarding,
      ownerId,
    },
    { kind: 'step', id: id('step:welcome'), title: 'Send the welcome pack', templateId: onboarding, ownerId },
    // A step in a template someone else owns: only the step is theirs.
    {
      kind: 'step',
      id: id('step:due-diligence'),
      title: 'Sign off vendor due diligence & contracts',
      templateId: id('template:vendor-due-diligence'),
      ownerId,
    },
    {
      kind: 'process-task',
      id: id('task:schedule-kickoff'),
      name: 'Schedule the kickoff call',
      deadline: due(2),
      processId: onboardingRun,
      runName: 'Onboarding — Harbor Freight Partners',
      templateName: 'Customer onboarding',
      ownerId,
    },
    {
      kind: 'process-task',
      id: id('task:billing-contact'),
      name: 'Confirm the billing contact',
      deadline: null,
      processId: onboardingRun,
      runName: 'Onboarding — Harbor Freight Partners',
      templateName: 'Customer onboarding',
      ownerId,
    },
    {
      kind: 'process-task',
      id: id('task:engineering-access'),
      name: 'Review Engineering’s access',
      deadline: due(-1),
      processId: reviewRun,
      runName: 'Q4 access review',
      templateName: 'Quarterly access review',
      ownerId,
    },
    {
      kind: 'one-off-task',
      id: id('task:berlin-lease'),
      name: 'Renew the Berlin office lease',
      deadline: due(9),
      ownerId,
    },
    { kind: 'one-off-task', id: id('task:board-pack'), name: 'Send the board pack', deadline: null, ownerId },
  ]
}

// ---------------------------------------------------------------------------------------------

export function createDemoOrg(options: DemoOrgOptions = {}): DemoOrg {
  const { members: requested = 300, seed = 1 } = options
  const count = Math.max(
    1,
    Math.min(MAX_DEMO_MEMBERS, Math.floor(Number.isFinite(requested) ? requested : 300)),
  )
  const ctx: MemberContext = { seed, localParts: new Map(), adminIds: [] }
  const members: WireMember[] = []
  for (let i = 0; i < count; i++) {
    const id = FIRST_MEMBER_ID + i
    members.push(buildMember(ctx, id, SPECIAL_MEMBERS[i] ?? null))
  }
  const me = members[0] as WireMember

  const activeIds = members.filter((m) => m.status === 'active').map((m) => m.id)
  const guests = buildGuests(seed, activeIds.slice(0, 200))
  const groups = buildGroups(seed, members, guests)

  const groupIdsByMember = indexGroupMembership(groups)

  const organization: WireOrganization = {
    id: DEMO_ORG_ID,
    name: DEMO_ORG_NAME,
    slug: 'northwind-relay',
    timezone: 'Europe/London',
    created_on: iso(DEMO_NOW - 6 * 365 * DAY - 40 * DAY),
    users_count: activeIds.length,
    guests_count: guests.length,
    allow_manage_groups: true,
    user_role: 'Admin',
  }

  const work = buildWork(members)
  const guestsWithOpenTasks = new Set(
    guests.some((g) => g.email === DEMO_GUEST_WITH_TASKS) ? [DEMO_GUEST_WITH_TASKS] : [],
  )

  const shift = options.now === undefined ? 0 : options.now - DEMO_NOW
  if (shift !== 0) for (const record of [...members, ...groups, ...guests, ...work]) shiftDates(record, shift)
  return {
    id: DEMO_ORG_ID,
    name: DEMO_ORG_NAME,
    seed,
    organization,
    me,
    members,
    groups,
    guests,
    groupIdsByMember,
    work,
    guestsWithOpenTasks,
  }
}

const GENERATED_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/**
 * Moves every date the generator wrote (`toISOString` form) by `ms`, in place, nested objects
 * included. Dates written in Tallyfy's other documented spellings, kept to exercise the parsers,
 * stay as they are.
 */
function shiftDates(record: object, ms: number): void {
  const fields = record as Record<string, unknown>
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && GENERATED_DATE.test(value))
      fields[key] = new Date(Date.parse(value) + ms).toISOString()
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) shiftDates(value, ms)
  }
}

/** The role whichever key carried it, as the wire spelled it. */
export function wireRole(member: WireMember): string | undefined {
  return member.role ?? member.user_role
}
