// The words for a failed sign-in. Not needed to show the form: sign-in-route.tsx fetches them
// while the person types.
import { describeApiError } from '../../api/describe-error'
import { isApiError } from '../../api/errors'

/** Which field a sign-in failure is about, so focus can go where the fix is. */
export type SignInErrorField = 'orgId' | 'token' | null

export interface SignInFailure {
  message: string
  field: SignInErrorField
}

/**
 * Words for a failed sign-in. Specific to what the two checks of verifyCredentials can mean: /me
 * proves the token, one member page proves access to the organization. Never includes the token,
 * not even if the server repeats it.
 */
export function signInFailure(error: unknown, token: string): SignInFailure {
  const failure = describe(error)
  const secret = token.trim()
  return secret.length >= 4 ? { ...failure, message: failure.message.split(secret).join('[token]') } : failure
}

function describe(error: unknown): SignInFailure {
  const description = describeApiError(error, 'organization')
  switch (description.kind) {
    case 'unauthorized':
      return {
        field: 'token',
        message:
          "Tallyfy didn't accept this access token. It may be mistyped, expired (tokens last six months), or revoked because you logged out of Tallyfy's web app. Copy a new one from Settings > Integrations > REST API.",
      }
    case 'forbidden':
      return {
        field: 'orgId',
        message:
          'This access token works, but it has no access to that organization. Check the Organization ID, or use a token of someone who belongs to it.',
      }
    case 'not-found':
      return {
        field: 'orgId',
        message:
          "Tallyfy couldn't find an organization with that ID. Check the Organization ID in Tallyfy under Settings > Organization.",
      }
    case 'offline':
      return { field: null, message: "You're offline. Connect to the internet, then sign in again." }
    case 'network':
      return {
        field: null,
        message: "Roster couldn't reach Tallyfy. Check your internet connection and try again.",
      }
    case 'rate-limited': {
      const wait = isApiError(error) ? error.retryAfter : null
      return {
        field: null,
        message:
          wait != null && wait > 0
            ? `Tallyfy is receiving too many requests. Wait ${wait} s, then sign in again.`
            : 'Tallyfy is receiving too many requests. Wait a few seconds, then sign in again.',
      }
    }
    case 'server':
      return { field: null, message: 'Tallyfy is having trouble right now. Try again in a moment.' }
    case 'invalid-response':
      return {
        field: null,
        message: "Tallyfy answered in a way Roster didn't expect, so you are not signed in. Try again later.",
      }
    default:
      return { field: null, message: `Sign-in failed. ${description.message}` }
  }
}
