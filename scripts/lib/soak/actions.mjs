// What the soak's admin does, one action at a time, picked by weight from a seeded sequence. Each
// action is `{ name, weight, write?, run(ctx) }`; `run` throws when the page does not offer what a
// person would need (counted as a stumble, not a mismatch: the checks decide what is wrong). To add
// one, push it onto `actions` (bulk batches, once the selection bar is on main, go here too).
//
// ctx: { page, world, truth, ledger, rng, check, n }, where `check` holds the page checks below.

import {
  arrive,
  assertSignedIn,
  firstNumber,
  main,
  openList,
  poll,
  retryWhileFailing,
  undoFromActivity,
  whenShown,
} from './ui.mjs'

const BOT_MEMBER_ID = 1021
const writableRoles = ['admin', 'standard', 'light']
const roleLabels = { admin: 'Administrator', standard: 'Standard', light: 'Light' }

const membersTable = (page) => page.getByRole('table', { name: /^Members/ })
const search = (page, what) => page.getByRole('searchbox', { name: `Search ${what}` })
const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Members an admin may change through Roster: not the default admin, the bot or themselves. */
function writableMembers(ctx, filter) {
  const names = new Map()
  for (const m of ctx.truth.all()) names.set(m.fullName, (names.get(m.fullName) ?? 0) + 1)
  return ctx.truth.org.members.filter((w) => {
    if (w.is_default_admin || w.id === BOT_MEMBER_ID || String(w.id) === String(ctx.world.meId)) return false
    const view = ctx.truth.view(w.id)
    // A name the table shows twice could not be told apart by a person either.
    return names.get(view.fullName) === 1 && filter(w, view)
  })
}

/** The directory is on screen: the table is there and nothing more is loading. */
async function waitForDirectory(page) {
  await retryWhileFailing(page)
  await membersTable(page).waitFor({ timeout: 60_000 })
  const loaded = await poll(
    () => {
      assertSignedIn(page)
      return page.getByText(/^Loading members/).count()
    },
    (n) => n === 0,
    { timeout: 90_000 },
  )
  if (!loaded.ok) throw new Error('the directory was still loading after 90 s')
}

/** From the members list to one member's page, as a person does: search, then the name. */
export async function openMember(ctx, wire) {
  const { page } = ctx
  await openList(page, 'Members')
  await waitForDirectory(page)
  const view = ctx.truth.view(wire.id)
  await search(page, 'members').fill(wire.email)
  await membersTable(page).getByRole('link', { name: view.fullName, exact: true }).first().click()
  await arrive(page, view.fullName)
  return view
}

export async function openGroup(ctx, group) {
  const { page } = ctx
  await openList(page, 'Groups')
  await retryWhileFailing(page)
  await page
    .getByRole('table')
    .getByRole('link', { name: group.name, exact: true })
    .first()
    .click({ timeout: 30_000 })
  await arrive(page, group.name)
}

// ── The checks a page must pass: it shows what the organization holds ─────────────────────────

