// The import dialog as an admin uses it, against the demo's handlers: rows pasted, the preview's
// statuses and their reasons, a row fixed in place and one left out (the confirm button's number
// follows), the columns asked for when there is no header, and sending: one invitation per ready
// row, then one PUT per group; a 422 on its row in Tallyfy's words; a full seat pool stops it.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_ORG_ID } from '../../../demo/credentials'
import { demoBatchTests } from '../../../test/demo-batch-tests'
import { unmountBulkDialogHost } from '../bulk/bulk-dialog-host'
import ImportDialog from './import-dialog'

const { server, org, faults, writes, queryClient } = demoBatchTests({ members: 120 })

let qc: QueryClient
beforeEach(() => {
  qc = queryClient()
})
afterEach(() => unmountBulkDialogHost())

let closed = 0
function renderDialog() {
  closed = 0
  render(
    <QueryClientProvider client={qc}>
      <ImportDialog orgId={DEMO_ORG_ID} onClose={() => closed++} />
    </QueryClientProvider>,
  )
  return screen.getByRole('dialog', { name: 'Import members' })
}

let serial = 0
const unique = () => `import${Date.now().toString(36)}${serial++}@example.com`
const groupA = () => org.groups[0]!
const groupB = () => org.groups[1]!
const member = (n: number) => org.members.filter((m) => m.email && m.status === 'active')[n + 5]!

/** Pastes `text` into "Paste rows" as a person does (one paste event, not typing). */
async function paste(dialog: HTMLElement, text: string) {
  // No pause between keys: what is tested is the dialog, not the typing (and this machine is shared).
  const user = userEvent.setup({ delay: null })
  await user.click(within(dialog).getByRole('textbox', { name: 'Paste rows' }))
  await user.paste(text)
  return user
}

