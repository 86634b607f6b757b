// A member's page and a group's page rendered from records full of hostile strings (markup, scripts,
// URLs of every scheme, controls, bidi overrides), read through the app's own wire parsers: the
// page shows them as text. No element the page does not make appears, no event handler attribute,
// and only http(s) and data:image URLs become pictures; links go only to Roster's own pages,
// mailto:, tel: or http(s).
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property says what holds for
   each kind of input (the conditions pick the kind), and its assertions sit inside fc.assert. */
import { cleanup } from '@testing-library/react'
import * as fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { groupQueries } from '../../api/groups/queries'
import { parseGroup } from '../../api/groups/schema'
import { meQueries } from '../../api/me'
import { memberQueries } from '../../api/members/queries'
import { parseMember } from '../../api/members/schema'
import type { Me } from '../../api/types'
import { hostileString } from '../../test/arbitraries'
import { completeDirectory } from '../../test/member-factory'
import { createTestQueryClient, renderPage, TEST_ORG_ID } from '../../test/render-page'
import { Component as GroupDetailRoute } from '../groups/group-detail-route'
import { Component as MemberDetailRoute } from './member-detail-route'

const viewer: Me = {
  id: 1,
  email: 'viewer@example.com',
  fullName: 'Viewer',
  role: 'standard',
  rawRole: 'standard',
} as Me

/** Text that has broken pages elsewhere, and URLs of every scheme. */
const text = fc.oneof(
  hostileString(60),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '<a href="javascript:alert(1)">x</a>',
    '"><svg/onload=alert(1)>',
    '{{constructor.constructor("alert(1)")()}}',
    '\u202egnp.exe',
  ),
)
const url = fc.oneof(
  text,
  fc.webUrl(),
  fc.constantFrom(
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'vbscript:msgbox(1)',
    '//evil.example/x.png',
    'https://cdn.example/p.png',
    'http://cdn.example/p\u0000.png',
  ),
)

/** Elements the pages are made of; anything else came from the data. */
const allowedTags = new Set(
  'a abbr article aside b button dd details div dl dt em footer form h1 h2 h3 header img input label li main nav ol option p path search section select small span strong summary svg circle rect line polyline polygon g table tbody td th thead time title tr ul caption col colgroup br hr text tspan defs clippath mask use figure figcaption code pre kbd output dialog fieldset legend textarea progress meter'.split(
    ' ',
  ),
)

function assertOnlyText(container: HTMLElement) {
  for (const element of container.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    expect(allowedTags.has(tag) ? tag : `unexpected <${tag}>`).toBe(tag)
    for (const attribute of element.attributes) expect(attribute.name).not.toMatch(/^on/i)
  }
  for (const img of container.querySelectorAll('img')) {
    expect(img.getAttribute('src') ?? '').toMatch(/^(https?:\/\/|data:image\/)/i)
  }
  for (const a of container.querySelectorAll('a[href]')) {
    expect(a.getAttribute('href') ?? '').toMatch(/^(\/(?!\/)|mailto:|tel:|https?:\/\/)/i)
  }
}

afterEach(cleanup)

describe('pages from hostile records, fuzzed', () => {
  it('a member’s page shows every field as text', () => {
    fc.assert(
      fc.property(
        fc.record({
          first_name: text,
          last_name: text,
          full_name: fc.option(text, { nil: undefined }),
          email: text,
          job_title: text,
          phone: text,
          timezone: text,
          role: text,
          status: fc.oneof(text, fc.constantFrom('active', 'invited', 'disabled')),
          profile_pic: url,
          groups: fc.array(fc.record({ id: fc.stringMatching(/^[0-9a-f]{1,32}$/), name: text }), {
            maxLength: 3,
          }),
        }),
        (wire) => {
          cleanup()
          const member = parseMember({ data: { id: 1001, ...wire } })
          const queryClient = createTestQueryClient()
          queryClient.setQueryData(meQueries.current(TEST_ORG_ID).queryKey, viewer)
          queryClient.setQueryData(memberQueries.detail(TEST_ORG_ID, 1001).queryKey, member)
          queryClient.setQueryData(memberQueries.directory(TEST_ORG_ID).queryKey, completeDirectory([member]))
          renderPage({ '/members/:memberId': <MemberDetailRoute /> }, { path: '/members/1001', queryClient })
          const heading = document.querySelector('h1')
          expect(heading?.textContent).toBe(member.fullName)
          assertOnlyText(document.body)
        },
      ),
      { numRuns: 15 },
    )
  })

  it('a group’s page shows its name, description, members and guests as text', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: text,
          description: text,
          logo: url,
          guests: fc.array(text, { maxLength: 3 }),
          memberNames: fc.array(text, { maxLength: 3 }),
        }),
        ({ memberNames, ...wire }) => {
          cleanup()
          const members = memberNames.map((name, i) =>
            parseMember({ data: { id: 2000 + i, full_name: name, email: name } }),
          )
          const group = parseGroup({
            data: { id: 'abc123', ...wire, members: members.map((m) => m.id).concat(424242) },
          })
          const queryClient = createTestQueryClient()
          queryClient.setQueryData(meQueries.current(TEST_ORG_ID).queryKey, viewer)
          queryClient.setQueryData(meQueries.organizations(TEST_ORG_ID).queryKey, [
            { id: TEST_ORG_ID, name: 'Org' },
          ])
          queryClient.setQueryData(groupQueries.detail(TEST_ORG_ID, 'abc123').queryKey, group)
          queryClient.setQueryData(memberQueries.directory(TEST_ORG_ID).queryKey, completeDirectory(members))
          renderPage({ '/groups/:groupId': <GroupDetailRoute /> }, { path: '/groups/abc123', queryClient })
          expect(document.querySelector('h1')?.textContent).toBe(group.name)
          assertOnlyText(document.body)
        },
      ),
      { numRuns: 12 },
    )
  })
})
