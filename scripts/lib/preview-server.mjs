// Shared by `npm run bench`, `npm run lighthouse` and `npm run screenshots`: build the production
// app into its own folder, serve it with `vite preview` on its own port (so a run never touches
// dist/ or a server someone else is using), drive it in this machine's Chromium, then stop both.
import { chromium } from '@playwright/test'
import { build, preview } from 'vite'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Quiet, reproducible Chromium: no sandbox (containers), no background traffic, no QUIC. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Headless Chromium through Playwright, with the standard flags. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

/**
 * Builds into `outDir` (unless `skipBuild`), serves it on 127.0.0.1:`port`, starts a browser with
 * `launch` (Playwright's Chromium by default; anything with a `close()`), and runs
 * `run({ baseURL, browser })`. The browser and the server are stopped however `run` ends.
 */
export async function withPreview({ outDir, port, skipBuild = false, launch = launchChromium }, run) {
  if (!skipBuild) {
    console.log(`Building the production app into ${outDir}/ …`)
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } })
  }
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  })
  let browser
  try {
    browser = await launch()
    return await run({ baseURL: `http://127.0.0.1:${port}`, browser })
  } finally {
    await browser?.close()
    await server.close()
  }
}
