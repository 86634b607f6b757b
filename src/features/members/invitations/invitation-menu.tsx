// The row's invitation menu (APG menu button). The button is the cell's own (member-cells.tsx, in
// the first download of /members); this module, fetched on its first press, adds the menu and what
// its items do: "Resend invitation" at once (a notice says how it went) and "Withdraw invitation"
// behind its alert dialog.
// Button: Enter, Space or a click opens on the first item, ArrowDown too and ArrowUp on the last.
// Menu: ArrowUp/ArrowDown (wrapping), Home/End, a letter jumps to the item starting with it; Enter
// or Space activates; Escape closes and returns focus to the button; Tab or a click elsewhere closes.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { createPortal, flushSync } from 'react-dom'
import { useQueryClient } from '@tanstack/react-query'
import type { Member } from '../../../api/types'
import { refusalMessage } from '../../../api/writes/refusal'
import { useNotice } from '../../../components/notices'
import { useSubmitGuard } from '../../../lib/use-submit-guard'
import { useOrgId } from '../../auth/session'
import { useMemberBusy } from '../use-member-writes'
import { resendInvitation } from './invitation-actions'
import { WithdrawDialog } from './withdraw-dialog'
import './invitations.css'

const items = ['Resend invitation', 'Withdraw invitation'] as const

export default function InvitationMenu({
  member,
  open,
  setOpen,
  button,
}: {
  member: Member
  open: boolean
  setOpen: (open: boolean) => void
  button: RefObject<HTMLButtonElement | null>
}) {
  const orgId = useOrgId()
  const ctx = { qc: useQueryClient(), notify: useNotice(), orgId }
  // Both items are unavailable while a write to this member is in flight (from here, the page or a batch).
  const busy = useMemberBusy(orgId, member.id)
  const guard = useSubmitGuard()
  const [withdrawing, setWithdrawing] = useState(false)
  const menuRef = useRef<HTMLUListElement>(null)
  const itemRefs = useRef<Array<HTMLLIElement | null>>([])
  const firstFocus = useRef(0)
  const label = `Invitation actions for ${member.fullName}`

  // ArrowDown and ArrowUp on the cell's button (its Enter, Space and click toggle through `setOpen`).
  useEffect(() => {
    const node = button.current
    if (!node) return
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
      event.preventDefault()
      firstFocus.current = event.key === 'ArrowUp' ? items.length - 1 : 0
      setOpen(true)
    }
    node.addEventListener('keydown', onKeyDown)
    return () => node.removeEventListener('keydown', onKeyDown)
  }, [button, setOpen])

  // Placed beside the button in the window's coordinates: the table's cells clip what overflows them.
  // It follows the button while the page scrolls; it opens above it when there is no room below.
  useLayoutEffect(() => {
    const menu = menuRef.current
    if (!open || !menu) return
    const place = () => {
      const anchor = button.current?.getBoundingClientRect()
      if (!anchor) return
      const below = anchor.bottom + 4
      const top = below + menu.offsetHeight > window.innerHeight ? anchor.top - 4 - menu.offsetHeight : below
      menu.style.top = `${Math.max(4, top)}px`
      menu.style.left = `${Math.max(4, anchor.right - menu.offsetWidth)}px`
    }
    place()
    itemRefs.current[firstFocus.current]?.focus({ preventScroll: true })
    firstFocus.current = 0
    window.addEventListener('scroll', place, { passive: true })
    window.addEventListener('resize', place)
    return () => {
      window.removeEventListener('scroll', place)
      window.removeEventListener('resize', place)
    }
  }, [open, button])

  const close = (returnFocus: boolean) => {
    setOpen(false)
    if (returnFocus) button.current?.focus()
  }

  const activate = (index: number) => {
    if (busy) return
    close(true)
    if (index === 1) {
      setWithdrawing(true)
      return
    }
    guard.run(() =>
      resendInvitation(ctx, member).catch((error: unknown) =>
        ctx.notify({
          message: `${member.fullName}'s invitation was not sent again: ${refusalMessage(error, { what: 'member' })}`,
          tone: 'error',
        }),
      ),
    )
  }

  const focusItem = (index: number) => itemRefs.current[(index + items.length) % items.length]?.focus()

  const onItemKeyDown = (event: KeyboardEvent<HTMLLIElement>, index: number) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp':
        event.preventDefault()
        focusItem(index + (event.key === 'ArrowDown' ? 1 : -1))
        break
      case 'Home':
      case 'End':
        event.preventDefault()
        focusItem(event.key === 'Home' ? 0 : items.length - 1)
        break
      case 'Enter':
      case ' ':
        event.preventDefault()
        activate(index)
        break
      case 'Escape':
        event.preventDefault()
        close(true)
        break
      case 'Tab':
        close(false)
        break
      default:
        if (event.key.length === 1) {
          const letter = event.key.toLowerCase()
          const match = items.findIndex((item) => item.toLowerCase().startsWith(letter))
          if (match >= 0) focusItem(match)
        }
    }
  }

  // After a withdrawal the row goes: focus moves to the next row's name (the previous one's at the
  // end of the list, the page's heading when it was the only row), not to the top of the page.
  const onWithdrawn = () => {
    const row = button.current?.closest('tr')
    const next =
      [row?.nextElementSibling, row?.previousElementSibling]
        .map((sibling) => sibling?.querySelector<HTMLElement>('a[href]'))
        .find((link) => link != null) ?? document.querySelector<HTMLElement>('main h1')
    // The dialog closes first (it hands focus back to this row's button as it goes), then focus moves on.
    flushSync(() => setWithdrawing(false))
    next?.focus()
  }

  return (
    <>
      {open && (
        <ul
          ref={menuRef}
          role="menu"
          aria-label={label}
          className="invitation-menu"
          onBlur={(event) => {
            const to = event.relatedTarget as Node | null
            // The button's own click toggles the menu: leaving for it is not "elsewhere".
            if (!menuRef.current?.contains(to) && to !== button.current) setOpen(false)
          }}
        >
          {items.map((item, index) => (
            <li
              key={item}
              ref={(node) => {
                itemRefs.current[index] = node
              }}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={busy || undefined}
              className={
                index === 1 ? 'invitation-menu__item invitation-menu__item--danger' : 'invitation-menu__item'
              }
              onClick={() => activate(index)}
              onKeyDown={(event) => onItemKeyDown(event, index)}
            >
              {item}
            </li>
          ))}
        </ul>
      )}
      {withdrawing &&
        // In the page's body rather than inside the table (React still treats it as a child here):
        // a cell's clipping and one-line text must not shape the dialog.
        createPortal(
          <WithdrawDialog
            orgId={orgId}
            member={member}
            onClose={() => setWithdrawing(false)}
            onWithdrawn={onWithdrawn}
          />,
          document.body,
        )}
    </>
  )
}
