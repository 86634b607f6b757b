import { defineConfig, devices } from '@playwright/test'

const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

// Ports and the build folder can be moved so that two checkouts (or two people) can run e2e at once.
export const APP_PORT = Number(process.env.ROSTER_PORT ?? 4173)
export const DEMO_API_PORT = Number(process.env.ROSTER_API_PORT ?? 4599)
export const outDir = process.env.ROSTER_OUT_DIR ?? 'dist'

export const chromiumProject = {
  name: 'chromium',
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
  },
}

/** The demo organization served over real HTTP, so e2e can go through the proxy path. */
export const demoApiServer = {
  command: `npm run demo-api -- --port ${DEMO_API_PORT}`,
  url: `http://127.0.0.1:${DEMO_API_PORT}/health`,
  reuseExistingServer: !process.env.CI,
  timeout: 120_000,
}

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
  },
  // e2e/nginx/ runs against nginx instead: playwright.nginx.config.ts.
  testIgnore: 'nginx/**',
  projects: [chromiumProject],
  webServer: [
    demoApiServer,
    {
      command: `node node_modules/vite/bin/vite.js build --outDir ${outDir} --emptyOutDir && TALLYFY_API_URL=http://127.0.0.1:${DEMO_API_PORT} node node_modules/vite/bin/vite.js preview --outDir ${outDir} --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
