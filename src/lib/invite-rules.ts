// Tallyfy's rules for an invitation's names (POST /users/invite, tallyfy-api.md §3.3), told before
// anything is sent: the invite form (features/members/invite-validation.ts) and the import's preview
// (import-preview.ts) both check with these, so one person and a thousand are held to the same rules.

export const NAME_MAX = 32

// Tallyfy refuses names that look like links (its is_not_url rule), since invitation emails show
// the name: a scheme, "www.", or a host name with a common top-level domain.
const URL_LIKE =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|net|org|io|co|info|biz|app|dev|xyz|me|ly|link|site|online|ru|cn|uk|de)\b/i

export function looksLikeUrl(value: string): boolean {
  return URL_LIKE.test(value)
}

/** Counts what a person sees as characters (an emoji is one), as Laravel's max rule does. */
export const charLength = (s: string) => [...s].length

export type NameProblem = 'missing' | 'too-long' | 'url'

/** What is wrong with a (trimmed) first or last name, or null. */
export function nameProblem(value: string): NameProblem | null {
  if (value === '') return 'missing'
  if (charLength(value) > NAME_MAX) return 'too-long'
  if (looksLikeUrl(value)) return 'url'
  return null
}
