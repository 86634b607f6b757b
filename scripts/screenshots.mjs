// `npm run screenshots`: every route of the production build at desktop and phone widths, in the
// light and dark themes, written to docs/screenshots/<route>-<width>-<theme>.png for review and for
// the README. Viewport-sized captures (not full pages) keep the files small enough to commit.
//
// Builds into its own folder and serves on its own port so it never clashes with e2e or dev servers.
// Options: --port 4320  --out-dir dist-shots  --skip-build  --members 300
//          --only overview   (write only the shots whose name starts with this; the walk is the same;
//                             several prefixes separated by commas: --only guests,groups)
import { mkdirSync } from 'node:fs'
import { demo, flag, option } from './lib/cli.mjs'
import { withPreview } from './lib/preview-server.mjs'

const port = Number(option('port', '4320'))
const outDir = option('out-dir', 'dist-shots')
const members = Number(option('members', '300'))
const skipBuild = flag('skip-build')
const only = option('only', '').split(',')
const shotsDir = 'docs/screenshots'

const widths = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]
const themes = ['light', 'dark']

/** Waits for what a person would wait for: headings, no spinners, images decoded, fonts loaded. */
async function settle(page) {
  await page.locator('h1').first().waitFor({ timeout: 30_000 })
  await page.waitForFunction(
    () =>
      !document.querySelector('.state--loading .state__spinner') &&
      !document.body.textContent?.includes('Loading members'),
    undefined,
    { timeout: 30_000 },
  )
  await page.evaluate(async () => {
    await document.fonts.ready
    // Lazily loaded images below the fold never decode, so give each one a short grace period only.
    // This function runs in the page, so the helper cannot live in the script's outer scope.
    // oxlint-disable-next-line unicorn/consistent-function-scoping
    const grace = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
    await Promise.all(
      [...document.images].map((img) => Promise.race([img.decode().catch(() => undefined), grace(1500)])),
    )
  })
  // One more frame so late layout (virtualised rows measuring themselves) is in the picture.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  )
}

/** A group with a logo, members and guests, asked of the demo API through the page's service worker. */
async function findShowcaseGroup(page) {
  return page.evaluate(
    async ({ orgId, token }) => {
      const response = await fetch(`/api/organizations/${orgId}/groups?per_page=100`, {
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'X-Tallyfy-Client': 'APIClient',
        },
      })
      const body = await response.json()
      const groups = body.data ?? []
      const rich = groups.find(
        (g) =>
          String(g.logo ?? '').startsWith('data:image/') && g.members?.length > 0 && g.guests?.length > 0,
      )
      return (rich ?? groups[0])?.id ?? null
    },
    { orgId: demo.orgId, token: demo.token },
  )
}

