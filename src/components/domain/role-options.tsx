import { writableRoles } from '../../lib/roles'
import { roleLabel } from './badge'

/** The `<option>`s of a role select: the roles a write can set, in the one order, in their words. */
export function RoleOptions() {
  return writableRoles.map((role) => (
    <option key={role} value={role}>
      {roleLabel(role)}
    </option>
  ))
}
