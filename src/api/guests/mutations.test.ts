import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiWriteTests } from '../../test/api-write-tests'
import { credentialStore } from '../credentials'
import { ApiError } from '../errors'
import { refusalMessage } from '../writes/refusal'
import { isNoLongerApplies, UncertainWriteError } from '../writes/uncertain'
import { guestCapRetryAt, guestMutations, guestScope } from './mutations'
import type { GuestInput } from '../types'

const ORG = 'org1'
const { server, run } = apiWriteTests(ORG)

const GUESTS = `*/api/organizations/${ORG}/guests`

const pat: GuestInput = {
  email: 'pat@client.example',
  firstName: 'Pat',
  lastName: 'Lee',
  company: 'Client Co',
}
const guestWire = (email: string, extra: Record<string, unknown> = {}) => ({
  email,
  first_name: 'Pat',
  last_name: 'Lee',
  details: { company_name: 'Client Co', ...extra },
})
const notFound = () =>
  HttpResponse.json(
    { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' },
    { status: 404 },
  )

describe('guestMutations.create', () => {
  it('POSTs the wire names, leaves out what is empty, and answers the guest (201)', async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(GUESTS, async ({ request }) => {
        const body = (await request.json()) as { email: string }
        bodies.push(body)
        return HttpResponse.json({ data: guestWire(body.email) }, { status: 201 })
      }),
    )
    expect(await run(guestMutations.create(ORG), pat)).toMatchObject({
      email: 'pat@client.example',
      name: 'Pat Lee',
      company: 'Client Co',
    })
    await run(guestMutations.create(ORG), {
      email: ' amy@client.example ',
      firstName: '',
      lastName: ' ',
      company: '',
    })
    expect(bodies).toEqual([
      { email: 'pat@client.example', first_name: 'Pat', last_name: 'Lee', company_name: 'Client Co' },
      { email: 'amy@client.example' },
    ])
  })

  it('a member’s email is refused on the email field, in Tallyfy’s words', async () => {
    server.use(
      http.post(GUESTS, () =>
        HttpResponse.json(
          { message: 'The given data was invalid.', errors: { email: ['This email belongs to a member.'] } },
          { status: 422 },
        ),
      ),
    )
    const error = await run(guestMutations.create(ORG), pat).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422, fieldErrors: { email: ['This email belongs to a member.'] } })
  })

  it('after a lost answer, reads the guest by email: there is done, and the POST is not repeated', async () => {
    let posts = 0
    let there = true
    server.use(
      http.post(GUESTS, () => {
        posts++
        return HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 })
      }),
      http.get(`${GUESTS}/:email`, ({ params }) =>
        there ? HttpResponse.json({ data: guestWire(String(params.email)) }, { status: 201 }) : notFound(),
      ),
    )
    expect(await run(guestMutations.create(ORG), pat)).toMatchObject({ email: 'pat@client.example' })
    there = false
    const error = await run(guestMutations.create(ORG), pat).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'http', status: 503 })
    expect(posts).toBe(2)
  })

  it('a 429 for the hourly cap is not sent again, and says when the next guest may be added', async () => {
    let posts = 0
    server.use(
      http.post(GUESTS, () => {
        posts++
        return HttpResponse.json(
          { message: 'You have reached the limit of guest invites per hour.', code: 'RATE_LIMIT_EXCEEDED' },
          { status: 429, headers: { 'Retry-After': '1500' } },
        )
      }),
    )
    const error = await run(guestMutations.create(ORG), pat).catch((e: unknown) => e)
    expect(posts).toBe(1)
    const now = new Date('2026-12-06T14:00:00Z')
    expect(guestCapRetryAt(error, now)).toEqual(new Date('2026-12-06T14:25:00Z'))
  })
})

describe('guestCapRetryAt', () => {
  it('is null for anything but a 429 with Retry-After', () => {
    const now = new Date('2026-12-06T14:00:00Z')
    expect(guestCapRetryAt(new ApiError({ kind: 'http', status: 429, message: 'x' }), now)).toBeNull()
    expect(
      guestCapRetryAt(new ApiError({ kind: 'http', status: 422, retryAfter: 60, message: 'x' }), now),
    ).toBeNull()
    expect(guestCapRetryAt(new Error('x'), now)).toBeNull()
    expect(
      guestCapRetryAt(new ApiError({ kind: 'http', status: 429, retryAfter: 60, message: 'x' }), now),
    ).toEqual(new Date('2026-12-06T14:01:00Z'))
  })
})

