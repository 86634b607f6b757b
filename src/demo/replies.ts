// Tallyfy's answers that every group of demo handlers shares: the error bodies of tallyfy-api.md §6,
// the documented refusal sentences, and the reading of a JSON body. In a module of their own so that
// handlers.ts and lifecycle.ts both use the same ones without importing each other.

import { HttpResponse } from 'msw'

export const unauthenticated = () => HttpResponse.json({ message: 'Unauthenticated.' }, { status: 401 })
export const forbidden = () =>
  HttpResponse.json(
    { error: true, message: "You don't have application's permissions for this organization!" },
    { status: 403 },
  )
export const resourceNotFound = () =>
  HttpResponse.json(
    { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' },
    { status: 404 },
  )
export const endpointNotFound = () =>
  HttpResponse.json(
    { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' },
    { status: 404 },
  )

// Tallyfy's words for the refusals of member writes (tallyfy-api.md §3.3, §6). Both documented
// sentences come from DELETE /users/{id} ("remove", which leaves the member disabled, like /disable).
export const DEFAULT_ADMIN_REFUSAL =
  'Cannot modify the default administrator. Please assign another member as default administrator first.'
/**
 * Documented for DELETE /users/{id} (§3.3). The demo answers it to /disable too, the same soft removal
 * (that /disable words it the same is our inference: the docs give /disable no error text).
 */
export const BOT_REMOVAL_REFUSAL = "You can't remove a bot user from this organization!"
/**
 * INFERRED [I], not Tallyfy's documented words: the docs say the bot cannot be edited (§3.3) but give
 * no message for a role change or enable. Modelled on the documented removal sentence; replace it
 * when Tallyfy's real answer is known.
 */
export const BOT_CHANGE_REFUSAL_INFERRED = "You can't modify a bot user in this organization!"
export const WRITABLE_ROLES = new Set(['admin', 'standard', 'light'])

export const businessError = (message: string) => HttpResponse.json({ error: true, message }, { status: 400 })
export const validationFailed = (errors: Record<string, string[]>) =>
  HttpResponse.json({ message: 'The given data was invalid.', errors }, { status: 422 })

// Laravel's messages for InviteUserRequest: required, max:32, is_not_url, in:admin,standard,light, max:5000.
export const URL_IN_NAME =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+\.(com|net|org|io|co|info|biz|app|dev)\b/i
export const PLAIN_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A text field of a JSON body, trimmed; '' when absent or not text. */
export function textField(body: unknown, key: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined
  return typeof value === 'string' ? value.trim() : ''
}

/** The request's JSON body when it is an object; null when absent, unreadable or not an object. */
export async function jsonBody(request: Request): Promise<Record<string, unknown> | null> {
  try {
    const body: unknown = await request.json()
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
