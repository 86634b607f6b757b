// URLs that come from the API (member pictures, group logos, links) are untrusted. Only a small,
// explicit set of schemes may become an href or an img src; everything else is dropped, so a
// `javascript:` or `data:text/html` value can never run in Roster's origin.

// Control characters and whitespace inside a URL are how scheme filters get tricked
// ("java\tscript:", "\u0000javascript:"). The URL parser would quietly strip some of them, so a
// value that contains any is refused outright rather than second-guessed.
// eslint-disable-next-line no-control-regex
const suspicious = /[\u0000-\u001f\u007f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/

// A raster or vector image, base64 or URL-encoded. SVG is allowed because an <img> never runs the
// scripts inside an SVG; these strings are only ever used as an img src, never as a link.
const dataImage = /^data:image\/[a-z0-9.+-]+(;[a-z0-9=.+-]+)*(;base64)?,/i

function trimmed(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const s = value.trim()
  if (s === '' || suspicious.test(s)) return null
  return s
}

/** The URL, normalised, when it is an absolute http(s) URL; otherwise null. */
export function safeHttpUrl(value: unknown): string | null {
  const s = trimmed(value)
  if (s === null) return null
  let url: URL
  try {
    // No base: relative and protocol-relative values ("/x", "//evil.example") are refused.
    url = new URL(s)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  if (url.hostname === '') return null
  return url.href
}

/** The URL when it is safe as an image source: absolute http(s) or a data:image/… URL; otherwise null. */
export function safeImageUrl(value: unknown): string | null {
  const s = trimmed(value)
  if (s === null) return null
  if (/^data:/i.test(s)) return dataImage.test(s) ? s : null
  return safeHttpUrl(s)
}
