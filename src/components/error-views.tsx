// What a failure looks like: ErrorState's view, with the words of describeApiError and the facts
// for a bug report. Loaded on demand (see ErrorState in states.tsx), never with the first page.
import { describeApiError } from '../api/describe-error'
import { isApiError } from '../api/errors'
import { Heading, Icon, type ErrorStateProps } from './states'

const ErrorIcon = () => (
  <Icon>
    <path d="M12 3 2.5 20h19z" />
    <path d="M12 10v4.5M12 17.2v.1" />
  </Icon>
)

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

export function ErrorStateView({ error, onRetry, what, headingLevel = 2 }: ErrorStateProps) {
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
