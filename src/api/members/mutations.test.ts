import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiWriteTests } from '../../test/api-write-tests'
import { ApiError } from '../errors'
import { memberMutations } from './mutations'

const ORG = 'org1'
const { server, run } = apiWriteTests(ORG)

const USERS = `*/api/organizations/${ORG}/users`

const wire = {
  id: 7,
  email: 'n@example.com',
  first_name: 'Nia',
  last_name: 'Okafor',
  role: 'light',
  status: 'invited',
}

describe('memberMutations', () => {
  it('are keyed under the org, the action and the member', () => {
    expect(memberMutations.invite(ORG).mutationKey).toEqual(['org', ORG, 'members', 'invite'])
    expect(memberMutations.changeRole(ORG, 7).mutationKey).toEqual(['org', ORG, 'members', 'role', 7])
    expect(memberMutations.disable(ORG, 7).mutationKey).toEqual(['org', ORG, 'members', 'disable', 7])
    expect(memberMutations.enable(ORG, 7).mutationKey).toEqual(['org', ORG, 'members', 'enable', 7])
    expect(memberMutations.resendInvite(ORG, 7).mutationKey).toEqual([
      'org',
      ORG,
      'members',
      'resend-invite',
      7,
    ])
    expect(memberMutations.withdrawInvite(ORG, 7).mutationKey).toEqual([
      'org',
      ORG,
      'members',
      'withdraw-invite',
      7,
    ])
  })

  it('resendInvite POSTs without a body; withdrawInvite DELETEs, and any 2xx answer is done', async () => {
    const seen: string[] = []
    server.use(
      http.post(`${USERS}/7/resend-invite`, async ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname} ${await request.text()}`)
        return HttpResponse.json({ data: wire })
      }),
      http.delete(`${USERS}/7/withdraw-invite`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    expect(await run(memberMutations.resendInvite(ORG, 7), undefined)).toMatchObject({
      id: 7,
      status: 'invited',
    })
    expect(await run(memberMutations.withdrawInvite(ORG, 7), undefined)).toBeUndefined()
    expect(seen).toEqual([
      `POST /api/organizations/${ORG}/users/7/resend-invite `,
      `DELETE /api/organizations/${ORG}/users/7/withdraw-invite`,
    ])
  })

  it('a resend answered 429 is not sent again by the client (a POST): the caller decides', async () => {
    let calls = 0
    server.use(
      http.post(`${USERS}/7/resend-invite`, () => {
        calls++
        return HttpResponse.json(
          { message: "You've reached the request limit.", code: 'RATE_LIMIT_EXCEEDED' },
          { status: 429, headers: { 'Retry-After': '1' } },
        )
      }),
    )
    const error = await run(memberMutations.resendInvite(ORG, 7), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 429, retryAfter: 1 })
    expect(calls).toBe(1)
  })

  it('invite POSTs the five fields under their wire names and answers the invited member', async () => {
    let body: unknown
    server.use(
      http.post(`${USERS}/invite`, async ({ request }) => {
        body = await request.json()
        return HttpResponse.json({ data: wire })
      }),
    )
    const member = await run(memberMutations.invite(ORG), {
      email: 'n@example.com',
      firstName: 'Nia',
      lastName: 'Okafor',
      role: 'light',
      message: 'Hi',
    })
    expect(body).toEqual({
      email: 'n@example.com',
      first_name: 'Nia',
      last_name: 'Okafor',
      role: 'light',
      message: 'Hi',
    })
    expect(member).toMatchObject({ id: 7, fullName: 'Nia Okafor', status: 'invited', role: 'light' })
  })

  it('an invite that fails with 503 is not sent again', async () => {
    let calls = 0
    server.use(
      http.post(`${USERS}/invite`, () => {
        calls++
        return HttpResponse.json({ message: 'Service Unavailable' }, { status: 503 })
      }),
      // Whether it went through anyway is asked of the directory: nobody has that email.
      http.get(USERS, () => HttpResponse.json({ data: [], meta: { pagination: { total: 0 } } })),
    )
    await expect(
      run(memberMutations.invite(ORG), {
        email: 'n@example.com',
        firstName: 'Nia',
        lastName: 'Okafor',
        role: 'light',
        message: 'Hi',
      }),
    ).rejects.toBeInstanceOf(ApiError)
    expect(calls).toBe(1)
  })

  it('a duplicate email is a 422 whose field errors name email', async () => {
    server.use(
      http.post(`${USERS}/invite`, () =>
        HttpResponse.json(
          {
            message: 'The given data was invalid.',
            errors: { email: ['The email has already been taken.'] },
          },
          { status: 422 },
        ),
      ),
    )
    const error = await run(memberMutations.invite(ORG), {
      email: 'n@example.com',
      firstName: 'Nia',
      lastName: 'Okafor',
      role: 'light',
      message: 'Hi',
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 422,
      fieldErrors: { email: ['The email has already been taken.'] },
    })
  })

  it('changeRole PUTs {role}; an answer with the member is parsed, a 204 is null', async () => {
    const bodies: unknown[] = []
    let empty = false
    server.use(
      http.put(`${USERS}/7/role`, async ({ request }) => {
        bodies.push(await request.json())
        return empty
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json({ data: { ...wire, role: 'Admin' } })
      }),
    )
    const answer = await run(memberMutations.changeRole(ORG, 7), 'admin')
    expect(answer).toMatchObject({ id: 7, role: 'admin', rawRole: 'Admin' })
    empty = true
    expect(await run(memberMutations.changeRole(ORG, 7), 'standard')).toBeNull()
    expect(bodies).toEqual([{ role: 'admin' }, { role: 'standard' }])
  })

  it('disable is a DELETE and enable a PUT; an odd answer still counts as done', async () => {
    const seen: string[] = []
    server.use(
      http.delete(`${USERS}/7/disable`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return HttpResponse.json({ data: { ...wire, status: 'disabled' } })
      }),
      http.put(`${USERS}/7/enable`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return HttpResponse.json({ message: 'ok' })
      }),
    )
    expect(await run(memberMutations.disable(ORG, 7), undefined)).toMatchObject({ status: 'disabled' })
    expect(await run(memberMutations.enable(ORG, 7), undefined)).toBeNull()
    expect(seen).toEqual([
      `DELETE /api/organizations/${ORG}/users/7/disable`,
      `PUT /api/organizations/${ORG}/users/7/enable`,
    ])
  })

  it('a 400 refusal keeps Tallyfy’s words and is not repeated', async () => {
    let calls = 0
    server.use(
      http.delete(`${USERS}/7/disable`, () => {
        calls++
        return HttpResponse.json(
          {
            error: true,
            message:
              'Cannot modify the default administrator. Please assign another member as default administrator first.',
          },
          { status: 400 },
        )
      }),
    )
    const error = await run(memberMutations.disable(ORG, 7), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({
      status: 400,
      serverMessage:
        'Cannot modify the default administrator. Please assign another member as default administrator first.',
    })
    expect(calls).toBe(1)
  })
})
