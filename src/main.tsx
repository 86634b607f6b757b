import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/tokens.css'
import './styles/app.css'
import { credentialStore } from './api/credentials'
import { preloadDirectoryLoader } from './api/members/queries'
import { App } from './app/app'
import { queryClient } from './app/query-client'
import { preloadFailureViews } from './app/route-error'
import { preloadSignIn } from './app/router'
import { initTheme } from './app/theme'
import { loadDemo } from './features/auth/load-demo'

// Before the first paint: the CSP forbids an inline script in index.html, so the saved theme is
// applied here, as early as the module graph allows.
initTheme()

async function start() {
  // A reload in demo mode must find the demo's service worker answering /api before any page fetches.
  // The demo code is only downloaded here, for people who chose the demo.
  const credentials = credentialStore.get()
  // The directory's loader, now rather than after the first render; on a remembered device it starts
  // reading the directory kept there (#25), which the table then shows at once.
  if (credentials) preloadDirectoryLoader()
  if (!credentials) {
    // A new visitor will see the sign-in form first: have its code before the first render, so it
    // shows without a fallback. A slow download renders after 300 ms anyway (with the loading state),
    // and a failed one is left to the page's own lazy load and its error boundary.
    await Promise.race([preloadSignIn().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 300))])
  } else if (credentials.demo) {
    try {
      const { startDemo } = await loadDemo()
      await startDemo()
    } catch (error) {
      // Without the worker the demo token would be sent nowhere useful: start signed out instead.
      console.error('The demo organization could not start', error)
      credentialStore.clear()
    }
  } else if (credentialStore.timing()?.remembered) {
    // Both chunks before the first render takes the main thread (200 ms at most): the read of the kept
    // directory then runs beside that render, and its first rows are there when it ends.
    await Promise.race([
      Promise.all([import('./api/members/directory-loader'), import('./api/persist/device-store')]).catch(
        () => {},
      ),
      new Promise((resolve) => setTimeout(resolve, 200)),
    ])
  }

  const root = document.getElementById('root')
  if (!root) throw new Error('index.html has no #root element')
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )

  // Once the first page is on its way: the views of a failure, which the first download leaves out,
  // so that a failure later (offline included) shows them at once.
  whenIdle(() => void preloadFailureViews().catch(() => {}))
}

function whenIdle(run: () => void) {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 1000)
}

void start()
