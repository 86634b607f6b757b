import { defineConfig } from '@playwright/test'
import base, { chromiumProject, DEMO_API_PORT, demoApiServer, outDir } from './playwright.config'

// The nginx smoke: the production build served by nginx with deploy/nginx.conf as shipped, /api
// proxied to the demo API over HTTP. npm test runs it after the main suite (and skips it, in one
// line, where nginx is not installed and CI is not set). ROSTER_SKIP_BUILD=1 serves the build that
// is already in the output folder (npm test has just made it).
export const NGINX_PORT = Number(process.env.ROSTER_NGINX_PORT ?? 4473)

const build = process.env.ROSTER_SKIP_BUILD
  ? ''
  : `node node_modules/vite/bin/vite.js build --outDir ${outDir} --emptyOutDir && `

export default defineConfig({
  ...base,
  testDir: './e2e/nginx',
  testIgnore: [],
  outputDir: 'test-results/nginx',
  reporter: [['list'], ['json', { outputFile: 'test-results/nginx-results.json' }]],
  use: { ...base.use, baseURL: `http://127.0.0.1:${NGINX_PORT}` },
  projects: [chromiumProject],
  webServer: [
    demoApiServer,
    {
      command: `${build}node scripts/nginx-serve.mjs --port ${NGINX_PORT} --root ${outDir} --api http://127.0.0.1:${DEMO_API_PORT}`,
      url: `http://127.0.0.1:${NGINX_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
})