export const pageChecks = {
  /** A member's page: name, role and status as the organization holds them. */
  async member(ctx, id) {
    const { page, truth } = ctx
    const want = () => {
      const v = truth.view(id)
      return `${v.fullName} · ${truth.roleLabel(v)} · ${truth.statusLabel(v)}`
    }
    const shown = async () => {
      const name = await page.getByRole('heading', { level: 1 }).textContent({ timeout: 2_000 })
      const badges = (await page.locator('.member-page__badges').textContent({ timeout: 2_000 })) ?? ''
      const v = truth.view(id)
      const role = badges.includes(truth.roleLabel(v)) ? truth.roleLabel(v) : badges
      const status = badges.includes(truth.statusLabel(v)) ? truth.statusLabel(v) : badges
      return `${name} · ${role} · ${status}`
    }
    return ctx.agree(`member ${id}`, shown, want)
  },

  /** A group's page: its name and how many members and guests it has. */
  async group(ctx, groupId) {
    const { page, truth } = ctx
    const want = () => {
      const g = truth.group(groupId)
      return `${g.name} · Members (${g.members.length}) · Guests (${g.guests.length})`
    }
    const shown = async () => {
      const name = await page.getByRole('heading', { level: 1 }).textContent({ timeout: 2_000 })
      const members = await page
        .getByRole('heading', { level: 2, name: /^Members \(/ })
        .textContent({ timeout: 2_000 })
      const guests = await page
        .getByRole('heading', { level: 2, name: /^Guests \(/ })
        .textContent({ timeout: 2_000 })
      return `${name} · Members (${firstNumber(members)}) · Guests (${firstNumber(guests)})`
    }
    return ctx.agree(`group ${groupId}`, shown, want)
  },

  /** The members list without a search or filter: the count and every Role and Status count. */
  async directory(ctx) {
    const { page, truth } = ctx
    const want = () => {
      const all = truth.all()
      const by = (key, value) => all.filter((m) => m[key] === value).length
      return [
        `${all.length} members`,
        ...writableRoles.map((r) => `${roleLabels[r]} ${by('role', r)}`),
        ...['active', 'invited', 'disabled'].map((s) => `${s} ${by('status', s)}`),
      ].join(' · ')
    }
    const shown = async () => {
      const count = await page.locator('.members-count').textContent({ timeout: 2_000 })
      const option = async (label, name) =>
        firstNumber(
          await page
            .getByRole('combobox', { name: label, exact: true })
            .locator('option', { hasText: new RegExp(`^${name} \\(`) })
            .textContent({ timeout: 2_000 }),
        )
      const roles = []
      for (const r of writableRoles) roles.push(`${roleLabels[r]} ${await option('Role', roleLabels[r])}`)
      const statuses = []
      for (const [s, label] of [
        ['active', 'Active'],
        ['invited', 'Invited'],
        ['disabled', 'Disabled'],
      ])
        statuses.push(`${s} ${await option('Status', label)}`)
      return [`${firstNumber(count)} members`, ...roles, ...statuses].join(' · ')
    }
    return ctx.agree('members list', shown, want)
  },

  async groupsList(ctx) {
    const { page, truth } = ctx
    return ctx.agree(
      'groups list',
      async () =>
        `${firstNumber(await page.locator('.list-toolbar__count').textContent({ timeout: 2_000 }))} groups`,
      () => `${truth.org.groups.length} groups`,
    )
  },

  async guestsList(ctx) {
    const { page, truth } = ctx
    return ctx.agree(
      'guests list',
      async () =>
        `${firstNumber(await page.locator('.list-toolbar__count').textContent({ timeout: 2_000 }))} guests`,
      () => `${truth.org.guests.length} guests`,
    )
  },
}

// ── Reads ────────────────────────────────────────────────────────────────────────────────────

const browseMembers = {
  name: 'browse members',
  weight: 3,
  async run(ctx) {
    const { page } = ctx
    await openList(page, 'Members')
    await waitForDirectory(page)
    await search(page, 'members').fill('')
    await pageChecks.directory(ctx)
  },
}

const searchMembers = {
  name: 'search members',
  weight: 4,
  async run(ctx) {
    const { page, rng, truth } = ctx
    await openList(page, 'Members')
    await waitForDirectory(page)
    const someone = rng.pick(truth.org.members)
    const view = truth.view(someone.id)
    // An exact address finds exactly that person; other searches (part of a name, hostile text) only
    // have to keep the page working.
    const term = rng.pick([
      someone.email,
      someone.email,
      view.fullName.split(' ')[0] ?? '',
      '<img src=x onerror=alert(1)>',
      'zz\u0000\u202e\u{1f600}',
      '  ',
    ])
    await search(page, 'members').fill(term)
    if (term === someone.email) {
      const others = truth.org.members.filter((m) => m.email.toLowerCase().includes(term.toLowerCase()))
      await ctx.agree(
        `search “${term}”`,
        async () =>
          (await membersTable(page).getByRole('link', { name: view.fullName, exact: true }).count()) > 0,
        () => true,
      )
      if (others.length === 1)
        await ctx.agree(
          `rows for “${term}”`,
          async () => firstNumber(await page.locator('.members-count').textContent({ timeout: 2_000 })),
          () => 1,
        )
    }
    await search(page, 'members').fill('')
  },
}

const sortMembers = {
  name: 'sort members',
  weight: 2,
  async run(ctx) {
    const { page, rng } = ctx
    await openList(page, 'Members')
    await waitForDirectory(page)
    const headers = membersTable(page).getByRole('columnheader').getByRole('button')
    const count = await headers.count()
    if (count === 0) throw new Error('the members table has no sortable column')
    const header = headers.nth(rng.int(0, count - 1))
    const name = (await header.textContent())?.trim() ?? ''
    await header.click()
    const th = membersTable(page).getByRole('columnheader', { name, exact: true })
    await ctx.agree(
      `the ${name} column says it is sorted`,
      async () =>
        ['ascending', 'descending'].includes((await th.getAttribute('aria-sort', { timeout: 2_000 })) ?? ''),
      () => true,
    )
  },
}

const viewMember = {
  name: 'open a member',
  weight: 4,
  async run(ctx) {
    const wire = ctx.rng.pick(ctx.truth.org.members.filter((m) => m.id !== BOT_MEMBER_ID))
    await openMember(ctx, wire)
    await pageChecks.member(ctx, wire.id)
  },
}

const viewGroup = {
  name: 'open a group',
  weight: 3,
  async run(ctx) {
    const group = ctx.rng.pick(ctx.truth.org.groups)
    await openGroup(ctx, group)
    await pageChecks.group(ctx, group.id)
  },
}

const browseGroups = {
  name: 'browse groups',
  weight: 1,
  async run(ctx) {
    await openList(ctx.page, 'Groups')
    await retryWhileFailing(ctx.page)
    await pageChecks.groupsList(ctx)
  },
}

const viewGuest = {
  name: 'open a guest',
  weight: 2,
  async run(ctx) {
    const { page, rng, truth } = ctx
    await openList(page, 'Guests')
    await retryWhileFailing(page)
    await pageChecks.guestsList(ctx)
    const guest = rng.pick(truth.org.guests)
    if (!guest) return
    await search(page, 'guests').fill(guest.email)
    // The row's link reads as the guest's name, or the email when there is none.
    await page.getByRole('table').getByRole('link').first().click({ timeout: 30_000 })
    await ctx.agree(
      `guest ${guest.email}`,
      async () => (await main(page).textContent({ timeout: 2_000 }))?.includes(guest.email) ?? false,
      () => true,
    )
  },
}

const viewOverview = {
  name: 'open the overview',
  weight: 1,
  async run(ctx) {
    await openList(ctx.page, 'Overview')
    await retryWhileFailing(ctx.page)
  },
}

// ── Writes ───────────────────────────────────────────────────────────────────────────────────

/** After a write: wait for its outcome and compare it with the organization. */
async function settled(ctx, entry, pageCheck) {
  await ctx.ledger.settle(ctx.page)
  if (entry.outcome === 'pending') return
  await pageCheck?.()
}

const memberPath = (ctx, id) => new RegExp(`^/organizations/${ctx.world.orgId}/users/${id}$`)

const changeRole = {
  name: 'change a role',
  weight: 4,
  write: true,
  async run(ctx) {
    const { page, rng, ledger } = ctx
    const candidates = writableMembers(ctx, (w) => w.status !== 'disabled')
    const wire = rng.pick(candidates)
    const view = await openMember(ctx, wire)
    const to = rng.pick(writableRoles.filter((r) => r !== view.role))
    await (await whenShown(page, page.getByRole('combobox', { name: 'Role' }))).selectOption(to)
    const entry = ledger.begin({
      kind: 'role',
      labelIncludes: [`Change ${view.fullName}'s role to ${roleLabels[to]}`],
      writePath: new RegExp(`/users/${wire.id}/role$`),
      readPath: memberPath(ctx, wire.id),
      effects: [{ key: `role:${wire.id}`, after: to }],
    })
    await ledger.send(entry, () => page.getByRole('button', { name: 'Change role' }).click())
    await settled(ctx, entry, () => pageChecks.member(ctx, wire.id))
  },
}

const disableMember = {
  name: 'disable a member',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger, truth } = ctx
    const wire = rng.pick(writableMembers(ctx, (w) => w.status === 'active'))
    const view = await openMember(ctx, wire)
    await (await whenShown(page, page.getByRole('button', { name: 'Disable member' }))).click()
    const confirm = page.getByRole('alertdialog', { name: `Disable ${view.fullName}?` })
    await confirm.waitFor({ timeout: 10_000 })
    const entry = ledger.begin({
      kind: 'disable',
      labelIncludes: [`Disable ${view.fullName}`],
      writePath: new RegExp(`/users/${wire.id}/disable$`),
      readPath: memberPath(ctx, wire.id),
      effects: [
        { key: `status:${wire.id}`, after: 'disabled' },
        // Tallyfy takes a disabled member out of every group.
        ...truth.groupsOf(wire.id).map((g) => ({ key: `in:${g.id}:${wire.id}`, after: false })),
      ],
    })
    await ledger.send(entry, () => confirm.getByRole('button', { name: 'Disable', exact: true }).click())
    await settled(ctx, entry, () => pageChecks.member(ctx, wire.id))
  },
}

