// Ctrl+K (⌘K on a Mac) anywhere in the signed-in app opens the command palette. Only this listener
// is in the first download; the palette itself (and its ranking) loads on the first press.
import { lazy, Suspense, useEffect, useState } from 'react'
import { useSignOut } from '../../features/auth/sign-out-button'

const CommandPalette = lazy(() =>
  import('../../features/palette/command-palette').then((m) => ({ default: m.CommandPalette })),
)

const isMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent)

export function CommandPaletteShortcut({ onSignedOut }: { onSignedOut: () => void }) {
  const [open, setOpen] = useState(false)
  const signOut = useSignOut(onSignedOut)
  // A global key binding is a subscription to the window, which is what an effect is for.
  useEffect(() => {
    const mac = isMac()
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'k' || event.altKey || event.shiftKey) return
      if (!(mac ? event.metaKey : event.ctrlKey)) return
      event.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
  if (!open) return null
  return (
    <Suspense fallback={null}>
      <CommandPalette onClose={() => setOpen(false)} onSignOut={signOut} />
    </Suspense>
  )
}
