#!/usr/bin/env node
// `npm run soak -- --minutes 60 --seed 7`: an admin's hour under faults, with nothing lost.
//
// Drives the production build in headless Chromium, through `vite preview`'s /api proxy, against the
// HTTP demo organization, with one of the demo's faults on at every moment. The admin searches,
// sorts, opens members, groups and guests, and writes (roles, disable and enable, invitations, group
// members and guests, Undo now and then), picked from a seeded sequence. Every step is checked
// against what the demo organization holds; at the end, with the faults off and after a full reload,
// everything the person was told is done must still be there. docs/reliability.md says what each
// fault exercises and holds the figures.
//
// Options: --minutes N (default 60), --seed N (default 1), --members N (default 400), --port P and
// --api-port P (default: free ports), --out-dir D (default dist-soak), --reuse-build (use D as it is
// when it holds a build), --headed, --quiet, --shots DIR (a screenshot of every stumble), --only
// word,word (only the actions whose names hold one of them). Exits 1 when anything disagreed.

import { flag, option } from './lib/cli.mjs'
import { actions, openGroup, openMember, pageChecks, pickAction } from './lib/soak/actions.mjs'
import { createFaultSchedule, seededRandom } from './lib/soak/faults.mjs'
import { createLedger, effectsOf } from './lib/soak/ledger.mjs'
import { createTruth } from './lib/soak/truth.mjs'
import {
  assertSignedIn,
  heapUsed,
  isSignedOut,
  openList,
  poll,
  readActivity,
  signIn,
  writesInFlight,
} from './lib/soak/ui.mjs'
import { ensureBuild, startWorld } from './lib/soak/world.mjs'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/preview-server.mjs'
import { chromium } from '@playwright/test'

const minutes = Number(option('minutes', '60'))
const seed = Number(option('seed', '1'))
const members = Number(option('members', '400'))
const port = option('port') ? Number(option('port')) : undefined
const apiPort = option('api-port') ? Number(option('api-port')) : undefined
const outDir = option('out-dir', 'dist-soak')
const quiet = flag('quiet')
/** Where to keep a screenshot of each stumble (for whoever looks into one). */
const shotsDir = option('shots')
/** Only the actions whose names contain one of these words (to try a new action): --only bulk,browse */
const only = option('only')?.split(',').filter(Boolean)
const chosenActions = only ? actions.filter((a) => only.some((word) => a.name.includes(word))) : actions
if (chosenActions.length === 0) {
  console.error(`soak: no action matches --only ${only?.join(',')}`)
  process.exit(2)
}
for (const [name, value] of Object.entries({ minutes, seed, members })) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`soak: --${name} expects a positive number`)
    process.exit(2)
  }
}

/** The JS heap may grow this much over the run before it counts as growing without bound. */
const HEAP_GROWTH_LIMIT = { factor: 2, slackBytes: 16 * 1024 * 1024 }
/** Statuses the faults make the browser log as failed loads; anything else in the console is an error. */
const FAULT_STATUSES = /status of (401|429|500|502|503)\b/

const mismatches = []
const stumbles = []
const log = (line) => {
  if (!quiet) console.log(`[${((Date.now() - startedAt) / 60_000).toFixed(1).padStart(5)} min] ${line}`)
}
function mismatch(kind, detail) {
  mismatches.push({ kind, detail })
  console.log(`MISMATCH ${kind}: ${detail}`)
}

const startedAt = Date.now()
await ensureBuild(outDir, flag('reuse-build'))
const world = await startWorld({ outDir, port, apiPort, members, seed })
const rng = seededRandom(seed)
const truth = createTruth(world)
const ledger = createLedger({ world, truth, mismatch })
const schedule = createFaultSchedule({
  world,
  rng,
  supportsRateLimitEvery: tryFaults({ rateLimitEvery: 5 }),
})
console.log(
  `soak: ${minutes} min, seed ${seed}, ${members} members; app ${world.baseURL}, demo API ${world.api.url}` +
    (world.writeStats()
      ? ''
      : ' (no write statistics in this demo: applied writes counted from the fault log)'),
)

/** Whether the demo accepts a switch (an older demo lacks H1's rateLimitEvery). */
function tryFaults(faults) {
  try {
    world.api.faults.set(faults)
    world.api.faults.set({})
    return true
  } catch {
    return false
  }
}

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
  headless: !flag('headed'),
})
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
const page = await context.newPage()
page.setDefaultTimeout(30_000)
// Leaving while a change is being saved asks first (the leave warning); the soak's reload says yes.
page.on('dialog', (dialog) => void dialog.accept())
const consoleErrors = []
const REMOVED_MEMBER_ID = 424242
const staleGroupUrls = world.org.groups
  .filter((g) => g.members.some((m) => Number(m) === REMOVED_MEMBER_ID))
  .map((g) => `/groups/${g.id}`)
