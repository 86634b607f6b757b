import type { ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'
import { paths } from '../../lib/paths'

interface GroupLinkProps {
  orgId: string
  groupId: string
  className?: string
  /** Router location state passed through to the group page (e.g. where the person came from). */
  state?: unknown
  /** Full name on hover, for places that clip the text (a narrow table cell). */
  title?: string
  children: ReactNode
}

/**
 * A link to a group's page that starts loading the group as soon as the pointer rests on it or
 * the keyboard focuses it, so by the time the click or Enter lands the detail is usually cached
 * and opens without a spinner.
 */
export function GroupLink({ orgId, groupId, className, state, title, children }: GroupLinkProps) {
  const queryClient = useQueryClient()
  const prefetch = () => {
    // The groups module (queries and their writes) loads here, with the hover, not with /members:
    // the group page needs it anyway. prefetchQuery never throws and respects staleTime.
    void import('../../api/groups/queries').then(({ groupQueries }) =>
      queryClient.prefetchQuery(groupQueries.detail(orgId, groupId)),
    )
  }
  return (
    <Link
      to={paths.group(groupId)}
      className={className}
      state={state}
      title={title}
      onMouseEnter={prefetch}
      onFocus={prefetch}
    >
      {children}
    </Link>
  )
}
