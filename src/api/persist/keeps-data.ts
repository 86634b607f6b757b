import { credentialStore, STORAGE_KEY } from '../credentials'

/** The organization's IndexedDB database (api/credentials.ts deletes it by the same name). */
export const deviceStoreName = (orgId: string) => `roster.org.${orgId}`

/** The organization of the session this device remembers (its credentials in localStorage), or null. */
function rememberedSession(): { orgId?: unknown; token?: unknown } | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    return typeof stored === 'object' ? stored : null
  } catch {
    return null
  }
}

/**
 * Deletes what this device keeps for every organization but the one it remembers (and `orgId` when
 * its session keeps data, the demo's test switch): a sign-in to another organization, or one that is
 * not remembered (which forgets the remembered one), leaves nothing of the earlier one behind.
 * Called as every session's directory starts.
 */
export function forgetStoresBut(orgId: string): void {
  const remembered = rememberedSession()?.orgId
  const keep = new Set([typeof remembered === 'string' ? deviceStoreName(remembered) : ''])
  if (keepsData(orgId)) keep.add(deviceStoreName(orgId))
  const prefix = deviceStoreName('')
  try {
    void indexedDB
      .databases()
      .then((found) => {
        for (const { name } of found)
          if (name?.startsWith(prefix) && !keep.has(name)) indexedDB.deleteDatabase(name)
      })
      .catch(() => {})
  } catch {
    // No IndexedDB (or no way to list it): nothing to delete that this could find.
  }
}

/**
 * Whether the session may keep its organization's data on this device (#25): only a remembered
 * one (its token in localStorage, read afresh: another tab's end of the session empties it before
 * this tab hears); the demo, which is never remembered, only when its test switch
 * (`roster.demo.persist` = "1" in localStorage) asks. Apart from credentials.ts, which is part of
 * the first download, so that only the lazily loaded code that keeps data pays for it.
 */
export function keepsData(orgId: string): boolean {
  const current = credentialStore.get()
  if (current?.orgId !== orgId) return false
  try {
    if (current.demo) return localStorage.getItem('roster.demo.persist') === '1'
  } catch {
    return false
  }
  return credentialStore.timing()?.remembered === true && rememberedSession()?.token === current.token
}