page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`))
page.on('console', (message) => {
  if (message.type() !== 'error') return
  const text = message.text()
  const url = message.location()?.url ?? ''
  // A faulty answer is logged by the browser itself as a failed load; that is the fault, not Roster.
  if (text.startsWith('Failed to load resource') && url.includes('/api/') && FAULT_STATUSES.test(text)) return
  // The seeded group that still names a removed member answers its first save with 422, by design
  // (Roster drops the stale ID and saves again; the ledger checks the outcome).
  if (/status of 422\b/.test(text) && staleGroupUrls.some((path) => url.endsWith(path))) return
  consoleErrors.push(`console: ${text}${url ? ` (${url})` : ''}`)
})
const cdp = await context.newCDPSession(page)

let expiryAsked = 0
let sessionsRenewed = 0
const ctx = {
  page,
  world,
  truth,
  ledger,
  rng,
  seed,
  n: { invites: 0, guests: 0 },
  /**
   * A page agrees with the organization when what it shows equals what the organization holds
   * (`same`), soon: Roster may still be waiting out a fault. Polled, then recorded as a mismatch.
   */
  async agree(what, shown, want, same = (a, b) => a === b) {
    const read = async () => {
      assertSignedIn(page)
      // A part of the page that could not load offers Retry; a person presses it.
      const retry = page.locator('main').getByRole('button', { name: 'Retry', exact: true }).first()
      if (await retry.isVisible()) await retry.click({ timeout: 2_000 }).catch(() => undefined)
      return shown()
    }
    const result = await poll(read, (value) => same(value, want()), { timeout: 30_000, interval: 400 })
    if (!result.ok) {
      mismatch(
        'page',
        `${what}: shows ${JSON.stringify(result.value)}, the organization holds ${JSON.stringify(want())}`,
      )
    }
    return result.ok
  },
}

async function afterSignOut() {
  if (!isSignedOut(page)) return
  if (expiryAsked === sessionsRenewed) {
    mismatch('session', 'the session ended though no 401 was injected')
  }
  const hit = world.requests.findLast((r) => r.fault === '401')
  log(
    `session ended (401 on ${hit ? `${hit.method} ${hit.path.replace(/^\/organizations\/[^/]+/, '…')}, ${((Date.now() - hit.at) / 1000).toFixed(1)} s ago` : 'no request'}): signing in again`,
  )
  await signIn(page, world)
  sessionsRenewed = expiryAsked
  // An expiry keeps the Activity record for whoever signs in to the organization again: every write
  // made before it must still be listed with its outcome.
  await ledger.settle(page)
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────

await page.goto(`${world.baseURL}/sign-in`)
await signIn(page, world)
await openList(page, 'Members')
await pageChecks.directory(ctx)
const heapStart = await heapUsed(cdp)
const heapSamples = [heapStart]
log(`signed in; heap ${mb(heapStart)}`)

const deadline = startedAt + minutes * 60_000
// The one-shot 401: a third into a short run, then every 20 minutes; never in the last half minute.
const expiryEvery = 20 * 60_000
let nextExpiry = Date.now() + Math.min(10 * 60_000, (minutes * 60_000) / 3) + rng.int(0, 10_000)
let actionCount = 0
const byAction = {}

while (Date.now() < deadline) {
  if (
    Date.now() >= nextExpiry &&
    deadline - Date.now() > 30_000 &&
    !(await writesInFlight(page).catch(() => true))
  ) {
    schedule.expireSession()
    expiryAsked++
    nextExpiry += expiryEvery
    log('fault: one-shot 401')
  } else if (expiryAsked === sessionsRenewed) {
    schedule.tick()
  }
  const action = pickAction(rng, chosenActions)
  actionCount++
  byAction[action.name] = (byAction[action.name] ?? 0) + 1
  log(`${action.name} (fault: ${schedule.current?.name ?? 'none'})`)
  try {
    await action.run(ctx)
  } catch (error) {
    if (!isSignedOut(page)) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
      stumbles.push(`${action.name}: ${message}`)
      log(`stumbled: ${message}`)
      if (shotsDir)
        await page.screenshot({ path: `${shotsDir}/stumble-${stumbles.length}.png` }).catch(() => undefined)
      await recover()
    }
  }
  await afterSignOut().catch((error) => mismatch('session', `could not sign in again: ${String(error)}`))
  drainConsole()
  if (actionCount % 20 === 0) heapSamples.push(await heapUsed(cdp))
}

// ── The end: faults off, everything settled, the heap, then a full reload and every check ─────

schedule.clear()
await afterSignOut().catch((error) => mismatch('session', `could not sign in again: ${String(error)}`))
await ledger.settle(page, { limitMs: 180_000 })
for (const entry of ledger.unsettled())
  mismatch('stuck', `“${entry.labelIncludes.join(' … ')}” never settled`)
const heapEnd = await heapUsed(cdp)
heapSamples.push(heapEnd)
if (heapEnd > heapStart * HEAP_GROWTH_LIMIT.factor + HEAP_GROWTH_LIMIT.slackBytes)
  mismatch('heap', `JS heap grew from ${mb(heapStart)} to ${mb(heapEnd)}`)

await page.reload()
if (isSignedOut(page)) await signIn(page, world)
await openList(page, 'Members')
await pageChecks.directory(ctx)
const keysChecked = ledger.verifyModel()
// Every record a write touched, once more as its page shows it after the reload.
const touched = new Map()
for (const entry of ledger.intents) {
  for (const { key } of effectsOf(entry)) {
    const [kind, a] = key.split(':')
    if (kind === 'role' || kind === 'status') touched.set(`member:${a}`, () => pageChecks.member(ctx, a))
    if (kind === 'in' || kind === 'guest') touched.set(`group:${a}`, () => pageChecks.group(ctx, a))
  }
}
let pagesRechecked = 0
for (const [key, check] of [...touched].slice(0, 40)) {
  const [kind, id] = key.split(':')
  try {
    if (kind === 'member') await openMember(ctx, truth.member(id))
    else await openGroup(ctx, truth.group(id))
    await check()
    pagesRechecked++
  } catch (error) {
    mismatch(
      'page',
      `${key} after the reload: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
    )
  }
}
drainConsole()
const activityAtEnd = await readActivity(page).catch(() => [])