const enableMember = {
  name: 'enable a member',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger } = ctx
    const candidates = writableMembers(ctx, (w) => w.status === 'disabled')
    if (candidates.length === 0) return disableMember.run(ctx)
    const wire = rng.pick(candidates)
    const view = await openMember(ctx, wire)
    const entry = ledger.begin({
      kind: 'enable',
      labelIncludes: [`Enable ${view.fullName}`],
      writePath: new RegExp(`/users/${wire.id}/enable$`),
      readPath: memberPath(ctx, wire.id),
      effects: [{ key: `status:${wire.id}`, after: wire.activated_at ? 'active' : 'invited' }],
    })
    const enable = page.getByRole('button', { name: 'Enable member' })
    await ledger.send(entry, async () => (await whenShown(page, enable)).click())
    await settled(ctx, entry, () => pageChecks.member(ctx, wire.id))
  },
}

const invite = {
  name: 'invite a member',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger } = ctx
    await openList(page, 'Members')
    await waitForDirectory(page)
    const n = ++ctx.n.invites
    const email = `soak.${ctx.seed}.${n}@example.com`
    const role = rng.pick(writableRoles)
    await page.getByRole('button', { name: 'Invite member' }).click()
    const dialog = page.getByRole('dialog', { name: 'Invite member' })
    await dialog.getByLabel('Email').fill(email)
    await dialog.getByLabel('First name').fill('Soak')
    await dialog.getByLabel('Last name').fill(`Invitee ${n}`)
    await dialog.getByLabel('Role').selectOption(role)
    const entry = ledger.begin({
      kind: 'invite',
      labelIncludes: [`Invite ${email}`],
      writePath: /\/users\/invite$/,
      readPath: new RegExp(`^/organizations/${ctx.world.orgId}/users$`),
      effects: [{ key: `member:${email}`, after: true }],
    })
    await ledger.send(entry, () => dialog.getByRole('button', { name: 'Send invitation' }).click())
    await ledger.settle(page)
    // A refused or failed invitation keeps the dialog open with the reason: a person closes it.
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Cancel' }).click()
    if (entry.outcome === 'done') {
      const member = ctx.truth.memberByEmail(email)
      if (member) {
        await openMember(ctx, member)
        await pageChecks.member(ctx, member.id)
      }
    }
  },
}

