// After a group changes, every screen that shows it must agree without reloading the directory:
// the group page (detail query), the groups list (counts), the members table's Groups column (the
// directory's `groups` per member) and each member's page (member detail). These patch exactly
// the affected entries with setQueryData; rows that did not change keep their identity, so the
// members table's memoised work survives.

import type { QueryClient } from '@tanstack/react-query'
import { groupQueries } from './queries'
import { journalMemberWrite } from '../members/directory-loader'
import { memberQueries } from '../members/queries'
import type { Group, GroupRef, Member, MemberDirectory } from '../types'
import { applyMembershipChange, type MembershipChange } from '../../lib/group-membership'

/** Applies `update` to the group's detail entry and its row in the groups list, where cached. */
export function patchGroup(qc: QueryClient, orgId: string, groupId: string, update: (g: Group) => Group) {
  qc.setQueryData(groupQueries.detail(orgId, groupId).queryKey, (g) => (g ? update(g) : g))
  qc.setQueryData(groupQueries.list(orgId).queryKey, (list) => {
    if (!list) return list
    let changed = false
    const next = list.map((g) => {
      if (g.id !== groupId) return g
      changed = true
      return update(g)
    })
    return changed ? next : list
  })
}

/** The group as the cache knows it now: its page if loaded, else its row in the list. */
export function cachedGroup(qc: QueryClient, orgId: string, groupId: string): Group | undefined {
  return (
    qc.getQueryData(groupQueries.detail(orgId, groupId).queryKey) ??
    qc.getQueryData(groupQueries.list(orgId).queryKey)?.find((g) => g.id === groupId)
  )
}

/**
 * Puts the server's answer in place of the optimistic entry and brings the members it affects up
 * to date, including changes someone else made meanwhile (they show up as a difference between
 * what we had and what the server says).
 */
export function settleGroup(qc: QueryClient, orgId: string, server: Group) {
  const before = cachedGroup(qc, orgId, server.id)
  // An answer without a list says nothing about it: the cached one (known or not) stays.
  patchGroup(qc, orgId, server.id, (g) => ({
    ...server,
    logo: server.logo ?? g.logo,
    ...(server.membersKnown ? null : { memberIds: g.memberIds, membersKnown: g.membersKnown }),
    ...(server.guestsKnown ? null : { guests: g.guests, guestsKnown: g.guestsKnown }),
  }))
  if (!server.membersKnown) {
    if (before !== undefined && before.name !== server.name)
      patchMemberGroups(
        qc,
        orgId,
        { id: server.id, name: server.name },
        { rename: membersListingGroup(qc, orgId, server.id) },
      )
    return
  }
  // A cached group without its list: its members were those whose rows name it.
  const had = new Set(
    before === undefined
      ? []
      : before.membersKnown
        ? before.memberIds
        : membersListingGroup(qc, orgId, before.id),
  )
  const has = new Set(server.memberIds)
  patchMemberGroups(
    qc,
    orgId,
    { id: server.id, name: server.name },
    {
      add: server.memberIds.filter((id) => !had.has(id)),
      remove: [...had].filter((id) => !has.has(id)),
      rename: before !== undefined && before.name !== server.name ? server.memberIds : [],
    },
  )
}

/** Member IDs whose cached `groups` name this group: its members as the directory knows them. */
function membersListingGroup(qc: QueryClient, orgId: string, groupId: string): string[] {
  const directory = qc.getQueryData<MemberDirectory>(memberQueries.directory(orgId).queryKey)
  return (directory?.members ?? [])
    .filter((m) => m.groups?.some((g) => g.id === groupId))
    .map((m) => String(m.id))
}

interface MemberGroupPatch {
  /** Member IDs now in the group. */
  add?: readonly string[]
  /** Member IDs no longer in it. */
  remove?: readonly string[]
  /** Member IDs whose entry for this group should show its (new) name. */
  rename?: readonly string[]
}

/** Patches the `groups` of the named members in the directory and in their detail queries. */
export function patchMemberGroups(qc: QueryClient, orgId: string, group: GroupRef, patch: MemberGroupPatch) {
  const change = new Map<number, 'add' | 'remove' | 'rename'>()
  for (const id of patch.rename ?? []) change.set(Number(id), 'rename')
  for (const id of patch.add ?? []) change.set(Number(id), 'add')
  for (const id of patch.remove ?? []) change.set(Number(id), 'remove')
  if (change.size === 0) return

  const apply = (member: Member): Member => {
    const what = change.get(member.id)
    if (!what || member.groups === null) return member
    const without = member.groups.filter((g) => g.id !== group.id)
    if (what === 'remove')
      return without.length === member.groups.length ? member : { ...member, groups: without }
    if (what === 'rename' && without.length === member.groups.length) return member
    const at = member.groups.findIndex((g) => g.id === group.id)
    if (at >= 0 && member.groups[at]?.name === group.name) return member
    const groups = at >= 0 ? member.groups.map((g, i) => (i === at ? group : g)) : [...member.groups, group]
    return { ...member, groups }
  }

  const directoryKey = memberQueries.directory(orgId).queryKey
  qc.setQueryData<MemberDirectory>(directoryKey, (dir) => {
    if (!dir) return dir
    let changed = false
    const members = dir.members.map((m) => {
      const next = apply(m)
      if (next === m) return m
      changed = true
      // A refresh of the directory that read this row before the change must not put the old
      // Groups back (the loader lays journaled writes over every page it writes).
      journalMemberWrite(qc, directoryKey, m.id, { groups: next.groups }).settle()
      return next
    })
    return changed ? { ...dir, members } : dir
  })
  for (const id of change.keys()) {
    qc.setQueryData(memberQueries.detail(orgId, id).queryKey, (m) => (m ? apply(m) : m))
  }
}

/** A deleted group leaves the list, its members' Groups and its own cache entry. */
export function forgetGroup(qc: QueryClient, orgId: string, group: Group) {
  qc.setQueryData(groupQueries.list(orgId).queryKey, (list) => list?.filter((g) => g.id !== group.id))
  // Without the group's list, its members are those whose rows name it.
  const members = group.membersKnown ? group.memberIds : membersListingGroup(qc, orgId, group.id)
  patchMemberGroups(qc, orgId, { id: group.id, name: group.name }, { remove: members })
  qc.removeQueries({ queryKey: groupQueries.detail(orgId, group.id).queryKey, exact: true })
}

/** A new group joins the list (kept in the list's order, name) and gets its detail entry. */
export function rememberGroup(qc: QueryClient, orgId: string, group: Group) {
  qc.setQueryData(groupQueries.detail(orgId, group.id).queryKey, group)
  qc.setQueryData(groupQueries.list(orgId).queryKey, (list) =>
    list && !list.some((g) => g.id === group.id) ? [...list, group] : list,
  )
  patchMemberGroups(qc, orgId, { id: group.id, name: group.name }, { add: group.memberIds })
}

/**
 * A membership change on every screen at once (group page, list counts, member rows): the
 * optimistic patch of a group page's change and of a bulk action's, and, inverted, their rollback.
 */
export function patchMembership(qc: QueryClient, orgId: string, groupId: string, change: MembershipChange) {
  const before = cachedGroup(qc, orgId, groupId)
  patchGroup(qc, orgId, groupId, (g) => ({ ...g, ...applyMembershipChange(g, change) }))
  if (before)
    patchMemberGroups(
      qc,
      orgId,
      { id: groupId, name: before.name },
      { add: change.addMembers, remove: change.removeMembers },
    )
}