async function main() {
  mkdirSync(shotsDir, { recursive: true })
  const written = []
  const problems = []
  await withPreview({ outDir, port, skipBuild }, async ({ baseURL, browser }) => {
    for (const theme of themes) {
      for (const size of widths) {
        const context = await browser.newContext({
          baseURL,
          viewport: size,
          locale: 'en-US',
          colorScheme: theme,
          deviceScaleFactor: 1,
        })
        await context.addInitScript(
          ({ n, t }) => {
            localStorage.setItem('roster.demo.members', String(n))
            localStorage.setItem('roster.theme', t)
          },
          { n: members, t: theme },
        )
        const page = await context.newPage()
        page.on('pageerror', (e) => problems.push(`${size.width} ${theme}: uncaught ${e.message}`))
        page.on('console', (m) => {
          if (m.type() === 'error') problems.push(`${size.width} ${theme}: console ${m.text()}`)
        })
        // The list tools that load just after a list (Columns, Export CSV, Views) show as disabled
        // placeholders until then; a list's picture waits for its Views menu.
        const viewsReady = () =>
          page.getByRole('button', { name: 'Views', exact: true, disabled: false }).waitFor()
        const shoot = async (name) => {
          if (!only.some((prefix) => name.startsWith(prefix))) return
          // Park the pointer in a corner so no row or button is captured in its hover state.
          await page.mouse.move(0, size.height - 1)
          await settle(page)
          const file = `${shotsDir}/${name}-${size.width}-${theme}.png`
          await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' })
          written.push(file)
          console.log(`  ${file}`)
        }

        await page.goto('/sign-in')
        await page.getByRole('button', { name: 'Explore the demo organization' }).waitFor()
        await shoot('sign-in')

        await page.getByRole('button', { name: 'Explore the demo organization' }).click()
        await page.waitForURL(/\/members/)
        await page.locator('tbody tr a[href^="/members/"]').first().waitFor()
        await viewsReady()
        await shoot('members')

        // The overview: figures and both charts, then the charts as tables, scrolled into view.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click()
        await page.getByRole('heading', { name: 'When members last signed in' }).waitFor()
        await page.getByText(/the rest are loading/).waitFor({ state: 'detached' })
        await page.getByRole('region', { name: 'Groups' }).getByRole('link').first().waitFor()
        await shoot('overview')
        // Scrolled so the section starts just under the sticky header.
        const scrollTo = (name) =>
          page.getByRole('region', { name }).evaluate((section) => {
            const header = document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0
            window.scrollTo(0, section.getBoundingClientRect().top + window.scrollY - header - 16)
          })
        await scrollTo(size.width < 600 ? 'Members added per month' : 'When members last signed in')
        await shoot('overview-charts')
        for (const chart of ['When members last signed in', 'Members added per month']) {
          await page
            .getByRole('region', { name: chart })
            .getByRole('button', { name: 'Show as table' })
            .click()
        }
        await scrollTo('When members last signed in')
        await shoot('overview-tables')
        await page.goBack()
        await page.locator('tbody tr a[href^="/members/"]').first().waitFor()

        // The Columns menu, open.
        await page.getByRole('button', { name: 'Columns' }).click()
        await page.getByRole('menu').waitFor()
        await shoot('members-columns-menu')
        await page.keyboard.press('Escape')

        // Views: a filtered, sorted list saved under a name, then the menu with the built-in views'
        // counts and the saved view.
        await page.goto('/members?role=light&sort=-last_login')
        await page.locator('tbody tr a[href^="/members/"]').first().waitFor()
        await viewsReady()
        await page.getByRole('button', { name: 'Views', exact: true }).click()
        await page.getByRole('menuitem', { name: 'Save view' }).click()
        const saveView = page.getByRole('dialog', { name: 'Save view' })
        await saveView.getByLabel('View name').fill('Light members, recent first')
        await shoot('members-save-view')
        await saveView.getByRole('button', { name: 'Save' }).click()
        await saveView.waitFor({ state: 'detached' })
        await page.getByRole('button', { name: 'Views', exact: true }).click()
        await page.getByRole('menu', { name: 'Views' }).waitFor()
        await shoot('members-views-menu')
        await page.keyboard.press('Escape')
        await page.goto('/members')
        await page.locator('tbody tr a[href^="/members/"]').first().waitFor()

        // The command palette, with a search typed.
        await page.getByRole('heading', { level: 1, name: 'Members' }).click()
        await page.keyboard.press('Control+k')
        const palette = page.getByRole('dialog')
        await palette.waitFor()
        await page.keyboard.type('an')
        await palette.getByRole('option').first().waitFor()
        await shoot('palette')
        await page.keyboard.press('Escape')

        // Administration (the demo's person is an admin): every form, menu and dialog it opens.
        await page.getByRole('button', { name: 'Invite member' }).click()
        const invite = page.getByRole('dialog', { name: 'Invite member' })
        await invite.getByRole('button', { name: 'Send invitation' }).waitFor()
        await shoot('admin-invite')
        await invite.getByLabel('Email').fill('not-an-email')
        await invite.getByLabel('First name').fill('https://example.com')
        await invite.getByRole('button', { name: 'Send invitation' }).click()
        await invite.locator('[aria-invalid="true"]').first().waitFor()
        await shoot('admin-invite-errors')
        await page.keyboard.press('Escape')
        await invite.waitFor({ state: 'detached' })

        await page.goto(`/members/${Number(demo.meId) + 2}`)
        await page.getByLabel('Role').selectOption({ label: 'Light' })
        await shoot('admin-member-role')
        await page.getByRole('button', { name: 'Disable member' }).click()
        await page.getByRole('alertdialog').waitFor()
        await shoot('admin-member-disable')
        await page.keyboard.press('Escape')

        await page.goto(`/members/${demo.meId}`)
        await shoot('member-detail')
        await page.getByLabel('Role').selectOption({ label: 'Standard' })
        await page.getByRole('button', { name: 'Change role' }).click()
        await page.getByRole('alertdialog').waitFor()
        await shoot('admin-own-role')
        await page.keyboard.press('Escape')

        await page.goto('/groups')
        await page.locator('a[href^="/groups/"]').first().waitFor()
        await viewsReady()
        await shoot('groups')
        await page.getByRole('button', { name: 'New group' }).click()
        await page.getByRole('dialog').getByRole('button', { name: 'Create group' }).waitFor()
        await shoot('admin-new-group')
        await page.keyboard.press('Escape')

        await page.goto('/guests')
        await page.locator('tbody a[href^="/guests/"]').first().waitFor()
        await viewsReady()
        await shoot('guests')
        // Guests in no group, from the Views menu.
        await page.getByRole('button', { name: 'Views', exact: true }).click()
        await page.getByRole('menuitem', { name: /^Guests in no group/ }).click()
        await page.waitForURL(/\/guests\?group=none$/)
        await page.getByRole('button', { name: 'Views', exact: true }).click()
        await page.getByRole('menu', { name: 'Views' }).waitFor()
        await shoot('guests-views-menu')
        await page.keyboard.press('Escape')
        await page.locator('tbody a[href^="/guests/"]').first().click()
        await page.waitForURL(/\/guests\/.+/)
        await shoot('guest-detail')

        const groupId = await findShowcaseGroup(page)
        await page.goto(`/groups/${groupId}`)
        await shoot('group-detail')
        await page.getByRole('button', { name: 'Edit group' }).click()
        await page.getByRole('dialog').getByRole('button', { name: 'Save' }).waitFor()
        await shoot('admin-edit-group')
        await page.keyboard.press('Escape')
        await page.getByRole('combobox', { name: 'Add member' }).fill('a')
        await page.getByRole('listbox').getByRole('option').first().waitFor()
        await shoot('admin-add-member')
        await page.keyboard.press('Escape')
        await page
          .getByRole('table')
          .getByRole('button', { name: /^Remove / })
          .first()
          .click()
        await page.getByRole('button', { name: 'Undo' }).waitFor()
        await shoot('admin-undo-notice')
        // The session's writes so far: the removal just made, with its Undo.
        await page.getByRole('button', { name: 'Activity' }).click()
        await page.getByRole('dialog', { name: 'Activity' }).getByRole('listitem').first().waitFor()
        await shoot('activity-panel')
        await page.keyboard.press('Escape')
        await page.getByRole('button', { name: 'Remove logo' }).click()
        await page.getByRole('alertdialog').waitFor()
        await shoot('admin-remove-logo')
        await page.keyboard.press('Escape')
        await page.getByRole('button', { name: 'Delete group' }).click()
        await page.getByRole('alertdialog').waitFor()
        await shoot('admin-delete-group')
        await page.keyboard.press('Escape')

        await page.goto('/no-such-page')
        await shoot('not-found')
        await context.close()
      }
    }
  })
  console.log(`Wrote ${written.length} screenshots:\n  ${written.join('\n  ')}`)
  if (problems.length > 0) console.log(`\nConsole errors seen while capturing:\n  ${problems.join('\n  ')}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
