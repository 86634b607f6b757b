#!/usr/bin/env node
// Serves a production build with nginx and deploy/nginx.conf exactly as an organization would, for
// the end-to-end smoke (playwright.nginx.config.ts) or to try a deployment locally:
//
//   node scripts/nginx-serve.mjs --port 4473 --root dist --api http://127.0.0.1:4599
//
// Everything nginx writes (pid, logs, temp files, the filled-in config) goes to a folder under the
// system's temp dir, so it runs the same as root in CI or as a developer, beside any other nginx.
// nginx stays in the foreground (daemon off) as this script's child and stops when it stops.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { option } from './lib/cli.mjs'
import { findNginx, renderNginxConf } from './lib/nginx-conf.mjs'

const port = Number(option('port', '4473'))
const root = resolve(option('root', 'dist'))
const apiUrl = option('api', process.env.TALLYFY_API_URL ?? 'https://api.tallyfy.com')

const nginx = findNginx()
if (!nginx) {
  console.error('nginx-serve: nginx is not installed (on Debian: apt-get install nginx)')
  process.exit(1)
}

// Where nginx keeps mime.types: beside its compiled-in nginx.conf (Debian: /etc/nginx).
const built = spawnSync(nginx, ['-V'], { encoding: 'utf8' })
const confPath = /--conf-path=(\S+)/.exec(built.stderr)?.[1] ?? '/etc/nginx/nginx.conf'
const mimeTypes = join(dirname(confPath), 'mime.types')

// One folder per port, emptied at start: Playwright stops its web servers with SIGKILL, which leaves
// no chance to clean up, so the next run on that port does it.
const prefix = join(tmpdir(), `roster-nginx-${port}`)
rmSync(prefix, { recursive: true, force: true })
for (const dir of ['conf', 'logs', 'temp']) mkdirSync(join(prefix, dir), { recursive: true })
writeFileSync(
  join(prefix, 'conf', 'roster.conf'),
  renderNginxConf({ apiUrl, listen: `127.0.0.1:${port}`, root }),
)
const temp = (name) => join(prefix, 'temp', name)
writeFileSync(
  join(prefix, 'conf', 'nginx.conf'),
  [
    'daemon off;',
    'worker_processes 1;',
    // As root (CI), workers would switch to "nobody" and could not read a checkout under /root.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    `pid ${join(prefix, 'nginx.pid')};`,
    `error_log ${join(prefix, 'logs', 'error.log')} warn;`,
    'events { worker_connections 256; }',
    'http {',
    `  include ${mimeTypes};`,
    '  default_type application/octet-stream;',
    '  access_log off;',
    `  client_body_temp_path ${temp('body')};`,
    `  proxy_temp_path ${temp('proxy')};`,
    `  fastcgi_temp_path ${temp('fastcgi')};`,
    `  uwsgi_temp_path ${temp('uwsgi')};`,
    `  scgi_temp_path ${temp('scgi')};`,
    // The server block, as shipped: deploy/nginx.conf with its placeholders filled in.
    `  include ${join(prefix, 'conf', 'roster.conf')};`,
    '}',
    '',
  ].join('\n'),
)

// -e: report to stderr from the first line on, instead of the compiled-in /var/log/nginx/error.log.
const args = ['-p', prefix, '-c', join(prefix, 'conf', 'nginx.conf'), '-e', 'stderr']
const cleanUp = () => rmSync(prefix, { recursive: true, force: true })

const check = spawnSync(nginx, [...args, '-t', '-q'], { stdio: 'inherit' })
if (check.status !== 0) {
  console.error(`nginx-serve: nginx -t rejected the config (kept in ${prefix})`)
  process.exit(1)
}

const child = spawn(nginx, args, { stdio: 'inherit' })
console.log(`nginx-serve: ${nginx} on http://127.0.0.1:${port}, root ${root}, /api → ${apiUrl}`)
let stopping = false
const stop = () => {
  if (stopping) return
  stopping = true
  child.kill('SIGTERM') // fast shutdown; workers go with the master
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, stop)
process.on('exit', () => {
  if (child.exitCode === null) child.kill('SIGKILL')
})
child.on('exit', (code, signal) => {
  cleanUp()
  process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)))
})