/** A group with someone to add or remove (the seeded groups; never the one that is all bots). */
function membershipTarget(ctx, adding) {
  const { rng, truth } = ctx
  const groups = truth.org.groups
  for (let i = 0; i < 10; i++) {
    const group = rng.pick(groups)
    const people = writableMembers(ctx, (w) =>
      adding ? w.status === 'active' && !truth.inGroup(group, w.id) : truth.inGroup(group, w.id),
    )
    if (people.length > 0) return { group, wire: rng.pick(people) }
  }
  return null
}

const groupPath = (ctx, id) => new RegExp(`^/organizations/${ctx.world.orgId}/groups/${id}$`)

const addToGroup = {
  name: 'add a member to a group',
  weight: 4,
  write: true,
  async run(ctx) {
    const { page, ledger, truth } = ctx
    const target = membershipTarget(ctx, true)
    if (!target) return
    const { group, wire } = target
    const view = truth.view(wire.id)
    await openGroup(ctx, group)
    const combobox = await whenShown(page, page.getByRole('combobox', { name: 'Add member' }))
    await combobox.fill(wire.email)
    await page
      .getByRole('option', { name: new RegExp(escapeRe(view.fullName)) })
      .first()
      .waitFor({ timeout: 15_000 })
    const entry = ledger.begin({
      kind: 'add member',
      labelIncludes: [`Add ${view.fullName} to ${group.name}`],
      writePath: new RegExp(`/groups/${group.id}$`),
      readPath: groupPath(ctx, group.id),
      effects: [{ key: `in:${group.id}:${wire.id}`, after: true }],
    })
    await ledger.send(entry, async () => {
      await combobox.press('ArrowDown')
      await combobox.press('Enter')
    })
    await settled(ctx, entry, () => pageChecks.group(ctx, group.id))
  },
}

