// The demo organization as a real HTTP server on loopback, for end-to-end tests of the proxy path
// (browser → /api → Vite proxy → here). Each request becomes a Fetch Request answered by the same
// MSW handlers the browser demo uses, so the two cannot drift apart.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getResponse } from 'msw'
import { createDemoOrg, type DemoOrg } from './data'
import { createFaultController, parseFaults, type FaultController, type Faults } from './faults'
import { createHandlers } from './handlers'

const DEFAULT_DEMO_API_PORT = 4599

interface DemoApiOptions {
  /** 0 picks a free port. */
  port?: number
  members?: number
  seed?: number
  /** Every request waits this long (ms), like a real network. Kept across /__demo/reset. */
  latencyMs?: number
  /** The largest page the server hands out, whatever per_page asks (Tallyfy's reported cap is 100). */
  perPageCap?: number
}

export interface DemoApi {
  url: string
  port: number
  org: DemoOrg
  faults: FaultController
  close(): Promise<void>
}

// Only loopback: the demo token is public, so the server must never be reachable from elsewhere.
const HOST = '127.0.0.1'
const MAX_BODY_BYTES = 64 * 1024

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** Sets faults, answering 400 when the handlers refuse them (e.g. a staleGroupMember that cannot be). */
function setFaults(res: ServerResponse, controller: FaultController, faults: Faults) {
  try {
    controller.set(faults)
  } catch (error) {
    return json(res, 400, { message: error instanceof Error ? error.message : String(error) })
  }
  return json(res, 200, { faults: controller.get() })
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += buffer.length
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large')
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

function toFetchRequest(req: IncomingMessage, origin: string, body: Buffer | null): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    body: body && body.length > 0 ? new Uint8Array(body) : null,
  })
}

async function sendFetchResponse(res: ServerResponse, response: Response, method: string) {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  const body = method === 'HEAD' ? null : Buffer.from(await response.arrayBuffer())
  if (body) headers['content-length'] = String(body.length)
  res.writeHead(response.status, headers)
  res.end(body)
}

