import { useEffect, useState, type ReactNode } from 'react'
import { Link } from 'react-router'
import { describeApiError, isApiError } from '../api/errors'
import './states.css'
import { PageTitle } from './page-title'

type HeadingLevel = 1 | 2 | 3

function Heading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  const Tag = `h${level}` as const
  // tabIndex -1 lets the shell move focus to a page heading after navigation.
  return (
    <Tag className="state__title" tabIndex={level === 1 ? -1 : undefined}>
      {children}
    </Tag>
  )
}

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="state__icon"
      viewBox="0 0 24 24"
      width="40"
      height="40"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

const EmptyIcon = () => (
  <Icon>
    <path d="M3 13h5l1.5 2.5h5L16 13h5" />
    <path d="M5.5 6h13L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5z" />
  </Icon>
)
const ErrorIcon = () => (
  <Icon>
    <path d="M12 3 2.5 20h19z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </Icon>
)
const NotFoundIcon = () => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="m15.5 15.5 5 5M8.5 8.5l4 4M12.5 8.5l-4 4" />
  </Icon>
)

/** How long a load may take before anything is shown: fast loads should not flash a spinner. */
export const LOADING_DELAY_MS = 300

export function LoadingState({ label, delayMs = LOADING_DELAY_MS }: { label: string; delayMs?: number }) {
  const [visible, setVisible] = useState(delayMs <= 0)
  // A timer, not data: this only decides when the indicator becomes visible.
  useEffect(() => {
    if (delayMs <= 0) return
    const id = window.setTimeout(() => setVisible(true), delayMs)
    return () => window.clearTimeout(id)
  }, [delayMs])
  // <output> is a polite status region. It exists from the start so that screen readers announce the text when it appears.
  return (
    <output className="state state--loading" aria-live="polite">
      {visible && (
        <>
          <span className="state__spinner" aria-hidden="true" />
          <p className="state__message">{label}</p>
        </>
      )}
    </output>
  )
}

export function EmptyState({
  title,
  message,
  action,
  icon,
  headingLevel = 2,
}: {
  title: string
  message?: ReactNode
  action?: ReactNode
  icon?: ReactNode
  headingLevel?: HeadingLevel
}) {
  return (
    <section className="state state--empty">
      {icon ?? <EmptyIcon />}
      <Heading level={headingLevel}>{title}</Heading>
      {message && <p className="state__message">{message}</p>}
      {action && <div className="state__actions">{action}</div>}
    </section>
  )
}

// Error text can come from anywhere (a thrown Error in a component, a library); anything shaped like
// a credential is blanked before it reaches the screen or a bug report.
export function redactSecrets(text: string): string {
  return text
    .replace(/(bearer\s+)\S+/gi, '$1[redacted]')
    .replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]+/g, '[redacted]')
    .replace(/(token["'=:\s]+)[^\s"',&]+/gi, '$1[redacted]')
}

function errorDetails(error: unknown): Array<[string, string]> {
  const rows: Array<[string, string]> = []
  if (isApiError(error)) {
    rows.push(['Kind', error.kind])
    if (error.status != null) rows.push(['HTTP status', String(error.status)])
    if (error.code) rows.push(['Code', error.code])
    if (error.requestId) rows.push(['Request ID', error.requestId])
    if (error.retryAfter != null) rows.push(['Retry after', `${error.retryAfter} s`])
    if (error.details) rows.push(['Details', error.details])
  } else if (error instanceof Error) {
    rows.push(['Error', `${error.name}: ${error.message}`])
  } else if (error != null) {
    rows.push(['Error', String(error)])
  }
  return rows.map(([k, v]) => [k, redactSecrets(v)])
}

export function ErrorState({
  error,
  onRetry,
  what,
  headingLevel = 2,
}: {
  error: unknown
  onRetry?: () => void
  what?: string
  headingLevel?: HeadingLevel
}) {
  const description = describeApiError(error, what)
  const details = errorDetails(error)
  return (
    <section className="state state--error">
      <ErrorIcon />
      <Heading level={headingLevel}>{description.title}</Heading>
      <p className="state__message">{description.message}</p>
      {onRetry && description.canRetry && (
        <div className="state__actions">
          <button type="button" className="button button--primary" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
      {details.length > 0 && (
        <details className="state__details">
          <summary>Details for a bug report</summary>
          <dl>
            {details.map(([key, value]) => (
              <div key={key} className="state__detail-row">
                <dt>{key}</dt>
                <dd>
                  <code>{value}</code>
                </dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  )
}

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
