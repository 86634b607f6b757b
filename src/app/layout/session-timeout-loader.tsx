// The session's limits (features/auth/session-timeout.tsx) are not part of the first download: they
// load once the first page is on screen and the browser is idle. A session already over when a page
// loads never gets this far (api/credentials.ts refuses it), and a warning already due by the time
// the code arrives shows at once.
import { useEffect, useState } from 'react'
import { onDemand } from '../../lib/on-demand'

const sessionTimeout = onDemand(() => import('../../features/auth/session-timeout'))

export function SessionTimeoutLoader({ onSignedOut }: { onSignedOut: () => void }) {
  const [idle, setIdle] = useState(false)
  // Waiting for the browser to be idle is a subscription to it, which is what an effect is for.
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(() => setIdle(true), { timeout: 2000 })
      return () => window.cancelIdleCallback(id)
    }
    const id = setTimeout(() => setIdle(true), 1000)
    return () => clearTimeout(id)
  }, [])
  return idle ? <SessionTimeout onSignedOut={onSignedOut} /> : null
}

function SessionTimeout({ onSignedOut }: { onSignedOut: () => void }) {
  // Never throws: should the code not come (offline), the session ends at the next page load instead.
  const loaded = sessionTimeout.useModule()
  if (!loaded || loaded === 'failed') return null
  return <loaded.SessionTimeout onSignedOut={onSignedOut} />
}
