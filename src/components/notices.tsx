// Status messages after a change, with Undo (react-admin's undoable notification, done accessibly).
//
// <NoticeHost>{app}</NoticeHost> — mounted once, in the signed-in layout, so a notice (and its
//   Undo) outlives the page that raised it: leaving the group page does not lose the Undo.
// const notify = useNotice()
// const handle = notify({ message, undo?: () => void, tone?: 'success' | 'error' | 'info' })
//   handle.update({...}) replaces the notice's text in place (a change that failed after it was
//   announced); handle.dismiss() removes it.
//
// Behaviour: the notices render inside one polite live region (role="status"), so they are
// announced without interrupting. A notice with Undo stays UNDO_MS, paused while the pointer is
// over it or focus is inside it; a plain success notice stays INFO_MS. Errors stay until dismissed
// and are not role="alert" (they are announced politely, like the rest). Undo runs `undo` once and
// removes the notice; focus then goes to main if it was inside the notice, so it is never lost.

import { createContext, use, useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import './notices.css'

export type NoticeTone = 'success' | 'error' | 'info'

export interface NoticeInput {
  message: string
  undo?: () => void
  tone?: NoticeTone
}

export interface NoticeHandle {
  update(next: NoticeInput): void
  dismiss(): void
}

export type Notify = (notice: NoticeInput) => NoticeHandle

interface Notice extends NoticeInput {
  id: number
  /** Bumped on update, so the timer starts over for the new text. */
  version: number
}

export const UNDO_MS = 8000
export const INFO_MS = 5000
const MAX_NOTICES = 3

const NoticeContext = createContext<Notify | null>(null)

export function useNotice(): Notify {
  const notify = use(NoticeContext)
  if (!notify) throw new Error('useNotice() needs <NoticeHost> above it')
  return notify
}

export function NoticeHost({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([])
  const nextId = useRef(1)

  const dismiss = useCallback((id: number) => {
    setNotices((all) => all.filter((n) => n.id !== id))
  }, [])

  const notify = useCallback<Notify>(
    (input) => {
      const id = nextId.current++
      setNotices((all) => [...all, { ...input, id, version: 0 }].slice(-MAX_NOTICES))
      return {
        update: (next) =>
          setNotices((all) => all.map((n) => (n.id === id ? { ...next, id, version: n.version + 1 } : n))),
        dismiss: () => dismiss(id),
      }
    },
    [dismiss],
  )

  return (
    <NoticeContext value={notify}>
      {children}
      {/* <output> is a polite live region (role="status") by nature. */}
      <output className="notices" aria-live="polite" aria-label="Notifications">
        {notices.map((notice) => (
          // Keyed by version too: an updated notice starts its clock over.
          <NoticeItem
            key={`${notice.id}.${notice.version}`}
            notice={notice}
            onDismiss={() => dismiss(notice.id)}
          />
        ))}
      </output>
    </NoticeContext>
  )
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  const [hovered, setHovered] = useState(false)
  const [focused, setFocused] = useState(false)
  const tone = notice.tone ?? 'success'
  const lifetime = tone === 'error' ? null : notice.undo ? UNDO_MS : INFO_MS
  const paused = hovered || focused
  // Time left survives a pause: hovering stops the clock, it does not restart it.
  const remaining = useRef(lifetime)

  const onDismissRef = useRef(onDismiss)
  useEffect(() => {
    onDismissRef.current = onDismiss
  })

  useEffect(() => {
    if (remaining.current === null || paused) return
    const startedAt = Date.now()
    const timer = window.setTimeout(() => close(ref.current, onDismissRef.current), remaining.current)
    return () => {
      window.clearTimeout(timer)
      if (remaining.current !== null)
        remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt))
    }
  }, [paused])

  const undo = notice.undo
  return (
    <div
      ref={ref}
      className={`notice notice--${tone}`}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false)
      }}
    >
      <p className="notice__message">{notice.message}</p>
      <div className="notice__actions">
        {undo ? (
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              close(ref.current, onDismissRef.current)
              undo()
            }}
          >
            Undo
          </button>
        ) : null}
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => close(ref.current, onDismissRef.current)}
        >
          Dismiss
        </button>
      </div>
    </div>
  )
}

/** Removes a notice; if focus was inside it, focus moves to main rather than to the page's body. */
function close(element: HTMLElement | null, dismiss: () => void) {
  if (element?.contains(document.activeElement)) document.getElementById('main')?.focus()
  dismiss()
}
