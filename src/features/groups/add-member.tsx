// "Add member": the APG combobox over the cached member directory. Typing searches by name or
// email (the members page's normalised matching); people already in the group, and disabled
// accounts (Tallyfy takes those out of groups itself), are not offered.

import { useDeferredValue, useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { memberQueries } from '../../api/members/queries'
import type { Member } from '../../api/types'
import { MemberOption } from '../../components/domain/member-option'
import { Combobox } from '../../components/combobox'
import { canonicalMemberId } from '../../lib/member-id'
import { matchesAllTerms, normalize, splitTerms } from '../../lib/text'
import { useSubmitGuard } from '../../lib/use-submit-guard'
import type { MembershipActions } from './use-membership-actions'

const MAX_OPTIONS = 12
const noMembers: Member[] = []

export function AddMember({
  orgId,
  groupName,
  memberIds,
  actions,
}: {
  orgId: string
  groupName: string
  memberIds: readonly string[]
  actions: MembershipActions
}) {
  const [text, setText] = useState('')
  // The same person chosen twice (a double click on the option) is added once; the next person
  // can be chosen while the first is still on its way.
  const guard = useSubmitGuard()
  const query = useDeferredValue(text)
  const directoryQuery = useQuery(memberQueries.directory(orgId))
  const members = directoryQuery.data?.members ?? noMembers
  const haystacks = useMemo(
    () => members.map((m) => normalize(`${m.fullName}\u0000${m.email ?? ''}`)),
    [members],
  )
  const inGroup = useMemo(() => new Set(memberIds.map(canonicalMemberId)), [memberIds])
  const options = useMemo(() => {
    const terms = splitTerms(query)
    if (terms.length === 0) return noMembers
    const out: Member[] = []
    for (let i = 0; i < members.length && out.length < MAX_OPTIONS; i++) {
      const m = members[i]!
      if (m.status === 'disabled' || inGroup.has(canonicalMemberId(m.id))) continue
      if (matchesAllTerms(haystacks[i]!, terms)) out.push(m)
    }
    return out
  }, [query, members, haystacks, inGroup])

  const loading = directoryQuery.isPending
  return (
    <div className="group-admin-form">
      <Combobox
        label="Add member"
        value={text}
        onValueChange={setText}
        options={options}
        getKey={(m) => m.id}
        getLabel={(m) => m.fullName}
        renderOption={(m) => <MemberOption member={m} />}
        placeholder={loading ? 'Loading the member directory…' : 'Search by name or email'}
        emptyText={
          loading ? 'Loading the member directory…' : `No one outside ${groupName} matches “${text.trim()}”.`
        }
        hint="Type a name or an email, then choose with the arrow keys and Enter."
        onSelect={(m) => {
          setText('')
          guard.run(
            () =>
              actions.change(
                { addMembers: [String(m.id)] },
                {
                  done: `Added ${m.fullName} to ${groupName}.`,
                  undone: `${m.fullName} is out of ${groupName} again.`,
                  failed: `Could not add ${m.fullName} to ${groupName}`,
                },
              ),
            String(m.id),
          )
        }}
      />
    </div>
  )
}
