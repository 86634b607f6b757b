import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, beforeAll } from 'vitest'

// What main.tsx fetches once the first page is on screen: the views of a failure (the first
// download leaves them out, lib/on-demand.ts). Tests see a failure the way the app does after that,
// at once; lib/on-demand.test.tsx covers the moment before.
if (typeof window !== 'undefined') {
  beforeAll(async () => {
    const { preloadFailureViews } = await import('./src/app/route-error')
    await preloadFailureViews().catch(() => {})
  })
}

afterEach(() => {
  cleanup()
  // Node-environment test files (the demo HTTP server) have no Web Storage.
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  if (typeof localStorage !== 'undefined') localStorage.clear()
})

// jsdom has <dialog> but not its modal methods; the browser's own behaviour (focus trap, inert
// page, Escape → `cancel`) is covered in e2e. These only open and close it.
function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '')
}
function close(this: HTMLDialogElement) {
  this.removeAttribute('open')
  this.dispatchEvent(new Event('close'))
}
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = showModal
  HTMLDialogElement.prototype.close = close
}
