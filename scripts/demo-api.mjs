#!/usr/bin/env node
// Runs the demo organization's HTTP server (src/demo/serve.ts) straight from TypeScript: Vite's
// module runner transforms it in memory, so there is no build step and no output folder to share
// between several servers on different ports.
//
//   npm run demo-api -- --port 4610 --members 10000

import { fileURLToPath } from 'node:url'
import { runnerImport } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

try {
  const { module } = await runnerImport(fileURLToPath(new URL('../src/demo/serve.ts', import.meta.url)), {
    root,
    configFile: false,
    logLevel: 'error',
  })
  const api = await module.startDemoApi(module.parseDemoApiArgs(process.argv.slice(2)))
  console.log(`Roster demo API (${api.org.members.length} members) listening on ${api.url}`)

  const shutdown = () => {
    api.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
} catch (error) {
  console.error(`demo-api: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
