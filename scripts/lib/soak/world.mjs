// What the soak runs against: the production build behind `vite preview` and its /api proxy, and the
// HTTP demo organization (src/demo/serve.ts, the same server as `npm run demo-api`), both in this
// process. In-process because the soak needs what no HTTP answer tells: the organization's data as
// the demo holds it (the truth every page is compared with, read without going through the faults
// the browser is put through), and which request each fault hit.
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build, preview, runnerImport } from 'vite'
import { projectRoot } from '../cli.mjs'

const tsModule = async (path) => {
  const { module } = await runnerImport(fileURLToPath(new URL(`../../../src/${path}`, import.meta.url)), {
    root: projectRoot,
    configFile: false,
    logLevel: 'error',
  })
  return module
}

/** A port nobody listens on now (the kernel's pick), so the soak never meets Playwright's servers. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Builds into `outDir` unless told to reuse a build that is there. */
export async function ensureBuild(outDir, reuse) {
  if (reuse && existsSync(`${outDir}/index.html`)) {
    console.log(`soak: reusing the production build in ${outDir}/`)
    return
  }
  console.log(`soak: building the production app into ${outDir}/ …`)
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } })
}

/**
 * Starts the demo API (with every request's faults recorded) and the preview server in front of it.
 * `requests` is the log the checks read: one entry per API request, in arrival order, with the fault
 * it got; `faultCounts` counts what was injected.
 */
export async function startWorld({ outDir, port, apiPort, members, seed }) {
  const serve = await tsModule('demo/serve.ts')
  const { parseMember } = await tsModule('api/members/schema.ts')
  const credentials = await tsModule('demo/credentials.ts')
  const api = await serve.startDemoApi({ port: apiPort ?? 0, members, seed })

  const requests = []
  const faultCounts = {}
  const count = (name) => (faultCounts[name] = (faultCounts[name] ?? 0) + 1)
  const take = api.faults.take.bind(api.faults)
  api.faults.take = (pathname, method = 'GET') => {
    const applied = take(pathname, method)
    const upper = method.toUpperCase()
    const write = upper !== 'GET' && upper !== 'HEAD'
    let fault = null
    if (applied?.status) fault = `${applied.status}`
    else if (applied?.dropAfterWrite && write) fault = 'drop'
    if (fault) count(fault === 'drop' ? 'dropped after write' : `status ${fault}`)
    if (applied?.latencyMs) count('latency')
    requests.push({ seq: requests.length, at: Date.now(), method: upper, path: pathname, fault })
    return applied
  }

  const appPort = port ?? (await freePort())
  // vite.config.ts reads the proxy's target when the preview server loads it.
  process.env.TALLYFY_API_URL = api.url
  const server = await preview({
    // Quiet: the proxy reports every dropped connection (a fault the soak injects) as an error.
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: appPort, strictPort: true, open: false },
  })

  return {
    baseURL: `http://127.0.0.1:${appPort}`,
    api,
    org: api.org,
    orgId: credentials.DEMO_ORG_ID,
    token: credentials.DEMO_TOKEN,
    meId: credentials.DEMO_ME_ID,
    parseMember,
    requests,
    faultCounts,
    /** H1's write statistics (every write with its answer), when this demo has them. */
    writeStats: () => (typeof api.faults.stats === 'function' ? api.faults.stats() : null),
    async close() {
      await server.close()
      await api.close()
    },
  }
}
