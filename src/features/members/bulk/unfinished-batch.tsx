// On /members, a batch that a reload or a crash cut short offers "Resume". The first download pays
// only for a look at localStorage: the notice (and the bulk code it needs) loads when a journal is
// there. The key is batch-journal.ts's `roster.batch.<orgId>`, spelled out here so that module stays
// out of the first download.
import { lazy, Suspense, useState } from 'react'

const ResumeNotice = lazy(() => import('./resume-notice'))

function hasJournal(orgId: string): boolean {
  try {
    return globalThis.localStorage?.getItem(`roster.batch.${orgId}`) != null
  } catch {
    return false
  }
}

export function UnfinishedBatch({ orgId }: { orgId: string }) {
  // Read once per visit of the page: a batch started here is shown by its own dialog and Activity.
  const [present] = useState(() => hasJournal(orgId))
  if (!present) return null
  return (
    <Suspense fallback={null}>
      <ResumeNotice orgId={orgId} />
    </Suspense>
  )
}
