const APP_NAME = 'Roster'

/**
 * The tab title, "<title> · Roster", while the page that renders it is shown (React 19 puts a
 * rendered <title> in the document head). Titles are read aloud and land in browser history, so
 * pass only what the page shows, never credentials.
 */
export function PageTitle({ title }: { title: string | null | undefined }) {
  return <title>{title ? `${title} · ${APP_NAME}` : APP_NAME}</title>
}
