// "Import members" on /members (admins: it renders inside the admin-only invite chunk). The dialog,
// papaparse with it, loads on the first press (warmed on hover or focus), never with the page.
import { lazy, Suspense, useState } from 'react'

const loadDialog = () => import('./import-dialog')
const ImportDialog = lazy(loadDialog)

export function ImportMembersButton({ orgId }: { orgId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => setOpen(true)}
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
      >
        Import members
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ImportDialog orgId={orgId} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  )
}
