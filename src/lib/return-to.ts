// Where sign-in sends a person back to (`/sign-in?returnTo=…`). The value comes from a URL anyone can
// write, so it is a way to send a freshly signed-in admin to another site unless it is checked the
// way a browser will read it: a URL parser drops tabs and newlines ("/\t/evil.example" is
// "//evil.example"), reads a backslash as a slash, and resolves "//host" to another origin. Only a
// path of a Roster page passes; anything else goes to /members.

/** Longer than any URL Roster writes (a list's search, sort and filters are a few hundred characters). */
export const RETURN_TO_MAX_LENGTH = 2048

// Control and invisible characters (Unicode "Other": tabs, newlines, NUL, zero-width spaces, the BOM),
// every kind of whitespace, and the backslash: nothing Roster writes into a path holds them unencoded
// (the browser encodes spaces), and a URL parser drops or reinterprets them.
const unsafeCharacter = /[\s\p{C}\\]/u

// The pages a person can be sent back to (src/app/router.tsx), with or without a trailing slash.
const rosterPage = /^\/(?:overview|(?:members|groups|guests)(?:\/[^/]+)?)\/?$/

/**
 * The path, search and hash to go to after sign-in, or null (then /members). Accepted only when the
 * value is a path on this origin ("/x", never "//x", "/\x" or "https://x"), without control
 * characters, whitespace or backslashes (also once percent-decoded: "/%5Cevil.example",
 * "/%2F%2Fevil.example"), not longer than RETURN_TO_MAX_LENGTH, and names a Roster page.
 */
export function safeReturnTo(
  value: string | null | undefined,
  origin = window.location.origin,
): string | null {
  if (typeof value !== 'string' || value.length > RETURN_TO_MAX_LENGTH) return null
  if (!value.startsWith('/') || value.startsWith('//') || unsafeCharacter.test(value)) return null
  let url: URL
  let base: URL
  try {
    base = new URL(origin)
    url = new URL(value, base)
  } catch {
    return null
  }
  if (url.origin !== base.origin) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (decoded.startsWith('//') || unsafeCharacter.test(decoded)) return null
  if (!rosterPage.test(url.pathname)) return null
  return `${url.pathname}${url.search}${url.hash}`
}
