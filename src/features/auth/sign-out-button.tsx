import { useQueryClient } from '@tanstack/react-query'
import { credentialStore } from '../../api/credentials'
import { loadDemo } from './load-demo'
import { useSession } from './session'

/** Ends the session here: forgets the token and every cached response, and stops the demo's worker. */
export function useSignOut(onSignedOut: () => void): () => void {
  const credentials = useSession()
  const queryClient = useQueryClient()
  return () => {
    onSignedOut()
    credentialStore.endSession('signed-out')
    queryClient.clear()
    if (credentials.demo) {
      // The demo's service worker would otherwise keep answering /api for a real sign-in later.
      void loadDemo().then((demo) => demo.stopDemo())
    }
  }
}

/** The header's Sign out button; the command palette signs out through `useSignOut` too. */
export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const signOut = useSignOut(onSignedOut)
  return (
    <button type="button" className="button button--small" onClick={signOut}>
      Sign out
    </button>
  )
}
