import { useEffect, useState, type ReactNode } from 'react'
import { onDemand } from '../lib/on-demand'
import './states.css'

export type HeadingLevel = 1 | 2 | 3

export function Heading({ level, children }: { level: HeadingLevel; children: ReactNode }) {
  const Tag = `h${level}` as const
  // tabIndex -1 lets the shell move focus to a page heading after navigation.
  return (
    <Tag className="state__title" tabIndex={level === 1 ? -1 : undefined}>
      {children}
    </Tag>
  )
}

export function Icon({ children }: { children: ReactNode }) {
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

export interface ErrorStateProps {
  error: unknown
  onRetry?: () => void
  what?: string
  headingLevel?: HeadingLevel
}

// A failure's view and words (error-views.tsx) are not in the first download: main.tsx preloads
// them once the first page is on screen, so a failure later (offline included) shows them at once.
const errorViews = onDemand(() => import('./error-views'))
export const preloadErrorViews = errorViews.preload

export function ErrorState(props: ErrorStateProps) {
  const views = errorViews.useModule()
  // For the moment the view is being fetched: nothing, then the whole view.
  if (views === null) return null
  if (views !== 'failed') return <views.ErrorStateView {...props} />
  // Its code could not be fetched (offline before it was ever loaded): the plainest words, and Retry.
  const offline = navigator.onLine === false
  return (
    <section className="state state--error">
      <Heading level={props.headingLevel ?? 2}>{offline ? "You're offline" : 'Something went wrong'}</Heading>
      {props.onRetry && (
        <div className="state__actions">
          <button type="button" className="button button--primary" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
    </section>
  )
}
