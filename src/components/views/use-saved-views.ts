// The organization's saved views on this device, kept current when this tab or another one changes them.
import { useCallback, useSyncExternalStore } from 'react'
import { readSavedViews, subscribeSavedViews, type SavedView } from '../../lib/saved-views'

export function useSavedViews(orgId: string): readonly SavedView[] {
  const read = useCallback(() => readSavedViews(orgId), [orgId])
  return useSyncExternalStore(subscribeSavedViews, read, read)
}
