import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

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
