import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiWriteTests } from '../../test/api-write-tests'
import { ApiError } from '../errors'
import { refusalMessage } from '../writes/refusal'
import { UncertainWriteError } from '../writes/uncertain'
import { memberLifecycleQueries, memberMutations, parseReassignmentInfo } from './mutations'

const ORG = 'org1'
const { server, queryClient, run } = apiWriteTests(ORG)

const USERS = `*/api/organizations/${ORG}/users`

const wire = {
  id: 7,
  email: 'olivia@example.com',
  first_name: 'Olivia',
  last_name: 'Owner',
  role: 'standard',
  status: 'active',
}

describe('parseReassignmentInfo', () => {
  it('reads the documented shape: templates as a map, steps as a list, process tasks by process', () => {
    const info = parseReassignmentInfo({
      data: {
        templates: { abc123: 'Onboarding', def456: 'Offboarding' },
        steps: [{ id: 's1', title: 'Sign the contract', template_id: 'abc123' }],
        process_tasks: {
          run1: [
            {
              id: 't1',
              run_id: 'run1',
              run_name: 'Onboard Ana',
              template_name: 'Onboarding',
              name: 'Order a laptop',
              deadline: '2026-12-10T09:00:00Z',
            },
            { id: 't2', run_id: 'run1', run_name: 'Onboard Ana', name: 'Create accounts', deadline: null },
          ],
        },
        one_off_tasks: [{ id: 'o1', name: 'Renew the domain', deadline: '2027-01-02T00:00:00Z' }],
      },
    })
    expect(info).toEqual({
      templates: [
        { id: 'abc123', title: 'Onboarding' },
        { id: 'def456', title: 'Offboarding' },
      ],
      steps: [{ id: 's1', title: 'Sign the contract', templateId: 'abc123' }],
      processes: [
        {
          processId: 'run1',
          runName: 'Onboard Ana',
          templateName: 'Onboarding',
          tasks: [
            { id: 't1', name: 'Order a laptop', deadline: '2026-12-10T09:00:00Z' },
            { id: 't2', name: 'Create accounts', deadline: null },
          ],
        },
      ],
      oneOffTasks: [{ id: 'o1', name: 'Renew the domain', deadline: '2027-01-02T00:00:00Z' }],
      unreadable: 0,
      total: 6,
    })
  })

  it('reads PHP’s empty maps ([]) and empty lists ({}) as nothing owned', () => {
    const expected = { templates: [], steps: [], processes: [], oneOffTasks: [], unreadable: 0, total: 0 }
    expect(
      parseReassignmentInfo({ data: { templates: [], steps: [], process_tasks: [], one_off_tasks: [] } }),
    ).toEqual(expected)
    expect(
      parseReassignmentInfo({ data: { templates: {}, steps: {}, process_tasks: {}, one_off_tasks: {} } }),
    ).toEqual(expected)
    // The whole of data as PHP's empty map, and parts simply missing.
    expect(parseReassignmentInfo({ data: [] })).toEqual(expected)
    expect(parseReassignmentInfo({ data: {} })).toEqual(expected)
    expect(parseReassignmentInfo({ data: { templates: null } })).toEqual(expected)
  })

  it('takes numeric IDs as text, and a list where a map was documented', () => {
    const info = parseReassignmentInfo({
      data: {
        templates: [{ id: 12, title: 'Payroll' }],
        steps: { 5: { id: 5, title: 'Approve', template_id: 12 } },
        process_tasks: { 99: [{ id: 1, run_id: 99, run_name: 'March payroll', name: 'Check totals' }] },
        one_off_tasks: { 3: { id: 3, name: 'Call the bank' } },
      },
    })
    expect(info.templates).toEqual([{ id: '12', title: 'Payroll' }])
    expect(info.steps).toEqual([{ id: '5', title: 'Approve', templateId: '12' }])
    expect(info.processes).toEqual([
      {
        processId: '99',
        runName: 'March payroll',
        templateName: null,
        tasks: [{ id: '1', name: 'Check totals', deadline: null }],
      },
    ])
    expect(info.oneOffTasks).toEqual([{ id: '3', name: 'Call the bank', deadline: null }])
    expect(info.total).toBe(4)
  })

  it('groups a flat list of process tasks by their run_id', () => {
    const info = parseReassignmentInfo({
      data: {
        process_tasks: [
          { id: 'a', run_id: 'r1', run_name: 'First', name: 'A' },
          { id: 'b', run_id: 'r2', run_name: 'Second', name: 'B' },
          { id: 'c', run_id: 'r1', run_name: 'First', name: 'C' },
        ],
      },
    })
    expect(info.processes.map((p) => [p.processId, p.runName, p.tasks.map((t) => t.id)])).toEqual([
      ['r1', 'First', ['a', 'c']],
      ['r2', 'Second', ['b']],
    ])
    expect(info.total).toBe(3)
  })

  it('takes one record sent without its list as that one record, not as a map of its fields', () => {
    const info = parseReassignmentInfo({
      data: {
        steps: { id: 's1', title: 'Approve', template_id: 't1' },
        process_tasks: { r1: { id: 'a', run_name: 'March payroll', name: 'Check totals' } },
        one_off_tasks: { id: 'o1', name: 'Call the bank' },
      },
    })
    expect(info.steps).toEqual([{ id: 's1', title: 'Approve', templateId: 't1' }])
    expect(info.processes).toEqual([
      {
        processId: 'r1',
        runName: 'March payroll',
        templateName: null,
        tasks: [{ id: 'a', name: 'Check totals', deadline: null }],
      },
    ])
    expect(info.oneOffTasks).toEqual([{ id: 'o1', name: 'Call the bank', deadline: null }])
    expect(info).toMatchObject({ unreadable: 0, total: 3 })
  })

  it('one entry it cannot read costs only itself, and is still counted', () => {
    const info = parseReassignmentInfo({
      data: {
        templates: { t1: 'Kept', t2: null },
        steps: [null, { id: 's1', title: 'Kept step' }, 'junk'],
        process_tasks: { r1: [42, { id: 'k', name: 'Kept task', deadline: 'not a date' }] },
        one_off_tasks: [{}, { id: 'o1', name: 'Kept one-off' }],
      },
    })
    expect(info.templates).toEqual([
      { id: 't1', title: 'Kept' },
      { id: 't2', title: 'Template t2' },
    ])
    expect(info.steps).toEqual([{ id: 's1', title: 'Kept step', templateId: null }])
    expect(info.processes[0]?.tasks).toEqual([{ id: 'k', name: 'Kept task', deadline: null }])
    expect(info.oneOffTasks).toEqual([{ id: 'o1', name: 'Kept one-off', deadline: null }])
    // null step, 'junk' step, 42 task, {} one-off: unreadable, yet the person owns something there.
    expect(info.unreadable).toBe(4)
    expect(info.total).toBe(2 + 1 + 1 + 1 + 4)
  })

  it('refuses an answer without readable data rather than say "owns nothing"', () => {
    expect(() => parseReassignmentInfo({})).toThrow(/Expected/)
    expect(() => parseReassignmentInfo({ data: null })).toThrow(/Expected/)
    expect(() => parseReassignmentInfo({ data: [{ templates: {} }] })).toThrow(/Expected/)
    expect(() => parseReassignmentInfo(undefined)).toThrow(/Expected/)
  })
})

