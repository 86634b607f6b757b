import { afterEach, describe, expect, it, vi } from 'vitest'
import { credentialStore } from '../credentials'
import { errorFromHttp } from '../describe-error'
import { ApiError } from '../errors'
import { activity, recordWrite } from './activity'
import { UncertainWriteError } from './uncertain'

const refusal = errorFromHttp(
  400,
  new Headers({ 'Content-Type': 'application/json' }),
  JSON.stringify({ error: true, message: "You can't remove a bot user from this organization!" }),
)

afterEach(() => {
  activity.clear()
  credentialStore.clear()
})

describe('the Activity record', () => {
  it('lists a write as pending, then how it ended, newest first, per organization', () => {
    const first = activity.start('org1', 'Disable Bob Smith')
    const second = activity.start('org1', 'Change Ada Lovelace’s role to Light')
    activity.start('org2', 'Something elsewhere')
    expect(activity.list('org1').map((e) => [e.label, e.outcome])).toEqual([
      ['Change Ada Lovelace’s role to Light', 'pending'],
      ['Disable Bob Smith', 'pending'],
    ])
    expect(activity.pendingCount()).toBe(3)
    first.fail(refusal, 'member')
    second.done()
    const [ada, bob] = activity.list('org1')
    expect(bob).toMatchObject({
      outcome: 'refused',
      detail: "You can't remove a bot user from this organization!",
    })
    expect(ada).toMatchObject({ outcome: 'done', canUndo: false })
    expect(ada?.settledAt).not.toBeNull()
  })

  it('tells uncertain, not sent and failed apart', () => {
    const a = activity.start('org1', 'a')
    const b = activity.start('org1', 'b')
    const c = activity.start('org1', 'c')
    a.fail(new UncertainWriteError('Roster could not tell.'), 'member')
    b.fail(new ApiError({ kind: 'aborted', message: 'x' }), 'member')
    c.fail(new ApiError({ kind: 'network', message: 'x' }), 'member')
    expect(Object.fromEntries(activity.list('org1').map((e) => [e.label, e.outcome]))).toEqual({
      a: 'uncertain',
      b: 'not-sent',
      c: 'failed',
    })
  })

  it('runs Undo once, whichever of the notice and the panel asks first', () => {
    const undo = vi.fn<() => void>()
    const record = activity.start('org1', 'Add Bob Smith to Engineering')
    record.done({ undo })
    expect(activity.list('org1')[0]?.canUndo).toBe(true)
    expect(activity.undo(record.id)).toBe(true)
    expect(activity.undo(record.id)).toBe(false)
    expect(undo).toHaveBeenCalledTimes(1)
    expect(activity.list('org1')[0]?.canUndo).toBe(false)
    record.undone()
    expect(activity.list('org1')[0]?.outcome).toBe('undone')
  })

  it('an Undo that fails says so on the entry', () => {
    const record = activity.start('org1', 'Change Bob Smith’s role to Light')
    record.done({ undo: () => {} })
    record.undoFailed(refusal, 'member')
    expect(activity.list('org1')[0]).toMatchObject({
      outcome: 'done',
      canUndo: false,
      detail: "Undo failed: You can't remove a bot user from this organization!",
    })
  })

  it('says what the notice said when the caller names the person an index was about', () => {
    const record = activity.start('org1', 'Add Bob Smith to Engineering')
    record.fail(refusal, { what: 'group', message: 'Bob Smith: The selected members.3 is invalid.' })
    expect(activity.list('org1')[0]).toMatchObject({
      outcome: 'refused',
      detail: 'Bob Smith: The selected members.3 is invalid.',
    })
  })

  it('a batch shows its progress, settles with the outcome it decides, and offers Undo and its results later', () => {
    const record = activity.start('org1', 'Change 40 members’ role to Light')
    expect(activity.list('org1')[0]).toMatchObject({ progress: null, open: null })
    record.progress(3, 40)
    const before = activity.list('org1')
    record.progress(3, 40)
    // Nothing changed: the same list, so the panel does not render again.
    expect(activity.list('org1')).toBe(before)
    expect(before[0]).toMatchObject({ outcome: 'pending', progress: { done: 3, total: 40 } })

    record.settle('refused', '40 refused')
    expect(activity.list('org1')[0]).toMatchObject({
      outcome: 'refused',
      detail: '40 refused',
      canUndo: false,
    })
    expect(activity.pendingCount()).toBe(0)

    const show = vi.fn<() => void>()
    record.setOpen('Show results', show)
    activity.list('org1')[0]?.open?.run()
    expect(show).toHaveBeenCalledTimes(1)
    record.setUndo(() => {})
    expect(activity.list('org1')[0]).toMatchObject({ canUndo: true, open: { label: 'Show results' } })
    record.setUndo(null)
    record.clearOpen()
    expect(activity.list('org1')[0]).toMatchObject({ canUndo: false, open: null })
  })

  it('gives React the same list until something changes', () => {
    activity.start('org1', 'a')
    expect(activity.list('org1')).toBe(activity.list('org1'))
  })

  it('a sign-out forgets the organization’s entries; an expired session keeps them', () => {
    credentialStore.set({ orgId: 'org1', token: 't-0123456789', demo: false }, { remember: false })
    activity.start('org1', 'kept')
    credentialStore.endSession('expired')
    expect(activity.list('org1')).toHaveLength(1)
    credentialStore.set({ orgId: 'org1', token: 't-0123456789', demo: false }, { remember: false })
    credentialStore.endSession('signed-out')
    expect(activity.list('org1')).toHaveLength(0)
  })
})

describe('recordWrite', () => {
  it('is one entry: pending while the write runs and until the caller settles it', async () => {
    const { result, record } = await recordWrite('org1', 'Remove Bob Smith', async () => 'answer')
    expect(result).toBe('answer')
    expect(activity.list('org1').map((e) => [e.label, e.outcome])).toEqual([['Remove Bob Smith', 'pending']])
    record.done({ detail: 'Bob Smith is removed.' })
    expect(activity.list('org1').map((e) => [e.outcome, e.detail])).toEqual([
      ['done', 'Bob Smith is removed.'],
    ])
  })

  it('records a refusal in Tallyfy’s words and rethrows it for the screen', async () => {
    await expect(recordWrite('org1', 'Remove the bot', () => Promise.reject(refusal))).rejects.toBe(refusal)
    expect(activity.list('org1').map((e) => [e.outcome, e.detail])).toEqual([
      ['refused', "You can't remove a bot user from this organization!"],
    ])
  })
})
