// "Delete group": an alert dialog that names what will be lost, then DELETE. Loaded lazily.

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { groupMutations } from '../../api/groups/mutations'
import type { Group } from '../../api/types'
import { useNotice } from '../../components/notices'
import { formatCount } from '../../lib/format'
import { paths } from '../../lib/paths'
import { forgetGroup } from '../../api/groups/cache'
import { MutationAlertDialog } from './mutation-alert-dialog'
import { distinctMemberCount } from './resolve-members'

// A list the group was read without has no count to give: "Its members", never "Its 0 members".
const count = (n: number, known: boolean, noun: string) =>
  known ? `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}` : `${noun}s`

export default function DeleteGroupDialog({
  orgId,
  group,
  onClose,
}: {
  orgId: string
  group: Group
  onClose: () => void
}) {
  const qc = useQueryClient()
  const notify = useNotice()
  const navigate = useNavigate()
  const remove = useMutation({
    ...groupMutations.remove(orgId, group.id),
    onSuccess: () => {
      // Leave first: forgetting the group while its page is on screen would refetch it (a 404).
      void navigate(paths.groups())
      forgetGroup(qc, orgId, group)
      notify({ message: `Deleted group ${group.name}.` })
    },
  })
  const members = count(distinctMemberCount(group.memberIds), group.membersKnown, 'member')
  const guests = count(group.guests.length, group.guestsKnown, 'guest')
  return (
    <MutationAlertDialog
      title={`Delete ${group.name}?`}
      confirmLabel="Delete"
      mutation={remove}
      onClose={onClose}
    >
      <p>
        The group <strong>{group.name}</strong>, its description and its logo are deleted for good. This
        cannot be undone.
      </p>
      <p>
        Its {members} and {guests} stay in the organization; they only leave this group.
      </p>
    </MutationAlertDialog>
  )
}
