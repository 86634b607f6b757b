import type { Guest } from '../api/types'

/** A guest with nothing known but their email, unless `overrides` says more. */
export function makeGuest(email: string, overrides: Partial<Guest> = {}): Guest {
  return {
    email,
    firstName: null,
    lastName: null,
    name: null,
    company: null,
    statusText: null,
    disabledAt: null,
    lastAccessedAt: null,
    createdAt: null,
    phone: null,
    timezone: null,
    companyUrl: null,
    lastCity: null,
    lastCountry: null,
    associatedMemberIds: [],
    ...overrides,
  }
}
