// "Remove logo": confirm, then remove (the file cannot be brought back by Undo). Loaded lazily.

import { useMutation, useQueryClient } from '@tanstack/react-query'
import { groupMutations } from '../../api/groups/mutations'
import type { Group } from '../../api/types'
import { useNotice } from '../../components/notices'
import { patchGroup } from '../../api/groups/cache'
import { MutationAlertDialog } from './mutation-alert-dialog'

export default function RemoveLogoDialog({
  orgId,
  group,
  onClose,
  onRemoved,
}: {
  orgId: string
  group: Group
  onClose: () => void
  /** Closes the dialog once the logo is gone (and places focus: the opener goes with the logo). */
  onRemoved: () => void
}) {
  const qc = useQueryClient()
  const notify = useNotice()
  const removeLogo = useMutation({
    ...groupMutations.removeLogo(orgId, group.id),
    onSuccess: () => {
      patchGroup(qc, orgId, group.id, (g) => ({ ...g, logo: null }))
      notify({ message: `Removed the logo of ${group.name}.` })
      onRemoved()
    },
  })
  return (
    <MutationAlertDialog
      title="Remove the logo?"
      confirmLabel="Remove"
      mutation={removeLogo}
      onClose={onClose}
    >
      <p>
        The logo of <strong>{group.name}</strong> is deleted from Tallyfy and its initials show instead. To
        have it back, upload the file again.
      </p>
    </MutationAlertDialog>
  )
}
