// A person's groups, shown the same way for members and guests: in a table cell, the first two
// linked and "+N more" to the person's page; on a person's page, every group as a chip.
import { Link } from 'react-router'
import { NotSet } from '../date-display'
import { GroupLink } from './group-link'
import './group-links.css'

interface NamedGroup {
  id: string
  name: string
}

const GROUPS_SHOWN = 2

/** The table cell: "Sales, Support, +3 more", the whole list on hover. */
export function GroupsSummary({
  orgId,
  groups,
  owner,
  ownerTo,
  linkState,
}: {
  orgId: string
  groups: readonly NamedGroup[] | null
  /** Whose groups, for the "+N more" link's name ("3 more groups of Ann Lee"). */
  owner: string
  /** Where "+N more" leads: the person's page, which lists them all. */
  ownerTo: string
  linkState?: unknown
}) {
  if (!groups || groups.length === 0) return <NotSet />
  const shown = groups.slice(0, GROUPS_SHOWN)
  const rest = groups.length - shown.length
  return (
    <span className="groups-summary" title={groups.map((g) => g.name).join(', ')}>
      {shown.map((group, i) => (
        <span key={group.id}>
          <GroupLink orgId={orgId} groupId={group.id}>
            {group.name}
          </GroupLink>
          {i < shown.length - 1 || rest > 0 ? ', ' : null}
        </span>
      ))}
      {rest > 0 && (
        <Link
          to={ownerTo}
          state={linkState}
          className="groups-summary__more"
          aria-label={`${rest} more ${rest === 1 ? 'group' : 'groups'} of ${owner}`}
        >
          +{rest} more
        </Link>
      )}
    </span>
  )
}

/** A person's page: every group, linked, as a list of chips. */
export function GroupChips({ orgId, groups }: { orgId: string; groups: readonly NamedGroup[] }) {
  return (
    <ul className="chip-list">
      {groups.map((group) => (
        <li key={group.id}>
          <GroupLink orgId={orgId} groupId={group.id}>
            {group.name}
          </GroupLink>
        </li>
      ))}
    </ul>
  )
}
