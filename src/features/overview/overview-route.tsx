// /overview: the organization at a glance (seats, sign-in recency, stale invitations, hygiene),
// computed in one pass over the lists Roster already holds (the member directory, groups, guests),
// with no request of its own. Every figure and every bar links to the list of exactly those people.
import { useDeferredValue, useId, useMemo, useState, type ReactNode } from 'react'
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { describeApiError } from '../../api/describe-error'
import { groupQueries } from '../../api/groups/queries'
import { guestQueries } from '../../api/guests/queries'
import { memberQueries } from '../../api/members/queries'
import type { ListCompleteness, MemberDirectory } from '../../api/types'
import { PageTitle } from '../../components/page-title'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { formatCount } from '../../lib/format'
import { computeOverview, type OverviewFigures } from '../../lib/overview'
import { overviewLinks } from '../../lib/overview-links'
import { paths } from '../../lib/paths'
import {
  INACTIVE_DAY_CHOICES,
  STALE_INVITATION_DAYS,
  type InactiveDays,
  type SignInBucket,
} from '../../lib/recency'
import { useOrgId } from '../auth/session'
import { BarList, type BarRow, type BarTone } from './bar-list'
import { ChartCard } from './chart-card'
import { ColumnChart } from './column-chart'
import { countName, FigureCard } from './figure-card'
import { useInactiveDays } from './use-inactive-days'
import './overview.css'

export function Component() {
  const orgId = useOrgId()
  const directory = useQuery(memberQueries.directory(orgId))

  let content
  const data = directory.data
  if (data && data.complete && data.members.length === 0) {
    content = (
      <EmptyState
        title="No members yet"
        message="When people join or are invited to this organization, their seats, sign-ins and invitations are summed up here."
      />
    )
  } else if (data && data.members.length > 0) {
    content = (
      <OverviewBody
        orgId={orgId}
        directory={data}
        error={directory.isError ? directory.error : null}
        onRetry={() => void directory.refetch()}
      />
    )
  } else if (directory.isError) {
    content = <ErrorState error={directory.error} onRetry={() => void directory.refetch()} what="members" />
  } else if (data && data.loading === false && !data.complete) {
    // The server announced members and sent none: neither "No members yet" nor a spinner forever.
    content = (
      <PartialNotice
        loaded={0}
        total={data.total}
        loading={false}
        error={null}
        onRetry={() => void directory.refetch()}
      />
    )
  } else {
    content = <LoadingState label="Loading the overview…" />
  }

  return (
    <div className="overview-page">
      <PageTitle title="Overview" />
      <h1 className="overview-page__title" tabIndex={-1}>
        Overview
      </h1>
      {content}
    </div>
  )
}

function OverviewBody({
  orgId,
  directory,
  error,
  onRetry,
}: {
  orgId: string
  directory: MemberDirectory
  error: unknown
  onRetry: () => void
}) {
  const groupsQuery = useQuery(groupQueries.list(orgId))
  const guestsQuery = useQuery(guestQueries.list(orgId))
  // A list that stopped short (a page failed, or fewer came than Tallyfy announced) still gives
  // figures, and says they are short, as the list's own page does.
  const groupsShort = shortOf(groupsQuery.data, useQuery(groupQueries.completeness(orgId)).data)
  const guestsShort = shortOf(guestsQuery.data, useQuery(guestQueries.completeness(orgId)).data)
  const [inactiveDays, setInactiveDays] = useInactiveDays()

  // Pages of a large directory can land faster than the figures are summed; React skips to the newest.
  const shown = useDeferredValue(directory)
  const members = shown.members
  const complete = shown.complete
  const groups = groupsQuery.data ?? null
  const guests = guestsQuery.data ?? null
  // Ages (last sign-in, invitations) are measured from when the page was opened, so the figures
  // hold still while the directory fills or the threshold changes.
  const [now] = useState(Date.now)
  const figures = useMemo(
    () => computeOverview({ members, groups, guests, now, inactiveDays, complete }),
    [members, groups, guests, now, inactiveDays, complete],
  )

  const loading = directory.loading ?? !directory.complete
  const total = directory.complete
    ? directory.members.length
    : Math.max(directory.total, directory.members.length)
  const partial = !figures.complete

  return (
    <>
      {!directory.complete && (
        <PartialNotice
          loaded={directory.members.length}
          total={total}
          loading={loading}
          error={error}
          onRetry={onRetry}
        />
      )}
      <div className="overview-top">
        <SeatsSection figures={figures} partial={partial} />
        <AttentionSection
          figures={figures}
          partial={partial}
          inactiveDays={inactiveDays}
          onInactiveDaysChange={setInactiveDays}
        />
      </div>
      <div className="overview-charts">
        <LastSignInChart figures={figures} />
        <JoinedChart figures={figures} />
      </div>
      <section className="overview-section" aria-labelledby="overview-people">
        <h2 id="overview-people" className="overview-section__title">
          People and groups
        </h2>
        <div className="overview-breakdowns">
          <MembersByStatus figures={figures} partial={partial} />
          <MembersByRole figures={figures} partial={partial} />
          <GuestsCard
            figures={figures}
            guestsState={listState(guestsQuery)}
            groupsState={listState(groupsQuery)}
            short={guestsShort}
            groupsShort={groupsShort !== null}
            onRetry={() => void guestsQuery.refetch()}
            retrying={guestsQuery.isFetching}
          />
          <GroupsCard
            figures={figures}
            groupsState={listState(groupsQuery)}
            short={groupsShort}
            onRetry={() => void groupsQuery.refetch()}
            retrying={groupsQuery.isFetching}
          />
        </div>
      </section>
    </>
  )
}

