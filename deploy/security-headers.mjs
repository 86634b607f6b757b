// The one source of Roster's security headers and proxy limits. vite.config.ts imports it for the dev
// and preview servers; deploy/nginx.conf writes the same values out, and scripts/deploy-config.test.ts
// fails when the two disagree. Change a value here and in nginx.conf together.

// Only the app's own scripts run: no inline scripts, no eval. Images may come from the app,
// from https (member pictures, group logos) or be data: URLs (logos stored inline).
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * HTTPS only, for two years, on this host and the hosts under it: after one visit over HTTPS the
 * browser never again sends the token's page (or anything else) over plain HTTP, even when a link or
 * a typed address says http://. Browsers ignore it on an http:// answer, so it is safe to send where
 * TLS ends in front of nginx. Not `preload`: that would bind the whole registrable domain (every
 * sibling of roster.example.com) through the browsers' built-in lists, which takes months to undo,
 * and is the domain owner's decision, not an app's.
 */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains'

/** On every page and static file Roster serves. */
export const pageHeaders = Object.freeze({
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': strictTransportSecurity,
})

/**
 * On every /api answer, whatever upstream sent. The token lives on Roster's origin, so an HTML error
 * page from upstream (or anything sniffed as HTML) must not be able to run there: sandboxed, no loads.
 * And the directory's personal data must not outlive the session in the browser's HTTP cache (or a
 * shared cache on the way): no-store, replacing whatever upstream said.
 */
export const apiResponseHeaders = Object.freeze({
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
})

/** What Roster sends to /api (reads now; group, logo, invite and role writes next). Others get 405. */
export const apiMethods = Object.freeze(['GET', 'POST', 'PUT', 'DELETE'])

/** Largest request body: a 2 MB logo, multipart or base64 in JSON (4/3 larger), with room to spare. */
export const apiMaxBodyBytes = 3 * 1024 * 1024
