import { describe, expect, it } from 'vitest'
import { errorFromHttp } from '../describe-error'
import { ApiError } from '../errors'
import {
  answerOf,
  confirmWrite,
  isUncertainFailure,
  NoLongerAppliesError,
  readIfAny,
  UncertainWriteError,
  writeThenConfirm,
} from './uncertain'

const http = (status: number) => errorFromHttp(status, new Headers(), '')
const dropped = new ApiError({ kind: 'network', message: 'Tallyfy could not be reached.' })

describe('a write whose answer was lost', () => {
  it('is uncertain after a network drop or a 5xx, not after a refusal', () => {
    expect(isUncertainFailure(dropped)).toBe(true)
    expect(isUncertainFailure(http(500))).toBe(true)
    expect(isUncertainFailure(http(503))).toBe(true)
    expect(isUncertainFailure(http(422))).toBe(false)
    expect(isUncertainFailure(http(429))).toBe(false)
    expect(isUncertainFailure(new ApiError({ kind: 'aborted', message: 'x' }))).toBe(false)
  })

  it('resolves with what the server holds when reading again shows the change', async () => {
    await expect(
      confirmWrite(dropped, async () => ({ applied: true, value: 'light' }), 'member'),
    ).resolves.toBe('light')
  })

  it('fails as it failed when the change is certainly not there', async () => {
    await expect(confirmWrite(dropped, async () => ({ applied: false }), 'member')).rejects.toBe(dropped)
  })

  it('says it cannot tell when the second read fails too', async () => {
    const error = await confirmWrite(
      dropped,
      () => Promise.reject(new ApiError({ kind: 'network', message: 'x' })),
      'member',
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UncertainWriteError)
    expect((error as Error).message).toContain('Check the member before trying again')
  })

  it('passes on a verdict the read found (uncertain for a reason, or no longer applying) as it is', async () => {
    const moot = new NoLongerAppliesError('The member is active now, no longer invited.')
    await expect(confirmWrite(dropped, () => Promise.reject(moot), 'member')).rejects.toBe(moot)
    const unsure = new UncertainWriteError('The member is still invited.')
    await expect(confirmWrite(dropped, () => Promise.reject(unsure), 'member')).rejects.toBe(unsure)
  })

  it('does not read again after a refusal', async () => {
    let reads = 0
    const refused = http(422)
    await expect(
      confirmWrite(refused, async () => ({ applied: (reads++, true), value: 1 }), 'member'),
    ).rejects.toBe(refused)
    expect(reads).toBe(0)
  })
})

/** The record read again after a failure: it carries the failure, so a test sees what `read` was given. */
const readLight = async (failure: unknown) => ({ role: 'light', failure })

describe('writeThenConfirm', () => {
  it('sends once and, after a lost answer, reads again: done when the record is as intended', async () => {
    let sent = 0
    const send = () => ((sent += 1), Promise.reject(dropped))
    const done = await writeThenConfirm(send, readLight, (r) => r.role === 'light', 'member')
    expect(done).toEqual({ role: 'light', failure: dropped })
    expect(sent).toBe(1)
    await expect(writeThenConfirm(send, readLight, (r) => r.role === 'admin', 'member')).rejects.toBe(dropped)
    expect(sent).toBe(2)
  })

  it('passes the answer through and reads nothing when the write was answered', async () => {
    let reads = 0
    const read = async () => ((reads += 1), 'x')
    await expect(
      writeThenConfirm(
        async () => 'answer',
        read,
        () => true,
        'guest',
      ),
    ).resolves.toBe('answer')
    expect(reads).toBe(0)
  })
})

describe('readIfAny and answerOf', () => {
  it('reads a 404 as nothing and passes any other failure on', async () => {
    await expect(readIfAny(() => Promise.reject(http(404)))).resolves.toBeNull()
    await expect(readIfAny(() => Promise.reject(dropped))).rejects.toBe(dropped)
    await expect(readIfAny(async () => 7)).resolves.toBe(7)
  })

  it('reads an odd or empty answer as null, not as a failure', () => {
    const answer = answerOf((json) => {
      if (typeof json !== 'number') throw new Error('not a number')
      return json
    })
    expect(answer(3)).toBe(3)
    expect(answer(undefined)).toBeNull()
    expect(answer(null)).toBeNull()
    expect(answer('three')).toBeNull()
  })
})