/** How far a loaded list stopped short of what Tallyfy announced; null when it is whole (or not loaded). */
interface ListShort {
  loaded: number
  total: number | null
  error: unknown
}

function shortOf(list: readonly unknown[] | undefined, completeness: ListCompleteness | null | undefined) {
  if (list === undefined || !completeness || completeness.complete) return null
  return { loaded: list.length, total: completeness.total, error: completeness.error } satisfies ListShort
}

/** "Figures from 10 of 43 guests, so they are incomplete." with why and Retry, inside a card. */
function ShortNote({
  short,
  what,
  onRetry,
  retrying,
}: {
  short: ListShort
  what: 'guests' | 'groups'
  onRetry: () => void
  retrying: boolean
}) {
  const of = short.total !== null && short.total > short.loaded ? ` of ${formatCount(short.total)}` : ''
  const why = short.error != null ? describeApiError(short.error, what).message : null
  return (
    <div className="breakdown__note breakdown__note--warning" role="alert">
      <span>
        Figures from {formatCount(short.loaded)}
        {of} {what}, so they are incomplete.{why && ` ${why}`}
      </span>{' '}
      <button type="button" className="button button--small" onClick={onRetry} disabled={retrying}>
        Retry
      </button>
    </div>
  )
}

type ListState = { kind: 'ready' } | { kind: 'loading' } | { kind: 'error'; error: unknown }

/** A list's state for its figures: cached data is shown even while a refresh fails (the shell says so). */
function listState(query: { data: unknown; isError: boolean; error: unknown }): ListState {
  if (query.data !== undefined) return { kind: 'ready' }
  if (query.isError) return { kind: 'error', error: query.error }
  return { kind: 'loading' }
}

/**
 * The members page's honesty: while the directory fills, the figures say they are partial; once a
 * load stopped short, they say they are incomplete and offer Retry.
 */
function PartialNotice({
  loaded,
  total,
  loading,
  error,
  onRetry,
}: {
  loaded: number
  total: number
  loading: boolean
  error: unknown
  onRetry: () => void
}) {
  if (loading) {
    return (
      <output className="banner banner--info overview-notice">
        <span>
          Figures from {formatCount(loaded)} of {formatCount(total)} members; the rest are loading.
        </span>
        <progress
          className="overview-notice__progress"
          value={loaded}
          max={Math.max(total, 1)}
          aria-label="Members loaded"
        />
      </output>
    )
  }
  const why = error != null ? describeApiError(error, 'members').message : null
  return (
    <div className="banner banner--warning overview-notice" role="alert">
      <span>
        Figures from {formatCount(loaded)} of {formatCount(total)} members, so they are incomplete.
        {why && ` ${why}`}
      </span>
      <button type="button" className="button button--small" onClick={onRetry}>
        Retry
      </button>
    </div>
  )
}

