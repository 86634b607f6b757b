// The /members filters the overview's questions need: last sign-in, invitation age, seat and join
// month. Their rules and controls load beside the directory, never with the first download of
// /members (the bundle budget): members-route.tsx waits for this module when the URL holds one of
// them. Every rule is recency.ts's or seats.ts's, the overview's own, so a figure on /overview and
// the list it links to always agree.
import { useId } from 'react'
import type { Member } from '../../api/types'
import type { ListState } from '../../lib/list-state'
import { seatOf, type SeatKind } from '../../lib/overview-links'
import {
  joinedIn,
  matchesInvited,
  matchesSignIn,
  parseMonth,
  type InvitedFilter,
  type SignInFilter,
} from '../../lib/recency'

export type OverviewFilters = Pick<ListState, 'signin' | 'invited' | 'seat' | 'joined'>

// The last answer, so the page can ask on every render (a keystroke) and pay for one pass over the
// directory only when the directory or one of these filters changed.
let last: { members: readonly Member[]; key: string; keep: Uint8Array | null } | undefined

/**
 * Which members (by position in `members`, the array the search index was built from) the filters
 * keep: 1 to keep. Null when no filter is set. Ages are measured from `now`, by default the moment
 * the directory or a filter last changed.
 */
export function overviewFilterMask(
  members: readonly Member[],
  filters: OverviewFilters,
  now?: number,
): Uint8Array | null {
  const { signin, invited, seat, joined } = filters
  const key = `${signin} ${invited} ${seat} ${joined}`
  if (now === undefined && last?.members === members && last.key === key) return last.keep
  const keep = maskAt(members, filters, now ?? Date.now())
  if (now === undefined) last = { members, key, keep }
  return keep
}

function maskAt(
  members: readonly Member[],
  { signin, invited, seat, joined }: OverviewFilters,
  now: number,
): Uint8Array | null {
  const month = parseMonth(joined)
  if (!signin && !invited && !seat && !month) return null
  const keep = new Uint8Array(members.length)
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!
    keep[i] = Number(
      (!seat || seatOf(member.role, member.status) === seat) &&
        (!invited || matchesInvited(invited, member, now)) &&
        (!signin || matchesSignIn(signin, member.lastLoginAt, now)) &&
        (!month || joinedIn(month, member.createdAt)),
    )
  }
  return keep
}

/** The choices "Last sign-in" offers; any other value in the URL (an overview link) is shown as one more. */
const signInChoices: readonly SignInFilter[] = ['within-30d', 'not-90d', 'never']

/** Words for every value of `?signin=`: the chart's buckets say how long ago, so the list matches the bar it came from. */
export const signInLabels: Record<SignInFilter, string> = {
  'within-30d': 'Within 30 days',
  'not-30d': 'Not in 30 days',
  'not-60d': 'Not in 60 days',
  'not-90d': 'Not in 90 days',
  'not-180d': 'Not in 180 days',
  never: 'Never',
  week: 'This week (under 7 days ago)',
  month: 'This month (7–30 days ago)',
  '1-3m': '1–3 months ago',
  '3-12m': '3–12 months ago',
  'over-1y': 'Over a year ago',
}

const invitedChoices: readonly InvitedFilter[] = ['over-14d', 'within-14d']
const invitedLabels: Record<InvitedFilter, string> = {
  'over-14d': 'Over 14 days',
  'within-14d': 'Within 14 days',
}

const seatLabels: Record<SeatKind, string> = { full: 'Full seats', light: 'Light seats' }

const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' })

/** "Joined Mar 2026", in the browser's locale as the overview's chart labels its months. */
export function joinedLabel(month: string): string {
  const range = parseMonth(month)
  return range ? `Joined ${monthLabel.format(range.start)}` : month
}

function ChoiceSelect<T extends string>({
  label,
  anyLabel,
  value,
  choices,
  labels,
  onChange,
}: {
  label: string
  anyLabel: string
  value: T | null
  choices: readonly T[]
  labels: Record<T, string>
  onChange: (value: T | null) => void
}) {
  const id = useId()
  // A value the select does not offer (a chart's bucket, "not in 60 days") is still shown, by name.
  const options = value === null || choices.includes(value) ? choices : [...choices, value]
  return (
    <div className="member-filter">
      <label htmlFor={id} className="member-filter__label">
        {label}
      </label>
      <select
        id={id}
        className="member-filter__select"
        value={value ?? ''}
        onChange={(event) => {
          const next = event.target.value
          onChange(options.find((o) => o === next) ?? null)
        }}
      >
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * "Last sign-in" and "Invited" beside Role and Status, and the filters that have no control of their
 * own (seat, join month: an overview link sets them) as chips a person can remove, so the list never
 * looks narrowed for no visible reason.
 */
export function OverviewFilterControls({
  filters,
  onChange,
}: {
  filters: OverviewFilters
  onChange: (patch: Partial<OverviewFilters>) => void
}) {
  const chipsLabel = useId()
  const chips: Array<{ key: keyof OverviewFilters; label: string }> = []
  if (filters.seat) chips.push({ key: 'seat', label: seatLabels[filters.seat] })
  if (filters.joined) chips.push({ key: 'joined', label: joinedLabel(filters.joined) })
  return (
    <>
      <ChoiceSelect
        label="Last sign-in"
        anyLabel="Any time"
        value={filters.signin}
        choices={signInChoices}
        labels={signInLabels}
        onChange={(signin) => onChange({ signin })}
      />
      <ChoiceSelect
        label="Invited"
        anyLabel="Any"
        value={filters.invited}
        choices={invitedChoices}
        labels={invitedLabels}
        onChange={(invited) => onChange({ invited })}
      />
      {chips.length > 0 && (
        // Styled by the shared classes only: a stylesheet of its own would be one more file to fetch.
        <div className="member-filter member-filter--wide">
          <span id={chipsLabel} className="member-filter__label">
            Showing only
          </span>
          <ul className="chip-list" aria-labelledby={chipsLabel}>
            {chips.map((chip) => (
              <li key={chip.key}>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove filter: ${chip.label}`}
                  onClick={() => onChange({ [chip.key]: null })}
                >
                  {chip.label} ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