describe('guestMutations.createBulk', () => {
  const amy: GuestInput = { email: 'amy@client.example', firstName: 'Amy', lastName: '', company: '' }

  it('POSTs {guests: [...]} once and answers the guests Tallyfy lists', async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${GUESTS}/bulk`, async ({ request }) => {
        bodies.push(await request.json())
        return HttpResponse.json({ data: [guestWire(pat.email), guestWire(amy.email), { no: 'email' }] })
      }),
    )
    const guests = await run(guestMutations.createBulk(ORG), [pat, amy])
    expect(guests).toMatchObject([{ email: pat.email }, { email: amy.email }])
    expect(bodies).toEqual([
      {
        guests: [
          { email: 'pat@client.example', first_name: 'Pat', last_name: 'Lee', company_name: 'Client Co' },
          { email: 'amy@client.example', first_name: 'Amy' },
        ],
      },
    ])
  })

  it('an answer without a list still means the guests were added', async () => {
    server.use(http.post(`${GUESTS}/bulk`, () => HttpResponse.json({ message: 'ok' })))
    expect(await run(guestMutations.createBulk(ORG), [pat])).toEqual([])
  })

  it.each([
    [
      '404',
      () =>
        HttpResponse.json(
          { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' },
          { status: 404 },
        ),
    ],
    ['405', () => new HttpResponse(null, { status: 405 })],
    [
      '422 about the body, not a guest',
      () =>
        HttpResponse.json(
          { message: 'The given data was invalid.', errors: { email: ['The email field is required.'] } },
          { status: 422 },
        ),
    ],
  ])('answers “unsupported” on %s, so the caller adds them one at a time', async (_, answer) => {
    server.use(http.post(`${GUESTS}/bulk`, answer))
    expect(await run(guestMutations.createBulk(ORG), [pat, amy])).toBe('unsupported')
  })

  it('a 422 about one guest of the list is a refusal, passed on', async () => {
    server.use(
      http.post(`${GUESTS}/bulk`, () =>
        HttpResponse.json(
          {
            message: 'The given data was invalid.',
            errors: { 'guests.1.email': ['The email must be valid.'] },
          },
          { status: 422 },
        ),
      ),
    )
    const error = await run(guestMutations.createBulk(ORG), [pat, amy]).catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 422,
      fieldErrors: { 'guests.1.email': ['The email must be valid.'] },
    })
  })

  it('after a lost answer: all there is done, some there is uncertain, none there the failure', async () => {
    let there: string[] = []
    let posts = 0
    server.use(
      http.post(`${GUESTS}/bulk`, () => {
        posts++
        return HttpResponse.error()
      }),
      http.get(`${GUESTS}/:email`, ({ params }) =>
        there.includes(String(params.email))
          ? HttpResponse.json({ data: guestWire(String(params.email)) })
          : notFound(),
      ),
    )
    there = [pat.email, amy.email]
    expect(await run(guestMutations.createBulk(ORG), [pat, amy])).toMatchObject([
      { email: pat.email },
      { email: amy.email },
    ])
    there = [amy.email]
    const some = await run(guestMutations.createBulk(ORG), [pat, amy]).catch((e: unknown) => e)
    expect(some).toBeInstanceOf(UncertainWriteError)
    expect((some as Error).message).toContain('1 of 2')
    there = []
    const none = await run(guestMutations.createBulk(ORG), [pat, amy]).catch((e: unknown) => e)
    expect(none).toMatchObject({ kind: 'network' })
    expect(posts).toBe(3)
  })
})

describe('guestMutations.disable and enable', () => {
  it('address the guest by the encoded email, one path segment, and answer the guest', async () => {
    const seen: string[] = []
    server.use(
      http.delete(`${GUESTS}/:email/disable`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return HttpResponse.json(
          { data: guestWire('pat+x@client.example', { disabled_at: '2026-12-06T10:00:00Z' }) },
          { status: 201 },
        )
      }),
      http.put(`${GUESTS}/:email/enable`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    expect(await run(guestMutations.disable(ORG, 'pat+x@client.example'), undefined)).toMatchObject({
      disabledAt: '2026-12-06T10:00:00Z',
    })
    expect(await run(guestMutations.enable(ORG, 'pat+x@client.example'), undefined)).toBeNull()
    expect(seen).toEqual([
      `DELETE /api/organizations/${ORG}/guests/pat%2Bx%40client.example/disable`,
      `PUT /api/organizations/${ORG}/guests/pat%2Bx%40client.example/enable`,
    ])
  })

  it('a 403 “incomplete tasks” is a refusal in Tallyfy’s words: the session stays, nothing is repeated', async () => {
    let calls = 0
    server.use(
      http.delete(`${GUESTS}/:email/disable`, () => {
        calls++
        return HttpResponse.json(
          { error: true, message: 'Cannot disable guest with incomplete tasks' },
          { status: 403 },
        )
      }),
    )
    const signedIn = credentialStore.get()
    const error = await run(guestMutations.disable(ORG, pat.email), undefined).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      kind: 'http',
      status: 403,
      serverMessage: 'Cannot disable guest with incomplete tasks',
    })
    expect(refusalMessage(error, { what: 'guest' })).toBe('Cannot disable guest with incomplete tasks')
    expect(credentialStore.get()).toBe(signedIn)
    expect(calls).toBe(1)
  })

  it('after a lost answer, reads the guest: disabled is done; gone no longer applies', async () => {
    let read: 'disabled' | 'gone' = 'disabled'
    server.use(
      http.delete(`${GUESTS}/:email/disable`, () => HttpResponse.error()),
      http.get(`${GUESTS}/:email`, () =>
        read === 'gone'
          ? notFound()
          : HttpResponse.json({ data: guestWire(pat.email, { disabled_at: '2026-12-06T10:00:00Z' }) }),
      ),
    )
    expect(await run(guestMutations.disable(ORG, pat.email), undefined)).toMatchObject({
      disabledAt: '2026-12-06T10:00:00Z',
    })
    read = 'gone'
    const error = await run(guestMutations.disable(ORG, pat.email), undefined).catch((e: unknown) => e)
    expect(isNoLongerApplies(error)).toBe(true)
  })

  it('share one queue per guest, whatever the email’s case', () => {
    expect(guestMutations.disable(ORG, 'Pat@Client.example').scope).toEqual(
      guestScope(ORG, 'pat@client.example'),
    )
    expect(guestMutations.enable(ORG, 'pat@client.example ').scope).toEqual(
      guestScope(ORG, 'PAT@client.example'),
    )
  })
})

describe('guestMutations.resetLink', () => {
  it('PUTs …/reset-link and answers the guest; a lost answer is uncertain, not failed', async () => {
    let lost = false
    server.use(
      http.put(`${GUESTS}/:email/reset-link`, () =>
        lost ? HttpResponse.error() : HttpResponse.json({ data: guestWire(pat.email) }, { status: 201 }),
      ),
      http.get(`${GUESTS}/:email`, () => HttpResponse.json({ data: guestWire(pat.email) })),
    )
    expect(await run(guestMutations.resetLink(ORG, pat.email), undefined)).toMatchObject({ email: pat.email })
    lost = true
    const error = await run(guestMutations.resetLink(ORG, pat.email), undefined).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UncertainWriteError)
  })
})

describe('guestMutations.remove', () => {
  it('DELETEs the guest; a 422 for an unknown email is done once a read finds nobody', async () => {
    let deleted = 0
    let stillThere = false
    server.use(
      http.delete(`${GUESTS}/:email`, () => {
        deleted++
        return HttpResponse.json(
          { message: 'The given data was invalid.', errors: { email: ['The selected email is invalid.'] } },
          { status: 422 },
        )
      }),
      http.get(`${GUESTS}/:email`, () =>
        stillThere ? HttpResponse.json({ data: guestWire(pat.email) }) : notFound(),
      ),
    )
    expect(await run(guestMutations.remove(ORG, pat.email), undefined)).toBeUndefined()
    stillThere = true
    const error = await run(guestMutations.remove(ORG, pat.email), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 422 })
    expect(deleted).toBe(2)
  })

  it('a plain 200 is done', async () => {
    server.use(http.delete(`${GUESTS}/:email`, () => HttpResponse.json({ data: guestWire(pat.email) })))
    expect(await run(guestMutations.remove(ORG, pat.email), undefined)).toBeUndefined()
  })
})

describe('guestMutations.toMember', () => {
  it('POSTs first_name, last_name and role, and answers the invited member (201)', async () => {
    const bodies: unknown[] = []
    server.use(
      http.post(`${GUESTS}/:email/to/member`, async ({ request }) => {
        bodies.push(await request.json())
        return HttpResponse.json(
          {
            data: {
              id: 51,
              email: pat.email,
              first_name: 'Pat',
              last_name: 'Lee',
              role: 'light',
              status: 'invited',
            },
          },
          { status: 201 },
        )
      }),
    )
    expect(
      await run(guestMutations.toMember(ORG, pat.email), {
        firstName: 'Pat ',
        lastName: 'Lee',
        role: 'light',
      }),
    ).toMatchObject({ id: 51, status: 'invited', role: 'light' })
    expect(bodies).toEqual([{ first_name: 'Pat', last_name: 'Lee', role: 'light' }])
  })

  it('seats running out (409) is said in Tallyfy’s words', async () => {
    server.use(
      http.post(`${GUESTS}/:email/to/member`, () =>
        HttpResponse.json(
          {
            error: {
              code: 'SEAT_POOL_EXHAUSTED',
              message: 'No seats are left in your plan.',
              details: { pool_type: 'full' },
            },
          },
          { status: 409 },
        ),
      ),
    )
    const error = await run(guestMutations.toMember(ORG, pat.email), {
      firstName: 'Pat',
      lastName: 'Lee',
      role: 'standard',
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 409, code: 'SEAT_POOL_EXHAUSTED' })
    expect(refusalMessage(error, { what: 'guest' })).toBe('No seats are left in your plan.')
  })

  it('after a lost answer, a member with the email is done; the POST is not repeated', async () => {
    let posts = 0
    server.use(
      http.post(`${GUESTS}/:email/to/member`, () => {
        posts++
        return HttpResponse.json({ message: 'Bad gateway' }, { status: 502 })
      }),
      http.get(`*/api/organizations/${ORG}/users`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('q')).toBe(pat.email)
        return HttpResponse.json({
          data: [
            { id: 50, email: 'pat@client.example.other', status: 'active' },
            { id: 51, email: 'PAT@client.example', status: 'invited' },
          ],
        })
      }),
    )
    expect(
      await run(guestMutations.toMember(ORG, pat.email), {
        firstName: 'Pat',
        lastName: 'Lee',
        role: 'light',
      }),
    ).toMatchObject({ id: 51 })
    expect(posts).toBe(1)
  })
})