const removeFromGroup = {
  name: 'remove a member from a group',
  weight: 3,
  write: true,
  async run(ctx) {
    const { page, ledger, truth } = ctx
    const target = membershipTarget(ctx, false)
    if (!target) return
    const { group, wire } = target
    const view = truth.view(wire.id)
    await openGroup(ctx, group)
    const remove = page.getByRole('button', { name: `Remove ${view.fullName}`, exact: true })
    await whenShown(page, remove)
    const entry = ledger.begin({
      kind: 'remove member',
      labelIncludes: [`Remove ${view.fullName} from ${group.name}`],
      writePath: new RegExp(`/groups/${group.id}$`),
      readPath: groupPath(ctx, group.id),
      effects: [{ key: `in:${group.id}:${wire.id}`, after: false }],
    })
    await ledger.send(entry, () => remove.first().click())
    await settled(ctx, entry, () => pageChecks.group(ctx, group.id))
  },
}

const addGuest = {
  name: 'add a guest to a group',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger } = ctx
    const group = rng.pick(ctx.truth.org.groups)
    const email = `soak.guest.${ctx.seed}.${++ctx.n.guests}@example.com`
    await openGroup(ctx, group)
    await (await whenShown(page, page.getByLabel('Guest email'))).fill(email)
    const entry = ledger.begin({
      kind: 'add guest',
      labelIncludes: [email, group.name],
      writePath: new RegExp(`/groups/${group.id}$`),
      readPath: groupPath(ctx, group.id),
      effects: [{ key: `guest:${group.id}:${email}`, after: true }],
    })
    await ledger.send(entry, () => page.getByRole('button', { name: 'Add guest', exact: true }).click())
    await settled(ctx, entry, () => pageChecks.group(ctx, group.id))
  },
}

const removeGuest = {
  name: 'remove a guest from a group',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger, truth } = ctx
    const groups = truth.org.groups.filter((g) => g.guests.length > 0)
    if (groups.length === 0) return addGuest.run(ctx)
    const group = rng.pick(groups)
    const email = rng.pick(group.guests)
    await openGroup(ctx, group)
    const remove = page.getByRole('button', { name: `Remove ${email}`, exact: true })
    await whenShown(page, remove)
    const entry = ledger.begin({
      kind: 'remove guest',
      labelIncludes: [email, group.name],
      writePath: new RegExp(`/groups/${group.id}$`),
      readPath: groupPath(ctx, group.id),
      effects: [{ key: `guest:${group.id}:${email.toLowerCase()}`, after: false }],
    })
    await ledger.send(entry, () => remove.first().click())
    await settled(ctx, entry, () => pageChecks.group(ctx, group.id))
  },
}

const bulkOutcomes = {
  done: 'done',
  skipped: 'skipped',
  refused: 'refused',
  'refused by tallyfy': 'refused',
  uncertain: 'uncertain',
  failed: 'failed',
  'not sent': 'not-sent',
}

/**
 * A batch from the selection bar: 2–4 people ticked one by one (found by their address), then
 * Change role for all of them. The batch runner's own results say how it went for each person, and
 * each is checked like a single write.
 */