function SeatsSection({ figures, partial }: { figures: OverviewFigures; partial: boolean }) {
  const { seats, administrators, defaultAdministrator } = figures
  return (
    <section className="overview-section" aria-labelledby="overview-seats">
      <div className="overview-section__header">
        <h2 id="overview-seats" className="overview-section__title">
          Seats
        </h2>
      </div>
      <div className="figure-grid">
        <FigureCard
          to={overviewLinks.seats('full')}
          label="Full seats in use"
          count={seats.full}
          name={countName(seats.full, 'full seat in use', 'full seats in use')}
          partial={partial}
          hint="Active and invited Administrators and Standard members"
        />
        <FigureCard
          to={overviewLinks.seats('light')}
          label="Light seats in use"
          count={seats.light}
          name={countName(seats.light, 'light seat in use', 'light seats in use')}
          partial={partial}
          hint="Active and invited Light members"
        />
        <FigureCard
          to={overviewLinks.administrators()}
          label="Administrators"
          count={administrators}
          name={countName(administrators, 'administrator', 'administrators')}
          partial={partial}
          hint="Active and invited"
          extra={
            defaultAdministrator ? (
              <>
                Default:{' '}
                <Link to={paths.member(defaultAdministrator.id)} className="figure-card__person">
                  {defaultAdministrator.fullName}
                </Link>
              </>
            ) : null
          }
        />
      </div>
    </section>
  )
}

