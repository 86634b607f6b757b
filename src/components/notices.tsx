// Status messages after a change, with Undo (react-admin's undoable notification, done accessibly).
//
// <NoticeHost>{app}</NoticeHost> — mounted once, in the signed-in layout, so a notice (and its
//   Undo) outlives the page that raised it: leaving the group page does not lose the Undo.
// const notify = useNotice()
// const handle = notify({ message, undo?: () => void, tone?: 'success' | 'error' | 'info', link?: { label, to } })
//   handle.update({...}) replaces the notice's text in place (a change that failed after it was
//   announced); handle.dismiss() removes it.
//
// Behaviour: the notices render inside one polite live region (role="status"), so they are
// announced without interrupting. A notice with Undo stays UNDO_MS, paused while the pointer is
// over it or focus is inside it; a plain success notice stays INFO_MS. Errors stay until dismissed
// and are not role="alert" (they are announced politely, like the rest). Undo runs `undo` once and
// removes the notice; focus then goes to main if it was inside the notice, so it is never lost.
// Notices float over the page's bottom edge: their height is kept in `--notices-block-size` on the
// root (notices.css leaves that much room below the page at phone width, where they span the
// screen), and the control that has focus is scrolled clear when a notice would cover it.

import { createContext, lazy, Suspense, use, useCallback, useRef, useState, type ReactNode } from 'react'

// The notice itself (clock, buttons, styles) loads with the first notice: the host sits in the
// layout of every page, /members included, and must stay small.
const NoticeItem = lazy(() => import('./notice-item'))
const NoticeRoom = lazy(() => import('./notice-item').then((m) => ({ default: m.NoticeRoom })))

type NoticeTone = 'success' | 'error' | 'info'

export interface NoticeInput {
  message: string
  undo?: () => void
  tone?: NoticeTone
  /** A link after the message ("Open Ann's page"): what the change made, one click away. */
  link?: { label: string; to: string }
}

interface NoticeHandle {
  update(next: NoticeInput): void
  dismiss(): void
}

export type Notify = (notice: NoticeInput) => NoticeHandle

export interface Notice extends NoticeInput {
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
  const regionRef = useRef<HTMLOutputElement>(null)

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
      <output ref={regionRef} className="notices" aria-live="polite" aria-label="Notifications">
        <Suspense fallback={null}>
          {notices.length > 0 && <NoticeRoom region={regionRef} />}
          {notices.map((notice) => (
            // Keyed by version too: an updated notice starts its clock over.
            <NoticeItem
              key={`${notice.id}.${notice.version}`}
              notice={notice}
              onDismiss={() => dismiss(notice.id)}
            />
          ))}
        </Suspense>
      </output>
    </NoticeContext>
  )
}
