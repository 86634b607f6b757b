import { useEffect } from 'react'

export const APP_NAME = 'Roster'

/**
 * Sets the tab title to "<title> · Roster" while the calling page is shown. Titles are read aloud
 * and land in browser history, so pass only what the page shows (never credentials).
 */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    // The document title is outside React's tree, so an effect is the place to write it.
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME
  }, [title])
}