function AttentionSection({
  figures,
  partial,
  inactiveDays,
  onInactiveDaysChange,
}: {
  figures: OverviewFigures
  partial: boolean
  inactiveDays: InactiveDays
  onInactiveDaysChange: (days: InactiveDays) => void
}) {
  const selectId = useId()
  return (
    <section className="overview-section" aria-labelledby="overview-attention">
      <div className="overview-section__header">
        <h2 id="overview-attention" className="overview-section__title">
          Needs attention
        </h2>
        <div className="overview-inactive">
          <label htmlFor={selectId} className="overview-inactive__label">
            Inactive after
          </label>
          <select
            id={selectId}
            className="overview-inactive__select"
            value={inactiveDays}
            onChange={(event) => onInactiveDaysChange(Number(event.target.value) as InactiveDays)}
          >
            {INACTIVE_DAY_CHOICES.map((days) => (
              <option key={days} value={days}>
                {days} days
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="figure-grid">
        <FigureCard
          to={overviewLinks.staleInvitations()}
          label={`Invitations older than ${STALE_INVITATION_DAYS} days`}
          count={figures.staleInvitations}
          name={countName(
            figures.staleInvitations,
            `invitation older than ${STALE_INVITATION_DAYS} days`,
            `invitations older than ${STALE_INVITATION_DAYS} days`,
          )}
          partial={partial}
          hint="Each holds a seat until it is accepted or withdrawn"
          attention
        />
        <FigureCard
          to={overviewLinks.neverSignedIn()}
          label="Never signed in"
          count={figures.neverSignedIn}
          name={countName(figures.neverSignedIn, 'member never signed in', 'members never signed in')}
          partial={partial}
          hint="Active members with no sign-in on record"
          attention
        />
        <FigureCard
          to={overviewLinks.inactive(inactiveDays)}
          label={`Not signed in for ${inactiveDays} days`}
          count={figures.inactive}
          name={countName(
            figures.inactive,
            `member not signed in for ${inactiveDays} days`,
            `members not signed in for ${inactiveDays} days`,
          )}
          partial={partial}
          hint="Active members who signed in before, but not since"
          attention
        />
      </div>
    </section>
  )
}

const bucketTones: Record<SignInBucket, BarTone> = {
  week: 'accent',
  month: 'accent',
  '1-3m': 'accent',
  '3-12m': 'warning',
  'over-1y': 'warning',
  never: 'neutral',
}

function LastSignInChart({ figures }: { figures: OverviewFigures }) {
  const counted = figures.lastSignIn.reduce((sum, bar) => sum + bar.count, 0)
  const rows: BarRow[] = figures.lastSignIn.map((bar) => ({
    key: bar.bucket,
    label: bar.label,
    count: bar.count,
    to: overviewLinks.lastSignIn(bar.bucket),
    name: `${bar.label}: ${countName(bar.count, 'member', 'members')}`,
    tone: bucketTones[bar.bucket],
  }))
  return (
    <ChartCard
      title="When members last signed in"
      subtitle={`${countName(counted, 'active member', 'active members')}, by their latest sign-in`}
      columnLabel="Last sign-in"
      data={rows}
    >
      <BarList
        rows={rows}
        scale={Math.max(0, ...rows.map((r) => r.count))}
        total={counted}
        label="When members last signed in"
      />
    </ChartCard>
  )
}

function JoinedChart({ figures }: { figures: OverviewFigures }) {
  const columns = figures.joined.map((month) => ({
    key: month.month,
    month: month.month,
    label: month.label,
    count: month.count,
    to: overviewLinks.joined(month.month),
  }))
  const added = columns.reduce((sum, c) => sum + c.count, 0)
  return (
    <ChartCard
      title="Members added per month"
      subtitle={`${countName(added, 'member', 'members')} added in the last ${columns.length} months`}
      columnLabel="Month"
      countLabel="Members added"
      data={columns}
    >
      <ColumnChart columns={columns} />
    </ChartCard>
  )
}

function BreakdownCard({
  title,
  total,
  children,
}: {
  title: string
  /** The card's whole count, a link too ("300 members"). */
  total?: { to: string; count: number; name: string; partial?: boolean }
  children: ReactNode
}) {
  const headingId = useId()
  return (
    <section className="overview-panel breakdown" aria-labelledby={headingId}>
      <div className="breakdown__header">
        <h3 id={headingId} className="breakdown__title">
          {title}
        </h3>
        {total && (
          <Link
            to={total.to}
            className="breakdown__total"
            aria-label={total.partial ? `${total.name} so far` : total.name}
          >
            {formatCount(total.count)}
          </Link>
        )}
      </div>
      {children}
    </section>
  )
}

function MembersByStatus({ figures, partial }: { figures: OverviewFigures; partial: boolean }) {
  const { members } = figures
  const suffix = partial ? ' so far' : ''
  const rows: BarRow[] = [
    { key: 'active', label: 'Active', count: members.active, tone: 'accent' },
    { key: 'invited', label: 'Invited', count: members.invited, tone: 'warning' },
    { key: 'disabled', label: 'Disabled', count: members.disabled, tone: 'neutral' },
  ].map((row) => ({
    ...row,
    tone: row.tone as BarTone,
    to: overviewLinks.membersByStatus(row.key as 'active' | 'invited' | 'disabled'),
    name: `${countName(row.count, `${row.key} member`, `${row.key} members`)}${suffix}`,
  }))
  return (
    <BreakdownCard
      title="Members by status"
      total={{
        to: paths.members(),
        count: members.total,
        name: countName(members.total, 'member', 'members'),
        partial,
      }}
    >
      <BarList rows={rows} scale={members.total} total={members.total} layout="stacked" />
      {members.unknown > 0 && (
        <p className="breakdown__note">
          {countName(members.unknown, 'member has', 'members have')} a status Roster does not know.
        </p>
      )}
    </BreakdownCard>
  )
}

function MembersByRole({ figures, partial }: { figures: OverviewFigures; partial: boolean }) {
  const { roles, members } = figures
  const suffix = partial ? ' so far' : ''
  const rows: BarRow[] = [
    { key: 'admin' as const, label: 'Administrator', count: roles.admin },
    { key: 'standard' as const, label: 'Standard', count: roles.standard },
    { key: 'light' as const, label: 'Light', count: roles.light },
  ].map((row) => ({
    ...row,
    tone: 'accent',
    to: overviewLinks.membersByRole(row.key),
    name: `${countName(row.count, `${row.label} member`, `${row.label} members`)}${suffix}`,
  }))
  return (
    <BreakdownCard title="Members by role">
      <BarList rows={rows} scale={members.total} total={members.total} layout="stacked" />
      <p className="breakdown__note">
        {roles.unknown > 0
          ? `Everyone, disabled members included. ${countName(roles.unknown, 'member has', 'members have')} a role Roster does not know.`
          : 'Everyone, disabled members included.'}
      </p>
    </BreakdownCard>
  )
}

function ListProblem({ state, what, onRetry }: { state: ListState; what: string; onRetry: () => void }) {
  if (state.kind === 'loading') {
    return <LoadingState label={`Loading ${what}…`} />
  }
  if (state.kind === 'error') {
    return (
      <div className="breakdown__error" role="alert">
        <p>
          Couldn't load the {what}. {describeApiError(state.error, what).message}
        </p>
        <button type="button" className="button button--small" onClick={onRetry}>
          Retry
        </button>
      </div>
    )
  }
  return null
}

function GuestsCard({
  figures,
  guestsState,
  groupsState,
  short,
  groupsShort,
  onRetry,
  retrying,
}: {
  figures: OverviewFigures
  guestsState: ListState
  groupsState: ListState
  short: ListShort | null
  /** Some groups did not load: guests in them look groupless. */
  groupsShort: boolean
  onRetry: () => void
  retrying: boolean
}) {
  const guests = figures.guests
  if (guestsState.kind !== 'ready' || guests === null) {
    return (
      <BreakdownCard title="Guests">
        <ListProblem state={guestsState} what="guests" onRetry={onRetry} />
      </BreakdownCard>
    )
  }
  // Without the groups, every guest would look groupless: that figure waits for them.
  const groupsKnown = groupsState.kind === 'ready' && figures.groups !== null
  const unknownLists = figures.groups?.unknownLists ?? 0
  const rows: BarRow[] = [
    {
      key: 'disabled',
      label: 'Disabled',
      count: guests.disabled,
      to: overviewLinks.disabledGuests(),
      name: countName(guests.disabled, 'disabled guest', 'disabled guests'),
      tone: 'neutral',
    },
  ]
  if (groupsKnown) {
    rows.push({
      key: 'no-group',
      label: 'In no group',
      count: guests.inNoGroup,
      to: overviewLinks.guestsInNoGroup(),
      name: countName(guests.inNoGroup, 'guest in no group', 'guests in no group'),
      tone: 'warning',
    })
  }
  return (
    <BreakdownCard
      title="Guests"
      total={{
        to: overviewLinks.guests(),
        count: guests.total,
        name: countName(guests.total, 'guest', 'guests'),
      }}
    >
      <BarList rows={rows} scale={guests.total} total={guests.total} layout="stacked" />
      {short && <ShortNote short={short} what="guests" onRetry={onRetry} retrying={retrying} />}
      {groupsKnown && groupsShort && (
        <p className="breakdown__note">Guests in no group may be fewer: some groups did not load.</p>
      )}
      {!groupsKnown && (
        <p className="breakdown__note">
          {groupsState.kind === 'error'
            ? 'Guests in no group: the groups could not be loaded.'
            : 'Guests in no group: waiting for the groups…'}
        </p>
      )}
      {groupsKnown && unknownLists > 0 && (
        <p className="breakdown__note">
          Guests in no group may be fewer: {countName(unknownLists, 'group was', 'groups were')} read without
          their lists.
        </p>
      )}
    </BreakdownCard>
  )
}

function GroupsCard({
  figures,
  groupsState,
  short,
  onRetry,
  retrying,
}: {
  figures: OverviewFigures
  groupsState: ListState
  short: ListShort | null
  onRetry: () => void
  retrying: boolean
}) {
  const groups = figures.groups
  if (groupsState.kind !== 'ready' || groups === null) {
    return (
      <BreakdownCard title="Groups">
        <ListProblem state={groupsState} what="groups" onRetry={onRetry} />
      </BreakdownCard>
    )
  }
  const rows: BarRow[] = [
    {
      key: 'empty',
      label: 'Empty',
      count: groups.empty,
      to: overviewLinks.emptyGroups(),
      name: countName(groups.empty, 'empty group', 'empty groups'),
      tone: 'warning',
    },
  ]
  return (
    <BreakdownCard
      title="Groups"
      total={{
        to: overviewLinks.groups(),
        count: groups.total,
        name: countName(groups.total, 'group', 'groups'),
      }}
    >
      <BarList rows={rows} scale={groups.total} total={groups.total} layout="stacked" />
      {short && <ShortNote short={short} what="groups" onRetry={onRetry} retrying={retrying} />}
      <p className="breakdown__note">
        {groups.unknownLists > 0
          ? `No members and no guests. ${countName(groups.unknownLists, 'group was', 'groups were')} read without their lists, so not counted as empty.`
          : 'No members and no guests.'}
      </p>
    </BreakdownCard>
  )
}