const bulkRoleChange = {
  name: 'change the role of several (bulk)',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, rng, ledger, truth } = ctx
    await openList(page, 'Members')
    await waitForDirectory(page)
    const bar = page.getByRole('toolbar', { name: 'Selected members' })
    // Whatever an earlier step left selected goes first.
    if (await bar.isVisible()) await bar.getByRole('button', { name: 'Clear selection' }).click()
    const to = rng.pick(writableRoles)
    const pool = writableMembers(ctx, (w, v) => w.status !== 'disabled' && v.role !== to)
    const people = []
    for (let i = rng.int(2, 4); i > 0 && pool.length > 0; i--)
      people.push(pool.splice(rng.int(0, pool.length - 1), 1)[0])
    if (people.length < 2) return
    for (const wire of people) {
      const view = truth.view(wire.id)
      await search(page, 'members').fill(wire.email)
      await page
        .getByRole('checkbox', { name: `Select ${view.fullName}`, exact: true })
        .first()
        .check()
    }
    await search(page, 'members').fill('')
    await bar.getByText(`${people.length} selected`).waitFor({ timeout: 10_000 })
    await bar.getByRole('button', { name: 'Change role', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Change role' })
    await dialog.getByRole('combobox', { name: 'New role' }).selectOption(to)
    const items = people.map((wire) => ({
      name: truth.view(wire.id).fullName,
      writePath: new RegExp(`/users/${wire.id}/role$`),
      readPath: new RegExp(`^/organizations/${ctx.world.orgId}/users(/${wire.id})?$`),
      effects: [{ key: `role:${wire.id}`, after: to }],
    }))
    const entry = ledger.begin({
      kind: 'bulk role',
      labelIncludes: [`role to ${roleLabels[to]}`],
      writePath: /\/users\/\d+\/role$/,
      readPath: /\/users/,
      effects: [],
      items,
    })
    await ledger.send(entry, () =>
      dialog.getByRole('button', { name: `Change role of ${people.length} members`, exact: true }).click(),
    )
    // The batch's results: each person's outcome, once the progress bar is gone.
    const results = page.getByRole('table', { name: 'Result for each person' })
    const finished = await poll(
      async () => {
        assertSignedIn(page)
        return (await page.getByRole('progressbar').count()) === 0 && (await results.count()) > 0
      },
      Boolean,
      { timeout: 180_000, interval: 500 },
    )
    if (finished.ok) {
      const rows = await results.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          name: tr.querySelector('th')?.firstChild?.textContent ?? tr.querySelector('th')?.textContent ?? '',
          outcome: tr.querySelector('.bulk-outcome')?.textContent ?? '',
        })),
      )
      for (const item of entry.items) {
        const row =
          rows.find((r) => r.name.trim() === item.name) ?? rows.find((r) => r.name.includes(item.name))
        if (row) item.outcome = bulkOutcomes[row.outcome.trim().toLowerCase()] ?? row.outcome
      }
    }
    await ledger.settle(page)
  },
}

/**
 * Undo of the last write, from the Activity panel (the notice's Undo runs the same action). Only the
 * last: undoing an older change after a later one to the same record is refused by design.
 */
const undoLast = {
  name: 'undo the last change',
  weight: 2,
  write: true,
  async run(ctx) {
    const { page, ledger } = ctx
    const last = ledger.intents.at(-1)
    if (!last || last.outcome !== 'done' || !last.canUndo || last.undo || last.items) return
    ledger.beginUndo(last)
    await undoFromActivity(page, last.canUndo)
    await ledger.settle(page)
  },
}

export const actions = [
  browseMembers,
  searchMembers,
  sortMembers,
  viewMember,
  viewGroup,
  browseGroups,
  viewGuest,
  viewOverview,
  changeRole,
  disableMember,
  enableMember,
  invite,
  addToGroup,
  removeFromGroup,
  addGuest,
  removeGuest,
  bulkRoleChange,
  undoLast,
]

export function pickAction(rng, list = actions) {
  const total = list.reduce((sum, a) => sum + a.weight, 0)
  let r = rng.next() * total
  for (const action of list) {
    r -= action.weight
    if (r < 0) return action
  }
  return list.at(-1)
}
