// @vitest-environment node
// deploy/nginx.conf is hand-written nginx, vite.config.ts takes its headers from
// deploy/security-headers.mjs; these tests keep the two (and the proxy rules) from drifting apart.
import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ProxyOptions } from 'vite'
import { describe, expect, it } from 'vitest'
import viteConfig from '../vite.config'
import {
  apiMaxBodyBytes,
  apiMethods,
  apiResponseHeaders,
  contentSecurityPolicy,
  pageHeaders,
} from '../deploy/security-headers.mjs'
import { normaliseApiUrl, renderNginxConf } from './lib/nginx-conf.mjs'

const template = readFileSync(new URL('../deploy/nginx.conf', import.meta.url), 'utf8')

interface Block {
  /** e.g. "server > location /api/ > if ($request_method …)" */
  path: string
  directives: string[][]
}

/** Splits the config into blocks, each with its own directives (one per line, comments dropped). */
function parseBlocks(text: string): Map<string, Block> {
  const blocks = new Map<string, Block>()
  const stack: Block[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (!line) continue
    if (line.endsWith('{')) {
      const name = line.slice(0, -1).trim()
      const block = {
        path: [...stack.map((b) => b.path.split(' > ').at(-1)), name].join(' > '),
        directives: [],
      }
      blocks.set(block.path, block)
      stack.push(block)
    } else if (line === '}') {
      stack.pop()
    } else {
      expect(line, `one directive per line: ${line}`).toMatch(/;$/)
      const words = line.slice(0, -1).match(/"[^"]*"|\S+/g) ?? []
      stack.at(-1)?.directives.push(words.map((w) => w.replace(/^"(.*)"$/, '$1')))
    }
  }
  return blocks
}

const blocks = parseBlocks(template)
const block = (path: string) => {
  const found = blocks.get(path)
  if (!found) throw new Error(`deploy/nginx.conf has no block ${path}`)
  return found
}
const values = (b: Block, name: string) => b.directives.filter((d) => d[0] === name).map((d) => d.slice(1))
const headersOf = (b: Block) =>
  Object.fromEntries(
    values(b, 'add_header').map(([name, value, always]) => {
      expect(always, `add_header ${name} is sent on errors too`).toBe('always')
      return [name, value]
    }),
  )

const SERVER = 'server'
const API = 'server > location /api/'
const API_METHOD_CHECK = `${API} > if ($request_method !~ ^(${apiMethods.join('|')})$)`

describe('deploy/nginx.conf against deploy/security-headers.mjs', () => {
  it('sends the page headers on everything outside /api', () => {
    expect(headersOf(block(SERVER))).toEqual(pageHeaders)
  })

  it('uses the same CSP as vite preview', () => {
    const preview = viteConfig.preview?.headers as Record<string, string> | undefined
    expect(preview?.['Content-Security-Policy']).toBe(contentSecurityPolicy)
    expect(headersOf(block(SERVER))['Content-Security-Policy']).toBe(preview?.['Content-Security-Policy'])
    expect(preview).toEqual(pageHeaders)
  })

  it('no other block has an add_header of its own (nginx would drop the inherited ones there)', () => {
    const withHeaders = [...blocks.values()]
      .filter((b) => values(b, 'add_header').length > 0)
      .map((b) => b.path)
    expect(new Set(withHeaders)).toEqual(new Set([SERVER, API, API_METHOD_CHECK]))
  })

  it('sandboxes every /api answer, the 405 included', () => {
    expect(headersOf(block(API))).toEqual(apiResponseHeaders)
    expect(headersOf(block(API_METHOD_CHECK))).toEqual({
      ...apiResponseHeaders,
      Allow: apiMethods.join(', '),
    })
    expect(values(block(API_METHOD_CHECK), 'return')).toEqual([['405']])
  })

  it('sends HSTS on every page, for two years and subdomains, not preloaded', () => {
    const hsts = 'max-age=63072000; includeSubDomains'
    expect(headersOf(block(SERVER))['Strict-Transport-Security']).toBe(hsts)
    const preview = viteConfig.preview?.headers as Record<string, string> | undefined
    expect(preview?.['Strict-Transport-Security']).toBe(hsts)
  })

  it('lets no browser or shared cache keep an /api answer, whatever upstream said', () => {
    expect(headersOf(block(API))['Cache-Control']).toBe('no-store')
    expect(headersOf(block(API_METHOD_CHECK))['Cache-Control']).toBe('no-store')
    // add_header adds a second Cache-Control beside upstream's; only hiding upstream's leaves ours alone.
    expect(values(block(API), 'proxy_hide_header')).toContainEqual(['Cache-Control'])
  })

  it('limits bodies to what security-headers.mjs allows', () => {
    const [size] = values(block(API), 'client_max_body_size')[0] ?? []
    expect(size).toMatch(/^\d+m$/)
    expect(Number.parseInt(size ?? '', 10) * 1024 * 1024).toBe(apiMaxBodyBytes)
    expect(apiMaxBodyBytes).toBeGreaterThan((2 * 1024 * 1024 * 4) / 3) // a 2 MB logo, even as base64
  })

  it('verifies TLS to Tallyfy and forwards no cookies', () => {
    const api = block(API)
    expect(values(api, 'proxy_pass')).toEqual([['${TALLYFY_API_URL}/']])
    expect(values(api, 'proxy_ssl_verify')).toEqual([['on']])
    expect(values(api, 'proxy_ssl_server_name')).toEqual([['on']])
    expect(values(api, 'proxy_ssl_trusted_certificate')).toEqual([['/etc/ssl/certs/ca-certificates.crt']])
    expect(values(api, 'proxy_set_header')).toContainEqual(['Cookie', ''])
    expect(values(api, 'proxy_hide_header')).toContainEqual(['Set-Cookie'])
  })

  it('caches hashed assets for long and revalidates everything else', () => {
    expect(values(block('server > location /assets/'), 'expires')).toEqual([['1y']])
    expect(values(block('server > location /'), 'expires')).toEqual([['epoch']])
    expect(values(block('server > location /'), 'try_files')).toEqual([['$uri', '/index.html']])
  })
})

