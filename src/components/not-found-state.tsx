import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { PageTitle } from './page-title'
import { Heading, Icon, type HeadingLevel } from './states'

// Not part of the first download: only pages loaded on demand (and a page that failed with a 404) show it.
const NotFoundIcon = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="m15.5 15.5 5 5M8.5 8.5l4 4M12.5 8.5l-4 4" />
  </Icon>
)

export function NotFoundState({
  title,
  message,
  backTo,
  backLabel,
  headingLevel = 1,
}: {
  title: string
  message?: ReactNode
  backTo: string
  backLabel: string
  headingLevel?: HeadingLevel
}) {
  return (
    <section className="state state--not-found">
      {/* A not-found page is a page of its own: it names the tab too. */}
      {headingLevel === 1 && <PageTitle title={title} />}
      <NotFoundIcon />
      <Heading level={headingLevel}>{title}</Heading>
      {message && <p className="state__message">{message}</p>}
      <div className="state__actions">
        <Link to={backTo} className="button">
          {backLabel}
        </Link>
      </div>
    </section>
  )
}
