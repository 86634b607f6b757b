// One notice of the host in ./notices.tsx (loaded with the first notice): its clock, Undo and Dismiss.

import { useEffect, useRef, useState, type RefObject } from 'react'
import { Link, useInRouterContext } from 'react-router'
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
        {notice.link ? (
          <NoticeLink
            to={notice.link.to}
            label={notice.link.label}
            onFollow={() => close(ref.current, onDismissRef.current)}
          />
        ) : null}
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

/**
 * A link within Roster: client-side when the host sits inside the router (the app's layout), a
 * plain link otherwise (a host mounted outside one, as some tests do), never a crash.
 */
function NoticeLink({ to, label, onFollow }: { to: string; label: string; onFollow: () => void }) {
  const className = 'button button--small'
  if (!useInRouterContext())
    return (
      <a href={to} className={className} onClick={onFollow}>
        {label}
      </a>
    )
  return (
    <Link to={to} className={className} onClick={onFollow}>
      {label}
    </Link>
  )
}

/** Removes a notice; if focus was inside it, focus moves to main rather than to the page's body. */
function close(element: HTMLElement | null, dismiss: () => void) {
  if (element?.contains(document.activeElement)) document.getElementById('main')?.focus()
  dismiss()
}

/**
 * While notices show: their height kept in `--notices-block-size` on the root (notices.css leaves
 * that much room below the page at phone width), and the focused control scrolled clear of them.
 * Loaded with the first notice, like the notices themselves; gone (and the room with it) after the last.
 */
export function NoticeRoom({ region: regionRef }: { region: RefObject<HTMLOutputElement | null> }) {
  // A DOM measurement, not data: the region's height changes as notices come, wrap and go.
  useEffect(() => {
    const region = regionRef.current
    if (!region || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(region.getBoundingClientRect().height)
      root.style.setProperty('--notices-block-size', `${height}px`)
      if (height > 0) keepFocusClearOf(region)
    })
    observer.observe(region)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--notices-block-size')
    }
  }, [regionRef])
  return null
}

/** Scrolls the page so the focused control is above the notices, if they cover it. */
function keepFocusClearOf(region: HTMLElement) {
  const focused = document.activeElement
  if (!(focused instanceof HTMLElement) || focused === document.body || region.contains(focused)) return
  const control = focused.getBoundingClientRect()
  const covering = [...region.children].map((notice) => notice.getBoundingClientRect())
  const top = Math.min(
    ...covering
      .filter((n) => n.height > 0 && n.left < control.right && n.right > control.left)
      .map((n) => n.top),
  )
  if (Number.isFinite(top) && control.bottom > top && control.top < window.innerHeight) {
    window.scrollBy({ top: control.bottom - top + 8 })
  }
}
