import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { apiMaxBodyBytes, apiMethods, apiResponseHeaders } from '../deploy/security-headers.mjs'
import { DEMO_ORG_ID, DEMO_TOKEN, expect, test } from './fixtures'

// The /api rules both servers follow (vite preview in e2e/security.spec.ts, nginx in e2e/nginx/): the
// same checks run against each. Raw HTTP, not the browser, so that headers, methods and bodies are
// exactly what the test sends. The demo API's /__demo/echo answers with what reached it.

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
}

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)))
    req.end(options.body)
  })
}

const auth = {
  Authorization: `Bearer ${DEMO_TOKEN}`,
  Accept: 'application/json',
  'X-Tallyfy-Client': 'APIClient',
}

function expectSandboxed(response: RawResponse, what: string) {
  for (const [name, value] of Object.entries(apiResponseHeaders)) {
    expect(response.headers[name.toLowerCase()], `${name} on ${what}`).toBe(value)
  }
}

interface Echo {
  method: string
  headers: Record<string, string>
  bodyBytes: number
}
const echoOf = (response: RawResponse) => JSON.parse(response.body.toString('utf8')) as Echo

const api = (baseURL: string | undefined, path: string) => `${baseURL}/api${path}`

/** Registers the /api proxy tests for the server under test (the project's baseURL). */
export function proxyRuleTests() {
  test('every /api answer is sandboxed and not sniffable, errors included', async ({ baseURL }) => {
    const ok = await rawRequest(api(baseURL, `/organizations/${DEMO_ORG_ID}/groups`), { headers: auth })
    expect(ok.status).toBe(200)
    expectSandboxed(ok, 'a 200')
    const unauthorized = await rawRequest(api(baseURL, '/me'))
    expect(unauthorized.status).toBe(401)
    expectSandboxed(unauthorized, 'a 401')
    const missing = await rawRequest(api(baseURL, '/no/such/endpoint'), { headers: auth })
    expect(missing.status).toBe(404)
    expectSandboxed(missing, 'a 404')
    // The proxy's own error page, when upstream dies mid-request, is sandboxed too.
    const gone = await rawRequest(api(baseURL, '/__demo/hangup'), { headers: auth })
    expect(gone.status).toBe(502)
    expectSandboxed(gone, 'the proxy’s own 502')
  })

  test('no /api answer may be kept by a cache: Cache-Control: no-store, errors included', async ({
    baseURL,
  }) => {
    const answers = {
      'a 200': await rawRequest(api(baseURL, `/organizations/${DEMO_ORG_ID}/users`), { headers: auth }),
      'a 401': await rawRequest(api(baseURL, '/me')),
      'a 404': await rawRequest(api(baseURL, '/no/such/endpoint'), { headers: auth }),
      'the proxy’s own 502': await rawRequest(api(baseURL, '/__demo/hangup'), { headers: auth }),
      'a 405': await rawRequest(api(baseURL, '/__demo/echo'), { method: 'PATCH', headers: auth }),
      'a 413': await rawRequest(api(baseURL, '/__demo/echo'), {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/octet-stream' },
        body: Buffer.alloc(apiMaxBodyBytes + 1, 0x61),
      }),
    }
    expect(Object.fromEntries(Object.entries(answers).map(([what, r]) => [what, r.status]))).toEqual({
      'a 200': 200,
      'a 401': 401,
      'a 404': 404,
      'the proxy’s own 502': 502,
      'a 405': 405,
      'a 413': 413,
    })
    for (const [what, response] of Object.entries(answers))
      expect(response.headers['cache-control'], what).toBe('no-store')
  })

  test('the browser’s cookies stay on this origin; the token goes through', async ({ baseURL }) => {
    const echo = echoOf(
      await rawRequest(api(baseURL, '/__demo/echo'), {
        headers: { ...auth, Cookie: 'roster_session=abc; other=1' },
      }),
    )
    expect(echo.headers.cookie).toBeUndefined()
    expect(echo.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`)
    expect(echo.headers['x-tallyfy-client']).toBe('APIClient')
  })

  test('only the methods Roster uses get through; others are refused with 405', async ({ baseURL }) => {
    for (const method of apiMethods) {
      const response = await rawRequest(api(baseURL, '/__demo/echo'), { method, headers: auth })
      expect(response.status, method).toBe(200)
      expect(echoOf(response).method).toBe(method)
    }
    // nginx refuses TRACE itself, before any location applies: a 405 all the same.
    const trace = await rawRequest(api(baseURL, '/__demo/echo'), { method: 'TRACE', headers: auth })
    expect(trace.status).toBe(405)
    expect(trace.headers['x-content-type-options']).toBe('nosniff')
    for (const method of ['PATCH', 'OPTIONS', 'PROPFIND']) {
      const response = await rawRequest(api(baseURL, '/__demo/echo'), { method, headers: auth })
      expect(response.status, method).toBe(405)
      expect(response.headers.allow).toBe(apiMethods.join(', '))
      expectSandboxed(response, `a 405 for ${method}`)
    }
  })

  test('a 2 MB logo upload fits; a body over the limit is refused with 413', async ({ baseURL }) => {
    const logo = Buffer.alloc(2 * 1024 * 1024, 0x61)
    const fits = await rawRequest(api(baseURL, '/__demo/echo'), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      body: logo,
    })
    expect(fits.status).toBe(200)
    expect(echoOf(fits).bodyBytes).toBe(logo.length)

    const tooLarge = await rawRequest(api(baseURL, '/__demo/echo'), {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/octet-stream' },
      body: Buffer.alloc(apiMaxBodyBytes + 1, 0x61),
    })
    expect(tooLarge.status).toBe(413)
    expectSandboxed(tooLarge, 'a 413')
  })
}