describe('memberLifecycleQueries.reassignment', () => {
  it('reads GET …/reassignment-information under the member’s key, always fresh', async () => {
    server.use(
      http.get(`${USERS}/7/reassignment-information`, () =>
        HttpResponse.json({
          data: { templates: { x: 'Onboarding' }, steps: [], process_tasks: [], one_off_tasks: [] },
        }),
      ),
    )
    const options = memberLifecycleQueries.reassignment(ORG, 7)
    expect(options.queryKey).toEqual(['org', ORG, 'members', 'reassignment', 7])
    expect(options.staleTime).toBe(0)
    const info = await queryClient().fetchQuery(options)
    expect(info.templates).toEqual([{ id: 'x', title: 'Onboarding' }])
    expect(info.total).toBe(1)
  })

  it('an unreadable answer is an invalid response, not an empty one', async () => {
    server.use(http.get(`${USERS}/7/reassignment-information`, () => HttpResponse.json({ data: null })))
    const error = await queryClient()
      .fetchQuery(memberLifecycleQueries.reassignment(ORG, 7))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ kind: 'invalid-response' })
  })
})

describe('memberMutations.remove', () => {
  it('DELETEs the member with the successor in the query, or with no query at all', async () => {
    const urls: string[] = []
    server.use(
      http.delete(`${USERS}/7`, ({ request }) => {
        const url = new URL(request.url)
        urls.push(`${url.pathname}${url.search}`)
        return HttpResponse.json({ data: { ...wire, status: 'disabled' } })
      }),
    )
    expect(await run(memberMutations.remove(ORG, 7), { reassignTo: 12 })).toMatchObject({
      id: 7,
      status: 'disabled',
    })
    expect(await run(memberMutations.remove(ORG, 7), { reassignTo: null })).toMatchObject({
      status: 'disabled',
    })
    expect(urls).toEqual([
      `/api/organizations/${ORG}/users/7?with_reassignment=true&to=12`,
      `/api/organizations/${ORG}/users/7`,
    ])
  })

  it('after a lost answer, reads the member again: disabled is done, not sent twice', async () => {
    let deletes = 0
    server.use(
      http.delete(`${USERS}/7`, () => {
        deletes++
        return HttpResponse.json({ message: 'Bad gateway' }, { status: 502 })
      }),
      http.get(`${USERS}/7`, () => HttpResponse.json({ data: { ...wire, status: 'disabled', groups: [] } })),
    )
    expect(await run(memberMutations.remove(ORG, 7), { reassignTo: 12 })).toMatchObject({
      id: 7,
      status: 'disabled',
    })
    expect(deletes).toBe(1)
  })

  it('after a lost answer, a member still active means not removed: the failure stands', async () => {
    server.use(
      http.delete(`${USERS}/7`, () => HttpResponse.error()),
      http.get(`${USERS}/7`, () => HttpResponse.json({ data: wire })),
    )
    const error = await run(memberMutations.remove(ORG, 7), { reassignTo: null }).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'network' })
  })

  it('Tallyfy’s refusals come in its words: the default administrator, an invalid successor', async () => {
    const defaultAdmin =
      'Cannot modify the default administrator. Please assign another member as default administrator first.'
    server.use(
      http.delete(`${USERS}/7`, ({ request }) =>
        new URL(request.url).searchParams.has('to')
          ? HttpResponse.json(
              { message: 'The given data was invalid.', errors: { to: ['The selected to is invalid.'] } },
              { status: 422 },
            )
          : HttpResponse.json({ error: true, message: defaultAdmin }, { status: 400 }),
      ),
    )
    const refused = await run(memberMutations.remove(ORG, 7), { reassignTo: null }).catch((e: unknown) => e)
    expect(refusalMessage(refused, { what: 'member' })).toBe(defaultAdmin)
    const invalid = await run(memberMutations.remove(ORG, 7), { reassignTo: 7 }).catch((e: unknown) => e)
    expect(invalid).toMatchObject({ status: 422, fieldErrors: { to: ['The selected to is invalid.'] } })
    expect(refusalMessage(invalid, { what: 'member' })).toBe('The selected to is invalid.')
  })
})