await context.close()
await browser.close()
await world.close()

// ── Summary ──────────────────────────────────────────────────────────────────────────────────

const ranMinutes = (Date.now() - startedAt) / 60_000
const faultsInjected = Object.values(world.faultCounts).reduce((a, b) => a + b, 0)
const stats = world.writeStats()
const lines = [
  `soak summary (seed ${seed}, ${members} members)`,
  `  minutes:        ${ranMinutes.toFixed(1)} (asked ${minutes})`,
  `  actions:        ${actionCount} (${Object.entries(byAction)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')})`,
  `  writes:         ${ledger.tally.writes} + ${ledger.tally.undos} undo (${Object.entries(
    ledger.tally.outcomes,
  )
    .map(([o, n]) => `${o} ${n}`)
    .join(', ')})${stats ? `; ${stats.writes.length} write requests reached the demo` : ''}`,
  `  faults injected: ${faultsInjected} (${Object.entries(world.faultCounts)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')}); 401 session ends ${expiryAsked}, signed in again ${sessionsRenewed}`,
  `  checked at end: ${keysChecked} last-known values, ${pagesRechecked} pages after a full reload`,
  `  stumbles:       ${stumbles.length}${stumbles.length ? ` (${[...new Set(stumbles)].slice(0, 5).join('; ')})` : ''}`,
  `  mismatches:     ${mismatches.length}`,
  `  heap:           start ${mb(heapStart)}, end ${mb(heapEnd)} (max ${mb(Math.max(...heapSamples))})`,
]
if (activityAtEnd.length === 0 && ledger.tally.writes > 0)
  lines.push('  note: the Activity panel was empty after the reload (memory only, as designed)')
console.log(`\n${lines.join('\n')}`)
for (const m of mismatches.slice(0, 30)) console.log(`  ✘ ${m.kind}: ${m.detail}`)
process.exit(mismatches.length === 0 ? 0 : 1)

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

function mb(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function drainConsole() {
  for (const error of consoleErrors.splice(0)) mismatch('console', error)
}

/** After a stumble: close what is open and go back to the members list, as a person would. */
async function recover() {
  for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => undefined)
  try {
    await openList(page, 'Members')
  } catch {
    // Nothing to navigate with: a full reload (the Activity record is memory only and starts over).
    await page.goto(`${world.baseURL}/members`).catch(() => undefined)
    ledger.reloaded()
    if (isSignedOut(page)) await signIn(page, world).catch(() => undefined)
  }
}
