// "Add guest" on /guests, for admins only: the button, and its form loaded on the first press
// (warmed on hover or focus). Once Tallyfy has the guest they are in the list, and the notice links
// to their page.
import { lazy, Suspense, useState } from 'react'
import type { Guest } from '../../api/types'
import { useNotice } from '../../components/notices'
import { paths } from '../../lib/paths'
import { useIsAdmin } from '../auth/session'

const loadDialog = () => import('./add-guest-dialog')
const AddGuestDialog = lazy(() => loadDialog().then((m) => ({ default: m.AddGuestDialog })))

export function AddGuestButton({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false)
  const notify = useNotice()
  if (!useIsAdmin()) return null

  const onAdded = (guest: Guest | null, email: string) => {
    setOpen(false)
    const name = guest?.name ?? email
    notify({
      message: `Added guest ${guest?.name ? `${guest.name} (${email})` : email}.`,
      link: { label: `Open ${name}`, to: paths.guest(guest?.email ?? email) },
    })
  }

  return (
    <>
      <button
        type="button"
        className="button button--primary"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        Add guest
      </button>
      {open && (
        <Suspense fallback={null}>
          <AddGuestDialog orgId={orgId} onClose={() => setOpen(false)} onAdded={onAdded} />
        </Suspense>
      )}
    </>
  )
}
