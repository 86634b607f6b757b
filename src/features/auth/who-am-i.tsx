// Who is signed in, to which organization: shown in the app header.
import { useQuery } from '@tanstack/react-query'
import { meQueries } from '../../api/me'
import { Avatar } from '../../components/avatar'
import { useSession } from './session'

function shortOrgId(orgId: string): string {
  return orgId.length > 10 ? `${orgId.slice(0, 8)}…` : orgId
}

export function OrganizationName() {
  const credentials = useSession()
  const organizations = useQuery(meQueries.organizations(credentials.orgId))
  // The name is a nicety: while loading or when the call fails, the ID (or "Demo organization") stands in.
  const match = organizations.data?.find((o) => o.id.toLowerCase() === credentials.orgId.toLowerCase())
  const name =
    match?.name ?? (credentials.demo ? 'Demo organization' : `Organization ${shortOrgId(credentials.orgId)}`)
  return (
    <p className="app-org" title={match?.name ?? credentials.orgId}>
      <span className="app-org__label">Organization{credentials.demo ? ' (demo)' : ''}</span>
      <span className="app-org__name">{name}</span>
    </p>
  )
}

export function CurrentUser() {
  const me = useQuery(meQueries.current(useSession().orgId))
  if (!me.data) return null
  return (
    <p className="app-user">
      <Avatar name={me.data.fullName} src={me.data.pictureUrl} size="sm" decorative />
      <span className="app-user__name">
        <span className="visually-hidden">Signed in as </span>
        {me.data.fullName}
      </span>
    </p>
  )
}
