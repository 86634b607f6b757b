// A member as an option of a combobox that picks one (a group's Add member, a leaver's successor):
// their picture, name and email, and a note under them when the list says why they come first.
import type { Member } from '../../api/types'
import { Avatar } from '../avatar'
import './member-option.css'

export function MemberOption({
  member,
  note,
}: {
  member: Pick<Member, 'fullName' | 'email' | 'pictureUrl'>
  note?: string | null
}) {
  return (
    <span className="member-option">
      <Avatar name={member.fullName} src={member.pictureUrl} size="sm" decorative />
      <span className="member-option__text">
        <span className="member-option__name">{member.fullName}</span>
        {member.email ? <span className="member-option__detail">{member.email}</span> : null}
        {note ? <span className="member-option__detail">{note}</span> : null}
      </span>
    </span>
  )
}
