// Several new guests at once (new-guests.ts) against a scripted Tallyfy (MSW): one POST /guests/bulk
// where it answers; one POST /guests each (through the batch runner) where it says the endpoint is
// not there; the hourly cap refuses the rest with its clock time, without holding every request.
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { rateLimitGate } from '../../api/client'
import { guestQueries } from '../../api/guests/queries'
import { parseGuest } from '../../api/guests/schema'
import { createTestQueryClient, TEST_ORG_ID } from '../../test/render-page'
import { scriptedApiTests } from '../../test/scripted-api-tests'
import { makeMember } from '../../test/member-factory'
import { guestKey } from '../../lib/email'
import { createGuests, newGuestProblems, parseGuestEmails } from './new-guests'

const orgId = TEST_ORG_ID
const server = scriptedApiTests()
afterEach(() => rateLimitGate.reset())

const guest = (email: string) => ({ email, first_name: null, last_name: null })

function tallyfy({ bulk, capAfter = Infinity }: { bulk: 'ok' | 'unsupported'; capAfter?: number }) {
  const sent: { method: string; path: string; body: unknown }[] = []
  let created = 0
  server.use(
    http.post('*/api/organizations/:org/guests/bulk', async ({ request }) => {
      const body = (await request.json()) as { guests: { email: string }[] }
      sent.push({ method: 'POST', path: '/guests/bulk', body })
      if (bulk === 'unsupported')
        return HttpResponse.json(
          { error: true, message: 'API endpoint not found', code: 'ENDPOINT_NOT_FOUND' },
          { status: 404 },
        )
      return HttpResponse.json({ data: body.guests.map((g) => guest(g.email)) })
    }),
    http.post('*/api/organizations/:org/guests', async ({ request }) => {
      const body = (await request.json()) as { email: string }
      sent.push({ method: 'POST', path: '/guests', body })
      if (created >= capAfter)
        return HttpResponse.json(
          { message: "You've reached the limit for guest invites.", code: 'RATE_LIMIT_EXCEEDED' },
          { status: 429, headers: { 'Retry-After': '1800' } },
        )
      created++
      return HttpResponse.json({ data: guest(body.email) }, { status: 201 })
    }),
  )
  return sent
}

function setup() {
  const qc = createTestQueryClient()
  qc.setQueryData(guestQueries.list(orgId).queryKey, [parseGuest({ data: guest('old@client.example') })])
  return qc
}

const listed = (qc: ReturnType<typeof setup>) => {
  const emails = (qc.getQueryData(guestQueries.list(orgId).queryKey) ?? []).map((g) => g.email)
  // oxlint-disable-next-line unicorn/no-array-sort -- a fresh copy; toSorted is ES2023, beyond the project's lib
  return emails.sort()
}

describe('createGuests', () => {
  it('sends one POST /guests/bulk for the new ones (a guest already in the organization is not sent)', async () => {
    const sent = tallyfy({ bulk: 'ok' })
    const qc = setup()
    const result = await createGuests({ qc, orgId }, ['a@x.example', 'OLD@client.example', 'b@x.example'])

    expect(sent).toEqual([
      {
        method: 'POST',
        path: '/guests/bulk',
        body: { guests: [{ email: 'a@x.example' }, { email: 'b@x.example' }] },
      },
    ])
    expect(result).toEqual({
      ready: ['OLD@client.example', 'a@x.example', 'b@x.example'],
      refused: [],
      via: 'bulk',
    })
    expect(listed(qc)).toEqual(['a@x.example', 'b@x.example', 'old@client.example'])
  })

  it('falls back to one POST /guests each when Tallyfy has no bulk endpoint', async () => {
    const sent = tallyfy({ bulk: 'unsupported' })
    const qc = setup()
    const result = await createGuests({ qc, orgId }, ['a@x.example', 'b@x.example', 'c@x.example'])

    expect(sent.map((s) => s.path)).toEqual(['/guests/bulk', '/guests', '/guests', '/guests'])
    expect(sent.slice(1).map((s) => s.body)).toEqual(
      ['a@x.example', 'b@x.example', 'c@x.example'].map((email) => ({ email })),
    )
    expect(result).toEqual({
      ready: ['a@x.example', 'b@x.example', 'c@x.example'],
      refused: [],
      via: 'one-by-one',
    })
    expect(listed(qc)).toEqual(['a@x.example', 'b@x.example', 'c@x.example', 'old@client.example'])
  })

  it('refuses the rest once the hourly cap answers, naming the time, and sends no more', async () => {
    const sent = tallyfy({ bulk: 'unsupported', capAfter: 1 })
    const qc = setup()
    const emails = ['a@x.example', 'b@x.example', 'c@x.example', 'd@x.example', 'e@x.example', 'f@x.example']
    const result = await createGuests({ qc, orgId }, emails)

    expect(result.ready).toEqual(['a@x.example'])
    expect(result.refused.map((r) => r.email)).toEqual(emails.slice(1))
    for (const r of result.refused)
      expect(r.reason).toMatch(/^Tallyfy allows 30 new guests an hour.* Try again at /)
    // At most 4 in flight: the first answers, then those already sent meet the cap; none after.
    expect(sent.filter((s) => s.path === '/guests').length).toBeLessThanOrEqual(5)
    // The cap is not the runner's shared rate-limit gate: other requests are not held for half an hour.
    expect(rateLimitGate.until).toBeLessThan(Date.now() + 60_000)
  })
  it('after a lost bulk answer, keeps those Tallyfy has as added and gives back only the others', async () => {
    const sent: string[] = []
    server.use(
      http.post('*/api/organizations/:org/guests/bulk', () => {
        sent.push('POST /guests/bulk')
        return HttpResponse.error()
      }),
      http.get('*/api/organizations/:org/guests/:email', ({ params }) => {
        const email = decodeURIComponent(String(params.email))
        return email === 'a@x.example'
          ? HttpResponse.json({ data: guest(email) })
          : HttpResponse.json({ error: true, message: 'Resource not found' }, { status: 404 })
      }),
    )
    const qc = setup()
    const result = await createGuests({ qc, orgId }, ['a@x.example', 'b@x.example'])

    // Sent once; what the read found is settled either way, so sending the field again repeats nobody.
    expect(sent).toEqual(['POST /guests/bulk'])
    expect(result.ready).toEqual(['a@x.example'])
    expect(result.refused.map((r) => r.email)).toEqual(['b@x.example'])
    expect(result.refused[0]?.reason).toMatch(/not added/i)
    expect(listed(qc)).toEqual(['a@x.example', 'old@client.example'])
  })
})

describe('the list as typed', () => {
  it('splits on lines, commas and semicolons, once per address whatever its case', () => {
    expect(parseGuestEmails('a@x.example, B@x.example;\n<c@x.example>\n\nA@X.example ')).toEqual([
      'a@x.example',
      'B@x.example',
      'c@x.example',
    ])
  })

  it("says which are not addresses, which are members', and which are already in the group", () => {
    const member = makeMember({ id: 7, fullName: 'Sam Standard', email: 'sam@acme.example' })
    expect(
      newGuestProblems(['nope', 'Sam@acme.example', 'in@x.example', 'ok@x.example'], {
        groupName: 'Vendors',
        inGroup: new Set(['in@x.example']),
        memberByEmail: new Map([[guestKey(member.email!), member]]),
      }),
    ).toEqual([
      'Not email addresses: nope.',
      'Members of the organization, who can’t also be guests: Sam@acme.example.',
      'Already guests of Vendors: in@x.example.',
    ])
  })
})
