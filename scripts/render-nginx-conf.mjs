#!/usr/bin/env node
// Prints deploy/nginx.conf with its placeholders filled in from the environment, ready for conf.d:
//
//   TALLYFY_API_URL=https://api.tallyfy.com ROSTER_LISTEN=8080 ROSTER_ROOT=/srv/roster/dist \
//     node scripts/render-nginx-conf.mjs > /etc/nginx/conf.d/roster.conf
import { resolve } from 'node:path'
import { renderNginxConf } from './lib/nginx-conf.mjs'

try {
  const root = process.env.ROSTER_ROOT
  if (!root) throw new Error('set ROSTER_ROOT to the absolute path of the dist/ folder')
  process.stdout.write(
    renderNginxConf({
      apiUrl: process.env.TALLYFY_API_URL,
      listen: process.env.ROSTER_LISTEN,
      root: resolve(root),
    }),
  )
} catch (error) {
  console.error(`render-nginx-conf: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
