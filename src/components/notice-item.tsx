// One notice of the host in ./notices.tsx (loaded with the first notice): its clock, Undo and Dismiss.

import { useEffect, useRef, useState } from 'react'
import { INFO_MS, UNDO_MS, type Notice } from './notices'
import './notices.css'

export default function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
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
