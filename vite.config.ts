/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import { defineConfig, type Connect, type Plugin, type ProxyOptions } from 'vite'
import react from '@vitejs/plugin-react'

import { apiMaxBodyBytes, apiMethods, apiResponseHeaders, pageHeaders } from './deploy/security-headers.mjs'

// The browser only ever calls /api on its own origin; this proxy forwards it to Tallyfy
// (or to any Tallyfy-compatible server, such as the demo API on loopback). It follows the same rules
// as deploy/nginx.conf, from the same module: verified TLS, no cookies either way, only the methods
// Roster uses, a body limit, and answers that cannot run as a page on this origin.
const apiTarget = process.env.TALLYFY_API_URL ?? 'https://api.tallyfy.com'
const apiProxy: Record<string, ProxyOptions> = {
  '/api': {
    target: apiTarget,
    changeOrigin: true,
    secure: true,
    rewrite: (path) => path.replace(/^\/api/, '') || '/',
    configure(proxy) {
      proxy.on('proxyReq', (proxyReq) => {
        proxyReq.removeHeader('cookie')
      })
      proxy.on('proxyRes', (proxyRes) => {
        for (const name of ['set-cookie', ...Object.keys(apiResponseHeaders)]) {
          delete proxyRes.headers[name.toLowerCase()]
        }
        for (const [name, value] of Object.entries(apiResponseHeaders))
          proxyRes.headers[name.toLowerCase()] = value
      })
      // Upstream unreachable or gone mid-request: Vite's own 502 carries no headers, so answer first
      // (this listener runs before Vite's, which then sees the answer sent), sandboxed like the rest.
      proxy.on('error', (_error, _req, res) => {
        if (!('writeHead' in res) || res.headersSent || res.writableEnded) return
        res.writeHead(502, { ...apiResponseHeaders, 'Content-Type': 'text/plain' }).end('502\n')
      })
    },
  },
}

const isApiPath = (url: string | undefined) =>
  url === '/api' || (url?.startsWith('/api/') ?? false) || (url?.startsWith('/api?') ?? false)

/** Refuses what nginx refuses before it reaches the proxy: other methods (405) and large bodies (413). */
const apiGuard: Connect.NextHandleFunction = (req, res, next) => {
  if (!isApiPath(req.url)) return next()
  const refuse = (status: number, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...apiResponseHeaders, ...extra, 'Content-Type': 'text/plain' })
    res.end(`${status}\n`)
  }
  if (!apiMethods.includes(req.method ?? '')) return refuse(405, { Allow: apiMethods.join(', ') })
  if (Number(req.headers['content-length'] ?? 0) > apiMaxBodyBytes) return refuse(413)
  next()
}

const apiGuardPlugin: Plugin = {
  name: 'roster-api-guard',
  // Middlewares added here run before Vite's own, the /api proxy included.
  configureServer: (server) => void server.middlewares.use(apiGuard),
  configurePreviewServer: (server) => void server.middlewares.use(apiGuard),
}

// Two packages resolve to code a production build does not need:
// - react-router's package.json points every condition at its development build
//   (remix-run/react-router#12532, #14102), whose only difference from dist/production is that it
//   logs dev warnings; the production files are the same code with those turned off;
// - TanStack Store imports the useSyncExternalStore shim for React < 18, which on React 19 only hands
//   over React's own hook; the package's non-shim entry uses that hook directly.
// Only for `vite build` (0.7 KB gzipped less to download): the dev server and Vitest keep React
// Router's warnings.
const productionPackagesPlugin: Plugin = {
  name: 'roster-production-packages',
  apply: 'build',
  config: () => ({
    resolve: {
      alias: [
        {
          find: /^react-router$/,
          replacement: fileURLToPath(
            import.meta.resolve('react-router').replace('/development/', '/production/'),
          ),
        },
        {
          find: /^use-sync-external-store\/shim\/with-selector$/,
          replacement: 'use-sync-external-store/with-selector',
        },
      ],
    },
  }),
}

export default defineConfig({
  plugins: [react(), apiGuardPlugin, productionPackagesPlugin],
  // Same-origin only: no CORS middleware, which would also answer OPTIONS on /api before the guard.
  server: { proxy: apiProxy, cors: false },
  preview: {
    proxy: apiProxy,
    cors: false,
    headers: { ...pageHeaders },
  },
  build: {
    sourcemap: false,
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Everything the first page needs goes into one chunk. Left to itself, Rolldown splits the
        // code shared by the entry and the lazily loaded pages into several common chunks, each
        // gzipped on its own, which made the first load about 3 KB larger (137 KB against the
        // 135 KB budget). Pages, MSW and the demo stay in their own lazy chunks.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
  },
})
