import { useLayoutEffect, useRef, useState } from 'react'

/**
 * In place of a group's member or guest list when Tallyfy's read came without it (`users` and
 * `guests` are includes it may leave out, tallyfy-api.md §2.1): the list is not known, which is not
 * the same as empty, so it is neither shown, counted nor changed until a read brings it.
 */
export function ListNotRead({
  list,
  onRetry,
  retrying,
}: {
  list: 'member' | 'guest'
  onRetry: () => void
  /** The group is being read again. */
  retrying: boolean
}) {
  const button = useRef<HTMLButtonElement>(null)
  // After a Retry that came back without the list too, the words say it happened again.
  const [retried, setRetried] = useState(false)
  // A Retry that brings the list takes this notice (and its focused button) away: focus goes to the
  // section's heading, so a keyboard user stays where the list now is.
  useLayoutEffect(() => {
    const own = button.current
    return () => {
      if (own && document.activeElement === own)
        own.closest('section')?.querySelector<HTMLElement>('h2[tabindex="-1"]')?.focus()
    }
  }, [])
  return (
    <div className="banner banner--warning group-section__not-read">
      <output>
        {retrying
          ? `Reading the ${list} list again…`
          : `Tallyfy sent this group without its ${list} list${retried ? ' again' : ''}. Retry to read it again.`}
      </output>
      {/* aria-disabled rather than disabled: a pressed button keeps focus while the read runs. */}
      <button
        ref={button}
        type="button"
        className="button"
        aria-disabled={retrying || undefined}
        onClick={() => {
          if (retrying) return
          setRetried(true)
          onRetry()
        }}
      >
        Retry
      </button>
    </div>
  )
}
