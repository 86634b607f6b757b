// Tallyfy refuses to remove (or convert) its default administrator: "Cannot modify the default
// administrator. Please assign another member as default administrator first." Its words say what,
// not how; this says how, with links to the people who could take the role (the pages that offer
// "Make default administrator").
import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { isApiError } from '../../../api/errors'
import { memberQueries } from '../../../api/members/queries'
import type { Member } from '../../../api/types'
import { paths } from '../../../lib/paths'

const MAX_LINKS = 5

/** What to do about the refusal, in one sentence (where a link list does not fit). */
export const DEFAULT_ADMIN_WHAT_TO_DO =
  'Make another active administrator the default first: open their page and choose “Make default administrator”.'

/** A 400 about the default administrator: the member is it, or Tallyfy's words say so. */
export function isDefaultAdminRefusal(error: unknown, member: Pick<Member, 'isDefaultAdmin'>): boolean {
  if (!isApiError(error) || error.status !== 400) return false
  return member.isDefaultAdmin || /default administrator/i.test(error.message)
}

/** Who could become the default administrator: every other active administrator. */
export function defaultAdminCandidates(members: readonly Member[], exceptId: number): Member[] {
  return members.filter(
    (m) => m.id !== exceptId && m.role === 'admin' && m.status === 'active' && !m.isDefaultAdmin,
  )
}

export function DefaultAdminHelp({
  orgId,
  member,
}: {
  orgId: string
  member: Pick<Member, 'id' | 'fullName'>
}) {
  const members = useQuery(memberQueries.directory(orgId)).data?.members
  const candidates = members ? defaultAdminCandidates(members, member.id) : null
  return (
    <div className="default-admin-help">
      <p>
        {member.fullName} is the organization's default administrator. Make another active administrator the
        default first: open their page and choose “Make default administrator”. Then come back to{' '}
        {member.fullName}.
      </p>
      {candidates && candidates.length === 0 ? (
        <p>
          There is no other active administrator yet: give someone the Administrator role on their page first.
        </p>
      ) : null}
      {candidates && candidates.length > 0 ? (
        <>
          <p id={`default-admin-candidates-${member.id}`}>Active administrators:</p>
          <ul aria-labelledby={`default-admin-candidates-${member.id}`}>
            {candidates.slice(0, MAX_LINKS).map((m) => (
              <li key={m.id}>
                <Link to={paths.member(m.id)}>{m.fullName}</Link>
              </li>
            ))}
            {candidates.length > MAX_LINKS ? (
              <li>
                <Link to={paths.members({ role: 'admin', status: 'active' })}>All active administrators</Link>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </div>
  )
}
