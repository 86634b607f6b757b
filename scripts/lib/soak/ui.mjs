// How the soak finds its way around Roster: by the roles and names a person (or a screen reader)
// goes by, as the e2e specs do, so a renamed button fails here as it would for them.

/** Polls `read` until `ok(value)` or the time is up; returns the last value and whether it was ok. */
export async function poll(read, ok, { timeout = 15_000, interval = 200 } = {}) {
  const end = Date.now() + timeout
  let value
  for (;;) {
    try {
      value = await read()
      if (ok(value)) return { ok: true, value }
    } catch (error) {
      if (error instanceof SignedOut) throw error
      value = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) }
    }
    if (Date.now() > end) return { ok: false, value }
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}

export const main = (page) => page.locator('main')
export const heading1 = (page) => page.getByRole('heading', { level: 1 })
export const notices = (page) => page.getByRole('status', { name: 'Notifications' })

const onSignIn = (page) => new URL(page.url()).pathname === '/sign-in'
export const isSignedOut = onSignIn

/** The session ended under an action (the one-shot 401): the run signs in again. */
export class SignedOut extends Error {
  constructor() {
    super('the session ended')
    this.name = 'SignedOut'
  }
}

/** Throws SignedOut when the sign-in page is showing, so no wait outlasts the session. */
export function assertSignedIn(page) {
  if (onSignIn(page)) throw new SignedOut()
}

/** Signs in through the sign-in form, as a person does, and waits for a page of the app. */
export async function signIn(page, world) {
  if (!onSignIn(page)) await page.goto(`${world.baseURL}/sign-in`)
  await page.getByLabel('Organization ID').fill(world.orgId)
  await page.getByLabel('Access token').fill(world.token)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  // Faults are on: the check of the token may be refused or slow; the form says so and is sent again.
  const landed = await poll(
    async () => {
      if (!onSignIn(page)) return true
      const retry = page.getByRole('button', { name: 'Sign in', exact: true })
      if (
        (await retry.isVisible()) &&
        (await retry.isEnabled()) &&
        (await page.getByRole('alert').count()) > 0
      ) {
        await retry.click()
      }
      return false
    },
    Boolean,
    { timeout: 60_000, interval: 500 },
  )
  if (!landed.ok) throw new Error('sign-in did not lead into the app within 60 s')
}

/** Through the header's navigation, as a person moves between lists. */
export async function openList(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
  await arrive(page, name)
}

/**
 * Waits for the page whose heading is `name`. A page that could not load says so and offers Retry:
 * a person presses it, again while the fault lasts.
 */
export async function arrive(page, name, { timeout = 60_000 } = {}) {
  const heading = page.getByRole('heading', { level: 1, name, exact: true })
  const arrived = await poll(
    async () => {
      assertSignedIn(page)
      if (await heading.isVisible()) return true
      const retry = main(page).getByRole('button', { name: 'Retry', exact: true }).first()
      if (await retry.isVisible()) await retry.click({ timeout: 2_000 })
      return false
    },
    Boolean,
    { timeout, interval: 500 },
  )
  if (!arrived.ok) throw new Error(`the page “${name}” did not arrive within ${timeout / 1000} s`)
}

/**
 * Waits until `locator` is on screen; a page (or part) that could not load meanwhile offers Retry,
 * and a person presses it while the fault lasts.
 */
export async function whenShown(page, locator, { timeout = 60_000 } = {}) {
  const shown = await poll(
    async () => {
      assertSignedIn(page)
      if (await locator.first().isVisible()) return true
      const retry = main(page).getByRole('button', { name: 'Retry', exact: true }).first()
      if (await retry.isVisible()) await retry.click({ timeout: 2_000 })
      return false
    },
    Boolean,
    { timeout, interval: 500 },
  )
  if (!shown.ok) throw new Error(`not shown within ${timeout / 1000} s: ${String(locator)}`)
  return locator.first()
}

/**
 * A page that could not load shows Retry; a person presses it (faults are still on, so it may take a
 * few presses). Returns how many presses it took.
 */
export async function retryWhileFailing(page, { attempts = 8 } = {}) {
  let presses = 0
  for (let i = 0; i < attempts; i++) {
    const retry = main(page).getByRole('button', { name: 'Retry', exact: true })
    if ((await retry.count()) === 0 || !(await retry.first().isVisible())) return presses
    await retry.first().click()
    presses++
    await page.waitForTimeout(300 + i * 300)
  }
  return presses
}

/** The number in a count line such as "1,204 members" or "3 of 1,204 members" (the first figure). */
export const firstNumber = (text) => {
  const match = /(\d[\d,.\u00a0\u202f]*)/.exec(text ?? '')
  return match ? Number(match[1].replace(/\D/g, '')) : Number.NaN
}

/** Whether anything is still being saved: the Activity button says "N in progress" then. */
export async function writesInFlight(page) {
  assertSignedIn(page)
  const text = await page.getByRole('button', { name: /^Activity/ }).textContent({ timeout: 5_000 })
  return /in progress/.test(text ?? '')
}

/**
 * The Activity panel, read as a person reads it: every entry, oldest first, with its words and its
 * outcome as shown ("Done", "Uncertain", …), then closed again with Escape.
 */
export async function readActivity(page) {
  await closeDialogs(page)
  await page.getByRole('button', { name: /^Activity/ }).click()
  const panel = page.getByRole('dialog', { name: 'Activity' })
  await panel.waitFor({ timeout: 15_000 })
  // The panel's own chunk may still be arriving: wait for its list or its empty text.
  await panel.locator('ol, p').first().waitFor({ timeout: 15_000 })
  const entries = await panel.locator('ol > li').evaluateAll((items) =>
    items.map((li) => ({
      label: li.querySelector('.activity-item__label')?.textContent ?? '',
      outcome: li.querySelector('.activity-outcome')?.textContent ?? '',
      detail: li.querySelector('.activity-item__detail')?.textContent ?? '',
      undo: li.querySelector('button[aria-label^="Undo:"]')?.getAttribute('aria-label') ?? null,
    })),
  )
  await page.keyboard.press('Escape')
  await panel.waitFor({ state: 'hidden', timeout: 10_000 })
  return entries.toReversed()
}

/**
 * A dialog that stayed open says why the write failed (the confirm dialog, the invitation form); a
 * person reads it and closes it before going on.
 */
export async function closeDialogs(page) {
  for (let i = 0; i < 3 && (await page.locator('dialog[open]').count()) > 0; i++) {
    await page.keyboard.press('Escape')
    await page
      .locator('dialog[open]')
      .first()
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .catch(() => undefined)
  }
}

/** Presses an entry's Undo in the Activity panel. */
export async function undoFromActivity(page, undoLabel) {
  await closeDialogs(page)
  await page.getByRole('button', { name: /^Activity/ }).click()
  const panel = page.getByRole('dialog', { name: 'Activity' })
  await panel.getByRole('button', { name: undoLabel, exact: true }).first().click({ timeout: 10_000 })
  await page.keyboard.press('Escape')
  await panel.waitFor({ state: 'hidden', timeout: 10_000 })
}

/** Used JS heap after a forced garbage collection, in bytes (Chromium's DevTools protocol). */
export async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize
}