const summary = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('list', { name: 'Summary' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent)

describe('the preview', { timeout: 15_000 }, () => {
  it('recognises the columns, says what each row is, and names the number on the confirm button', async () => {
    const dialog = renderDialog()
    const [a, b] = [unique(), unique()]
    const user = await paste(
      dialog,
      [
        'E-mail\tGiven name\tSurname\tDepartment\tGroup',
        `${a}\tAna\tSousa\tOps\t${groupA().name}`,
        `${member(0).email.toUpperCase()}\tAlready\tThere\tOps\t`,
        `${a}\tAna\tAgain\tOps\t`,
        `not-an-email\tBo\tLi\tOps\t`,
        `${b}\tCy\t${'L'.repeat(33)}\tOps\tNo Such Group`,
      ].join('\n'),
    )
    expect(within(dialog).getByText('Ignored: Department.')).toBeInTheDocument()
    expect(summary(dialog)).toEqual([
      '1 ready',
      '1 already a member',
      '1 duplicate in this file',
      '2 need a fix',
    ])
    const row = (n: number) =>
      within(dialog)
        .getByRole('checkbox', { name: `Include row ${n}` })
        .closest('tr')!
    expect(row(3)).toHaveTextContent(`Already a member${member(0).full_name}, active`)
    expect(row(4)).toHaveTextContent('Duplicate in this fileSame email as row 2')
    expect(row(5)).toHaveTextContent('Needs a fixNot an email address')
    expect(row(6)).toHaveTextContent('Last name over 32 characters. Unknown group “No Such Group”')
    expect(within(dialog).getByRole('textbox', { name: 'Email, row 5' })).toBeInvalid()
    expect(within(dialog).getByRole('button', { name: 'Invite 1 person' })).toBeEnabled()

    // Fixed in place: the email of row 5, then row 6's last name and group.
    const email5 = within(dialog).getByRole('textbox', { name: 'Email, row 5' })
    await user.clear(email5)
    await user.type(email5, unique())
    const last6 = within(dialog).getByRole('textbox', { name: 'Last name, row 6' })
    await user.clear(last6)
    await user.type(last6, 'Lee')
    const groups6 = within(dialog).getByRole('textbox', { name: 'Groups, row 6' })
    await user.clear(groups6)
    await user.type(groups6, groupB().name.toLowerCase())
    expect(within(dialog).getByRole('button', { name: 'Invite 3 people' })).toBeEnabled()

    // Left out: row 2 is not sent, and its address no longer makes row 4 a duplicate.
    await user.click(within(dialog).getByRole('checkbox', { name: 'Include row 2' }))
    expect(summary(dialog)).toEqual(['3 ready', '1 already a member', '1 left out'])
    expect(within(dialog).getByRole('button', { name: 'Invite 3 people' })).toBeEnabled()
    expect(writes).toEqual([])
  })

  it('without a header, asks which column is which (a guess first), once', async () => {
    const dialog = renderDialog()
    const user = await paste(dialog, `Ana,Sousa,${unique()},Light\nBo,Li,${unique()},\n`)
    expect(
      within(dialog).getByText('These rows have no header: say which column is which.'),
    ).toBeInTheDocument()
    const column = (n: number) =>
      within(dialog).getByRole('combobox', { name: new RegExp(`^Column ${n}\\b`) })
    expect(column(1)).toHaveDisplayValue('First name')
    expect(column(3)).toHaveDisplayValue('Email')
    expect(column(4)).toHaveDisplayValue('Role')
    expect(within(dialog).getByRole('button', { name: 'Invite 2 people' })).toBeEnabled()

    // The admin says column 1 is the last name: the first name is then missing from every row.
    await user.selectOptions(column(1), 'Last name')
    expect(column(2)).toHaveDisplayValue('Ignore')
    expect(summary(dialog)).toEqual(['2 need a fix'])
    await user.selectOptions(column(2), 'First name')
    expect(summary(dialog)).toEqual(['2 ready'])
  })

  it('a semicolon CSV with a BOM, quotes and a newline inside a cell', async () => {
    const dialog = renderDialog()
    await paste(
      dialog,
      `\uFEFFEmail address;First Name;Last Name;Role\n"${unique()}";"Ana ""A""";"Sousa\nII";Administrator\n`,
    )
    expect(summary(dialog)).toEqual(['1 ready'])
    expect(within(dialog).getByRole('textbox', { name: 'First name, row 2' })).toHaveValue('Ana "A"')
    expect(within(dialog).getByRole('combobox', { name: 'Role, row 2' })).toHaveDisplayValue('Administrator')
  })

  it('reads a chosen CSV file, in Windows-1252 when it is not UTF-8', async () => {
    const dialog = renderDialog()
    const user = userEvent.setup({ delay: null })
    // "Müller" as an older Excel saves it: ü is one byte, 0xFC, which is not UTF-8.
    const latin1 = new Uint8Array([
      ...new TextEncoder().encode(`E-mail;First name;Last name\r\n${unique()};Jorg;M`),
      0xfc,
      ...new TextEncoder().encode('ller\r\n'),
    ])
    await user.upload(
      within(dialog).getByLabelText('CSV file'),
      new File([latin1], 'team.csv', { type: 'text/csv' }),
    )
    expect(await within(dialog).findByText('Rows from team.csv')).toBeInTheDocument()
    await within(dialog).findByRole('list', { name: 'Summary' })
    expect(summary(dialog)).toEqual(['1 ready'])
    expect(within(dialog).getByRole('textbox', { name: 'Last name, row 2' })).toHaveValue('Müller')
  })

  it('the message is required: an empty one is refused on its field and nothing is sent', async () => {
    const dialog = renderDialog()
    const user = await paste(dialog, `email,first name,last name\n${unique()},Ana,Sousa`)
    await user.clear(within(dialog).getByRole('textbox', { name: 'Invitation message' }))
    await user.click(within(dialog).getByRole('button', { name: 'Invite 1 person' }))
    const message = within(dialog).getByRole('textbox', { name: 'Invitation message' })
    expect(message).toHaveFocus()
    expect(message).toHaveAccessibleDescription(/Enter a message for the invitation/)
    expect(writes).toEqual([])
    expect(closed).toBe(0)
  })
})

describe('sending', { timeout: 15_000 }, () => {
  it('invites each ready row once, then adds them to their groups with one PUT per group', async () => {
    const dialog = renderDialog()
    const emails = [unique(), unique(), unique()]
    const user = await paste(
      dialog,
      [
        'email,first name,last name,role,groups',
        `${emails[0]},Ana,Sousa,light,"${groupA().name}, ${groupB().name}"`,
        `${emails[1]},Bo,Li,,${groupA().name}`,
        `${emails[2]},Cy,Lee,,`,
        `${member(1).email},Al,Ready,,${groupA().name}`,
      ].join('\n'),
    )
    await user.click(within(dialog).getByRole('button', { name: 'Invite 3 people' }))
    expect(closed).toBe(1)
    const results = await screen.findByRole('heading', { name: 'Finished' }, { timeout: 5000 })
    const batch = results.closest('dialog')!
    expect(batch).toHaveAccessibleName('Invite 3 people')
    expect(
      within(within(batch).getByRole('list', { name: 'Outcomes' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['3 done', '1 skipped'])
    const invites = writes.filter((w) => w.endsWith('/users/invite'))
    const puts = writes.filter((w) => w.startsWith('PUT') && w.includes('/groups/'))
    expect(invites).toHaveLength(3)
    expect(puts).toHaveLength(2)
    expect(new Set(puts)).toEqual(
      new Set([groupA().id, groupB().id].map((id) => `PUT /api/organizations/${DEMO_ORG_ID}/groups/${id}`)),
    )
    // The PUTs went after every invitation.
    expect(writes.indexOf(puts[0]!)).toBeGreaterThan(writes.lastIndexOf(invites.at(-1)!))
    const ana = org.members.find((m) => m.email === emails[0])!
    expect(ana.status).toBe('invited')
    expect(org.groups[0]!.members.map(Number)).toContain(ana.id)
    expect(org.groups[1]!.members.map(Number)).toContain(ana.id)
    expect(
      within(batch)
        .getByRole('rowheader', { name: /Ana Sousa/ })
        .closest('tr'),
    ).toHaveTextContent(`Invited as Light, added to ${groupA().name} and ${groupB().name}`)
    expect(
      within(batch)
        .getByRole('rowheader', { name: /Al Ready/ })
        .closest('tr'),
    ).toHaveTextContent(/Already a member \(Active\)/)
  })

  it("a 422 shows on its row in Tallyfy's words; the others are still invited", async () => {
    server.use(
      http.post('*/users/invite', async ({ request }) => {
        const body = (await request.clone().json()) as { first_name?: string }
        if (body.first_name !== 'Refused') return undefined
        return HttpResponse.json(
          { message: 'The given data was invalid.', errors: { email: ['The email domain is blocked.'] } },
          { status: 422 },
        )
      }),
    )
    const dialog = renderDialog()
    const user = await paste(
      dialog,
      `email,first name,last name\n${unique()},Refused,Row\n${unique()},Fine,Row`,
    )
    await user.click(within(dialog).getByRole('button', { name: 'Invite 2 people' }))
    const batch = (await screen.findByRole('heading', { name: 'Finished' }, { timeout: 5000 })).closest(
      'dialog',
    )!
    const refused = within(batch)
      .getByRole('rowheader', { name: /Refused Row/ })
      .closest('tr')!
    expect(refused).toHaveTextContent('Refused')
    expect(refused).toHaveTextContent('The email domain is blocked.')
    expect(
      within(batch)
        .getByRole('rowheader', { name: /Fine Row/ })
        .closest('tr'),
    ).toHaveTextContent('Done')
  })

  it('a full seat pool (409) stops the batch, and the results say how many were not sent', async () => {
    // No full seat left: the invitations in flight are refused, the rest are never sent.
    faults.set({ seats: { full: 0 } })
    const dialog = renderDialog()
    const rows = Array.from({ length: 12 }, (_, i) => `${unique()},Seat,Person${i}`)
    const user = await paste(dialog, `email,first name,last name\n${rows.join('\n')}`)
    await user.click(within(dialog).getByRole('button', { name: 'Invite 12 people' }))
    const batch = (
      await screen.findByRole('heading', { name: 'Stopped by Tallyfy' }, { timeout: 5000 })
    ).closest('dialog')!
    const counts = within(within(batch).getByRole('list', { name: 'Outcomes' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent)
    const sent = writes.filter((w) => w.endsWith('/users/invite')).length
    // At most the four in flight when the first refusal came back.
    expect(sent).toBeLessThanOrEqual(4)
    expect(counts).toEqual([`${sent} refused`, `${12 - sent} not sent`])
    expect(within(batch).getByText(/The rest were not sent\./)).toBeInTheDocument()
    expect(within(batch).getAllByText(/seat limit/).length).toBeGreaterThan(0)
    expect(org.members.filter((m) => m.first_name === 'Seat')).toHaveLength(0)
  })
})