export async function startDemoApi(options: DemoApiOptions = {}): Promise<DemoApi> {
  const org = createDemoOrg({ members: options.members, seed: options.seed, now: Date.now() })
  const faults = createFaultController({}, { latencyMs: options.latencyMs, perPageCap: options.perPageCap })
  const handlers = createHandlers(org, faults)
  const extraOrgs = new Map<string, ExtraOrg>()

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { message: 'Demo API error', detail: String(error) })
      else res.destroy()
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', origin())

    if (url.pathname === '/health') return json(res, 200, { ok: true, members: org.members.length })
    if (url.pathname === '/__demo/orgs') {
      if (method !== 'POST') return json(res, 405, { message: 'Use POST' })
      let input: unknown
      try {
        input = JSON.parse((await readBody(req)).toString('utf8') || '{}')
      } catch {
        return json(res, 400, { message: 'Body must be JSON' })
      }
      const parsed = parseExtraOrg(input)
      if ('error' in parsed) return json(res, 400, { message: parsed.error })
      const { id, members, seed, latencyMs, perPageCap, token } = parsed.options
      if (id === org.id) return json(res, 400, { message: 'That is the main demo organization' })
      if (token !== undefined && [...extraOrgs.values()].some((e) => e.token === token && e.org.id !== id))
        return json(res, 400, { message: 'That token belongs to another demo organization' })
      const extraFaults = createFaultController({}, { latencyMs, perPageCap })
      const extra = { ...createDemoOrg({ members, seed, now: Date.now() }), id }
      extraOrgs.set(id, {
        org: extra,
        faults: extraFaults,
        token,
        handlers: createHandlers(extra, extraFaults, token === undefined ? {} : { token }),
      })
      return json(res, 200, { id, members: extra.members.length })
    }
    // Faults, stats and reset apply to the main organization, or to an extra one with ?org=<id>.
    const target = url.searchParams.get('org')
    const targetFaults = target ? extraOrgs.get(target)?.faults : faults
    if (!targetFaults && url.pathname.startsWith('/__demo/')) {
      return json(res, 404, { message: `No demo organization ${String(target)}` })
    }
    if (url.pathname === '/__demo/stats' && targetFaults) {
      // The write statistics (every write answered since the last reset, the most in flight at once).
      if (method !== 'GET') return json(res, 405, { message: 'Use GET' })
      return json(res, 200, targetFaults.stats())
    }
    if (url.pathname === '/__demo/faults' && targetFaults && targetFaults !== faults) {
      if (method !== 'POST') return json(res, 405, { message: 'Use POST' })
      const parsed = parseFaults(JSON.parse((await readBody(req)).toString('utf8') || '{}'))
      if ('error' in parsed) return json(res, 400, { message: parsed.error })
      return setFaults(res, targetFaults, parsed.faults)
    }
    if (url.pathname === '/__demo/reset' && targetFaults && targetFaults !== faults) {
      targetFaults.reset()
      return json(res, 200, { faults: targetFaults.get() })
    }
    if (url.pathname === '/__demo/faults') {
      if (method === 'GET') return json(res, 200, { faults: faults.get() })
      if (method !== 'POST') return json(res, 405, { message: 'Use GET or POST' })
      let input: unknown
      try {
        input = JSON.parse((await readBody(req)).toString('utf8') || '{}')
      } catch {
        return json(res, 400, { message: 'Body must be JSON' })
      }
      const parsed = parseFaults(input)
      if ('error' in parsed) return json(res, 400, { message: parsed.error })
      return setFaults(res, faults, parsed.faults)
    }
    if (url.pathname === '/__demo/echo') {
      // What arrived here after the proxy (method, headers, body size), so tests can check what the
      // dev server or nginx forwards and what it strips. Headers only: no values of the body.
      let bodyBytes = 0
      for await (const chunk of req) bodyBytes += (chunk as Buffer).length
      return json(res, 200, { method, headers: req.headers, bodyBytes })
    }
    if (url.pathname === '/__demo/hangup') {
      // An upstream that dies mid-request, so tests can see what the proxy in front answers (a 502)
      // and that even its own error page is sandboxed.
      req.socket.destroy()
      return
    }
    if (url.pathname === '/__demo/reset') {
      if (method !== 'POST') return json(res, 405, { message: 'Use POST' })
      faults.reset()
      return json(res, 200, { faults: faults.get() })
    }

    const body = method === 'GET' || method === 'HEAD' ? null : await readBody(req)
    const request = toFetchRequest(req, origin(), body)
    // An extra organization answers for its own paths, and, when it has a token of its own, for the
    // paths that name no organization (GET /me, /me/organizations) asked with that token: so its
    // persona (signedInRole) is the one /me reports, whatever the main organization's is.
    const orgInPath = /^\/organizations\/([^/]+)/.exec(url.pathname)?.[1]
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
    const extra = orgInPath
      ? extraOrgs.get(decodeURIComponent(orgInPath))
      : [...extraOrgs.values()].find((e) => e.token !== undefined && e.token === bearer)
    const response = await getResponse(extra?.handlers ?? handlers, request)
    if (response?.type === 'error') {
      // A handler's network error (HttpResponse.error(), e.g. dropAfterWrite once the write is
      // applied): hang up without an answer, as /__demo/hangup does.
      req.socket.destroy()
      return
    }
    if (response) return sendFetchResponse(res, response, method)
    // Without the /api prefix every path belongs to the API, so anything unhandled is Tallyfy's 404.
    return json(res, 404, { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_DEMO_API_PORT, HOST, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  function origin() {
    return `http://${HOST}:${port}`
  }

  return {
    url: origin(),
    port,
    org,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

interface ExtraOrg {
  org: DemoOrg
  faults: FaultController
  /** Its own access token, if it was given one; otherwise it takes the demo token. */
  token?: string
  handlers: ReturnType<typeof createHandlers>
}

interface ExtraOrgOptions {
  id: string
  members: number
  seed?: number
  latencyMs?: number
  perPageCap?: number
  token?: string
}

/**
 * `POST /__demo/orgs {"id": "large-30008", "members": 30008, "latencyMs": 40, "perPageCap": 100}`:
 * a second organization, served beside the main one by the same server, signed in to with the demo
 * token and its own ID. Tests and the bench use it for large organizations without changing the one
 * every other spec reads. With `"token": "…"` it takes that token instead, and GET /me asked with it
 * reports this organization's persona (`signedInRole` in its faults), so a test can sign in as a
 * non-admin without changing who is signed in to the main organization.
 */
function parseExtraOrg(input: unknown): { options: ExtraOrgOptions } | { error: string } {
  if (typeof input !== 'object' || input === null) return { error: 'Expected a JSON object' }
  const o = input as Record<string, unknown>
  if (typeof o.id !== 'string' || !/^[\w-]{1,64}$/.test(o.id))
    return { error: 'id must be letters, digits, - or _' }
  const whole = (key: string, max: number, min = 0): number | undefined | string => {
    const v = o[key]
    if (v === undefined) return undefined
    return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : `${key} must be ${min}…${max}`
  }
  const members = whole('members', 100_000)
  const seed = whole('seed', 2 ** 31)
  const latencyMs = whole('latencyMs', 60_000)
  const perPageCap = whole('perPageCap', 100_000, 1)
  for (const v of [members, seed, latencyMs, perPageCap]) if (typeof v === 'string') return { error: v }
  if (o.token !== undefined && (typeof o.token !== 'string' || !/^[\w.-]{8,128}$/.test(o.token)))
    return { error: 'token must be 8…128 letters, digits, ., - or _' }
  return {
    options: {
      id: o.id,
      members: (members as number | undefined) ?? 1000,
      seed: seed as number | undefined,
      latencyMs: latencyMs as number | undefined,
      perPageCap: perPageCap as number | undefined,
      token: o.token as string | undefined,
    },
  }
}

/** `--port 4610 --members 10000 --seed 2 --latency 40 --per-page-cap 100` (also `--port=4610`). */
export function parseDemoApiArgs(argv: readonly string[]): DemoApiOptions {
  const options: DemoApiOptions = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined]
    const value = inline ?? argv[i + 1]
    const take = (name: string, max: number): number => {
      if (inline === undefined) i++
      const n = Number(value)
      if (value === undefined || !Number.isInteger(n) || n < 0 || n > max) {
        throw new Error(`${name} expects a whole number between 0 and ${max}, got ${String(value)}`)
      }
      return n
    }
    if (flag === '--port') options.port = take('--port', 65_535)
    else if (flag === '--members') options.members = take('--members', 100_000)
    else if (flag === '--seed') options.seed = take('--seed', 2 ** 31)
    else if (flag === '--latency') options.latencyMs = take('--latency', 60_000)
    else if (flag === '--per-page-cap') {
      options.perPageCap = take('--per-page-cap', 100_000)
      if (options.perPageCap < 1) throw new Error('--per-page-cap expects at least 1')
    } else
      throw new Error(`Unknown option ${arg} (expected --port, --members, --seed, --latency, --per-page-cap)`)
  }
  return options
}