describe('memberMutations.deletePermanently', () => {
  it('DELETEs …/delete; the “disable first” refusal is passed on in Tallyfy’s words', async () => {
    const seen: string[] = []
    let disabled = false
    server.use(
      http.delete(`${USERS}/7/delete`, ({ request }) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`)
        return disabled
          ? HttpResponse.json({ data: { ...wire, last_name: 'Owner (Deleted)' } })
          : HttpResponse.json(
              { error: true, message: 'Please disable the user before deletion.' },
              { status: 400 },
            )
      }),
    )
    const refused = await run(memberMutations.deletePermanently(ORG, 7), undefined).catch((e: unknown) => e)
    expect(refusalMessage(refused, { what: 'member' })).toBe('Please disable the user before deletion.')
    disabled = true
    expect(await run(memberMutations.deletePermanently(ORG, 7), undefined)).toBeUndefined()
    expect(seen).toEqual([
      `DELETE /api/organizations/${ORG}/users/7/delete`,
      `DELETE /api/organizations/${ORG}/users/7/delete`,
    ])
  })

  it('after a lost answer, a record kept as Tallyfy keeps deleted ones is done; one unchanged is not', async () => {
    let read: object = {
      ...wire,
      status: 'disabled',
      last_name: 'Owner (Deleted)',
      email: 'olivia@example.com.deleted.7',
    }
    server.use(
      http.delete(`${USERS}/7/delete`, () => HttpResponse.json({ message: 'oops' }, { status: 500 })),
      http.get(`${USERS}/7`, () => HttpResponse.json({ data: read })),
    )
    expect(await run(memberMutations.deletePermanently(ORG, 7), undefined)).toBeUndefined()
    read = { ...wire, status: 'disabled' }
    const error = await run(memberMutations.deletePermanently(ORG, 7), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'http', status: 500 })
  })

  it('after a lost answer, a member Tallyfy no longer knows (404) is deleted', async () => {
    server.use(
      http.delete(`${USERS}/7/delete`, () => HttpResponse.error()),
      http.get(`${USERS}/7`, () =>
        HttpResponse.json(
          { error: true, message: 'Resource not found', code: 'RESOURCE_NOT_FOUND' },
          { status: 404 },
        ),
      ),
    )
    expect(await run(memberMutations.deletePermanently(ORG, 7), undefined)).toBeUndefined()
  })
})

describe('memberMutations.setDefaultAdmin', () => {
  it('PUTs {new_admin_id} under the present default administrator, or the new one when unknown', async () => {
    const seen: string[] = []
    server.use(
      http.put(`${USERS}/:id/set-new-admin`, async ({ request, params }) => {
        seen.push(`${new URL(request.url).pathname} ${JSON.stringify(await request.json())}`)
        // This answer describes the member in the path.
        return HttpResponse.json({
          data: { ...wire, id: Number(params.id), is_default_admin: params.id === '8' },
        })
      }),
    )
    expect(await run(memberMutations.setDefaultAdmin(ORG, 8), { currentDefaultId: 1 })).toBeNull()
    expect(await run(memberMutations.setDefaultAdmin(ORG, 8), { currentDefaultId: null })).toMatchObject({
      id: 8,
      isDefaultAdmin: true,
    })
    expect(seen).toEqual([
      `/api/organizations/${ORG}/users/1/set-new-admin {"new_admin_id":8}`,
      `/api/organizations/${ORG}/users/8/set-new-admin {"new_admin_id":8}`,
    ])
  })

  it('after a lost answer, the new administrator marked default is done', async () => {
    server.use(
      http.put(`${USERS}/1/set-new-admin`, () => HttpResponse.error()),
      http.get(`${USERS}/8`, () =>
        HttpResponse.json({ data: { ...wire, id: 8, role: 'admin', is_default_admin: true } }),
      ),
    )
    expect(await run(memberMutations.setDefaultAdmin(ORG, 8), { currentDefaultId: 1 })).toMatchObject({
      id: 8,
      isDefaultAdmin: true,
    })
  })
})

describe('memberMutations.toGuest', () => {
  it('PUTs …/to/guest and answers the guest Tallyfy made (201)', async () => {
    server.use(
      http.put(`${USERS}/7/to/guest`, () =>
        HttpResponse.json(
          { data: { email: 'olivia@example.com', first_name: 'Olivia', last_name: 'Owner', details: {} } },
          { status: 201 },
        ),
      ),
    )
    expect(await run(memberMutations.toGuest(ORG, 7), undefined)).toMatchObject({
      email: 'olivia@example.com',
      name: 'Olivia Owner',
    })
  })

  it('after a lost answer: the member gone means done; still a member and no guest means not done', async () => {
    let memberThere = false
    let puts = 0
    server.use(
      http.put(`${USERS}/7/to/guest`, () => {
        puts++
        return HttpResponse.json({ message: 'Bad gateway' }, { status: 502 })
      }),
      http.get(`${USERS}/7`, () =>
        memberThere
          ? HttpResponse.json({ data: wire })
          : HttpResponse.json({ message: 'Resource not found' }, { status: 404 }),
      ),
      http.get(`*/api/organizations/${ORG}/guests/:email`, () =>
        HttpResponse.json({ message: 'Resource not found' }, { status: 404 }),
      ),
    )
    expect(await run(memberMutations.toGuest(ORG, 7), undefined)).toBeNull()
    memberThere = true
    const error = await run(memberMutations.toGuest(ORG, 7), undefined).catch((e: unknown) => e)
    expect(error).toMatchObject({ kind: 'http', status: 502 })
    expect(puts).toBe(2)
  })

  it('after a lost answer that cannot be checked either, says so rather than failed', async () => {
    server.use(
      http.put(`${USERS}/7/to/guest`, () => HttpResponse.error()),
      // The read is refused (a reason of its own): whether the member was converted stays open.
      http.get(`${USERS}/7`, () => HttpResponse.json({ message: 'No access' }, { status: 403 })),
    )
    const error = await run(memberMutations.toGuest(ORG, 7), undefined).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UncertainWriteError)
  })
})
