import { afterEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../credentials'
import { discardJournal, journalKey, readJournal, unfinishedKeys, type BatchJournal } from './batch-journal'

const ORG = 'org-1'

const journal: BatchJournal = {
  id: 'b1',
  kind: 'group-add',
  params: { groupId: 'g7' },
  label: 'Add 3 members to a group',
  startedAt: 1_700_000_000_000,
  items: { 1: 'done', 2: 'sent', 3: 'pending' },
}

const store = (value: unknown) =>
  localStorage.setItem(journalKey(ORG), typeof value === 'string' ? value : JSON.stringify(value))

afterEach(() => credentialStore.clear())

describe('reading the batch journal', () => {
  it('reads what the runner wrote', () => {
    store(journal)
    expect(readJournal(ORG)).toEqual(journal)
    expect(readJournal('another-org')).toBeNull()
  })

  it.each([
    ['not JSON', '{"id":'],
    ['not an object', '[1, 2]'],
    ['no id', { ...journal, id: '' }],
    ['a params value that is not text', { ...journal, params: { groupId: 7 } }],
    ['an unknown outcome', { ...journal, items: { 1: 'maybe' } }],
    ['no start time', { ...journal, startedAt: 'yesterday' }],
    ['items that are a list', { ...journal, items: ['done'] }],
  ])('discards a journal that is %s, without throwing', (_, junk) => {
    store(junk)
    expect(readJournal(ORG)).toBeNull()
    // Gone, so that nothing offers a Resume from it later.
    expect(localStorage.getItem(journalKey(ORG))).toBeNull()
  })

  it('discards only the batch named, when one is', () => {
    store(journal)
    discardJournal(ORG, 'another-batch')
    expect(readJournal(ORG)).not.toBeNull()
    discardJournal(ORG, 'b1')
    expect(readJournal(ORG)).toBeNull()
  })
})

describe('what a Resume has to do', () => {
  it('checks the perhaps-sent first, sends the unsent, leaves done, skipped, refused and failed', () => {
    expect(
      unfinishedKeys({
        ...journal,
        items: {
          a: 'done',
          b: 'skipped',
          c: 'sent',
          d: 'uncertain',
          e: 'pending',
          f: 'not-sent',
          g: 'refused',
          h: 'failed',
        },
      }),
    ).toEqual({ verifyFirst: ['c', 'd'], toSend: ['e', 'f'], refusedOrFailed: ['g', 'h'] })
  })
})

describe('signing out', () => {
  it('removes every organization’s journal', () => {
    credentialStore.set({ orgId: ORG, token: 'token-0123456789', demo: false }, { remember: false })
    store(journal)
    localStorage.setItem(journalKey('org-2'), JSON.stringify(journal))
    localStorage.setItem('roster.theme', 'dark')
    credentialStore.endSession('signed-out')
    expect(readJournal(ORG)).toBeNull()
    expect(readJournal('org-2')).toBeNull()
    expect(localStorage.getItem('roster.theme')).toBe('dark')
  })

  it('keeps it when the session only expired (a 401), for a Resume after signing in again', () => {
    credentialStore.set({ orgId: ORG, token: 'token-0123456789', demo: false }, { remember: false })
    store(journal)
    credentialStore.endSession('expired')
    expect(readJournal(ORG)).toEqual(journal)
  })

  it('another tab signing out removes it here too', async () => {
    credentialStore.set({ orgId: ORG, token: 'token-0123456789', demo: false }, { remember: false })
    store(journal)
    const otherTab = new BroadcastChannel('roster.session')
    try {
      // A batch running here wrote its journal after the other tab had cleared the shared storage.
      // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a BroadcastChannel
      otherTab.postMessage({ type: 'signed-out' })
      await vi.waitFor(() => expect(credentialStore.get()).toBeNull())
      expect(localStorage.getItem(journalKey(ORG))).toBeNull()
    } finally {
      otherTab.close()
    }
  })
})