describe('the /api proxy of the dev and preview servers', () => {
  type Handler = (...args: unknown[]) => void
  /** Runs the proxy's configure() on a stand-in for http-proxy, returning its listeners. */
  function listenersOf(server: 'server' | 'preview') {
    const options = viteConfig[server]?.proxy?.['/api'] as ProxyOptions
    const proxy = new EventEmitter()
    options.configure?.(proxy as never, options)
    return (event: string) => proxy.listeners(event) as Handler[]
  }

  it.each(['server', 'preview'] as const)(
    '%s: every answer is no-store and sandboxed, replacing what upstream sent',
    (server) => {
      const upstream = {
        headers: {
          'cache-control': 'public, max-age=600',
          'content-security-policy': 'default-src *',
          'set-cookie': ['a=1'],
        } as Record<string, unknown>,
      }
      for (const listener of listenersOf(server)('proxyRes')) listener(upstream)
      expect(upstream.headers['cache-control']).toBe('no-store')
      expect(upstream.headers['content-security-policy']).toBe(apiResponseHeaders['Content-Security-Policy'])
      expect(upstream.headers['set-cookie']).toBeUndefined()
    },
  )

  it.each(['server', 'preview'] as const)('%s: its own 502 is no-store too', (server) => {
    let status = 0
    let headers: Record<string, string> = {}
    const res = {
      headersSent: false,
      writableEnded: false,
      writeHead(code: number, sent: Record<string, string>) {
        status = code
        headers = sent
        return { end: () => undefined }
      },
    }
    for (const listener of listenersOf(server)('error'))
      listener(new Error('socket hang up'), {} as IncomingMessage, res as unknown as ServerResponse)
    expect(status).toBe(502)
    expect(headers['Cache-Control']).toBe('no-store')
  })
})

describe('renderNginxConf', () => {
  it('fills in the three placeholders and leaves nginx variables alone', () => {
    const text = renderNginxConf({
      apiUrl: 'http://127.0.0.1:4599/',
      listen: '127.0.0.1:4473',
      root: '/srv/dist',
    })
    expect(text).not.toMatch(/\$\{/)
    expect(text).toContain('proxy_pass http://127.0.0.1:4599/;')
    expect(text).toContain('listen 127.0.0.1:4473;')
    expect(text).toContain('root /srv/dist;')
    expect(text).toContain('try_files $uri /index.html;')
    expect(text).toContain('$request_method')
  })

  it('defaults to Tallyfy and keeps a path prefix', () => {
    expect(renderNginxConf({ root: '/srv/dist' })).toContain('proxy_pass https://api.tallyfy.com/;')
    expect(normaliseApiUrl('https://go.tallyfy.com/api/')).toBe('https://go.tallyfy.com/api')
  })

  it('refuses values that would change the config, and unknown placeholders', () => {
    expect(() => renderNginxConf({ root: '/srv/dist; include /etc/passwd' })).toThrow(/ROSTER_ROOT/)
    expect(() => renderNginxConf({ root: '/srv/dist', apiUrl: 'ftp://example.com' })).toThrow(/http/)
    expect(() => renderNginxConf({ root: '/srv/dist' }, 'root ${NOPE};')).toThrow(/NOPE/)
  })
})
