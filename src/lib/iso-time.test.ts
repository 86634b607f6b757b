import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseTime } from './format'
import { parseIsoTime } from './iso-time'

// Whatever the string, the answer is Date.parse's (through parseTime): the fast path may only be faster.
/** The values (and the times each way gives) where the hand reader and parseTime disagree. */
const disagreements = (values: ReadonlyArray<string | null | undefined>) =>
  values
    .map((value) => ({ value, ours: parseIsoTime(value), theirs: parseTime(value) }))
    .filter(({ ours, theirs }) => !Object.is(ours, theirs))

afterEach(() => {
  vi.restoreAllMocks()
})

describe('parseIsoTime', () => {
  it('reads Tallyfy’s usual shapes by hand, without Date.parse', () => {
    const parse = vi.spyOn(Date, 'parse')
    expect(parseIsoTime('2025-02-02T21:46:52.000Z')).toBe(Date.UTC(2025, 1, 2, 21, 46, 52))
    expect(parseIsoTime('2025-02-02T21:46:52Z')).toBe(Date.UTC(2025, 1, 2, 21, 46, 52))
    expect(parseIsoTime('2025-02-02T21:46:52.250+02:00')).toBe(Date.UTC(2025, 1, 2, 19, 46, 52, 250))
    expect(parse).not.toHaveBeenCalled()
  })

  it.each([
    '2025-02-02T21:46:52.000Z',
    '2025-02-02T21:46:52Z',
    '2025-02-02T21:46:52+02:00',
    '2025-02-02T21:46:52.123-05:30',
    '2025-02-02T00:00:00+23:59',
    '1970-01-01T00:00:00.000Z',
    '1969-12-31T23:59:59.999Z',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '2024-02-29T12:00:00Z',
    '2000-02-29T12:00:00Z',
    '2025-12-31T23:59:59Z',
  ])('reads %s as Date.parse does', (value) => {
    expect(parseIsoTime(value)).toBe(Date.parse(value))
  })

  it.each([
    null,
    undefined,
    '',
    'not a date',
    '2025-02-02',
    '2025-02-02T21:46:52',
    '2025-02-02T21:46Z',
    '2025-02-02 21:46:52Z',
    '2025-02-02T21:46:52z',
    '2025-02-02T21:46:52.1Z',
    '2025-02-02T21:46:52.1234Z',
    '2025-02-02T21:46:52.Z',
    '2025-02-02T21:46:52.12',
    '2025-02-02T21:46:52+0200',
    '2025-02-02T21:46:52+24:00',
    '2025-02-02T21:46:52+02:60',
    '2025-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-00-01T00:00:00Z',
    '2025-01-00T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T23:60:00Z',
    '2025-01-01T23:59:60Z',
    '2025-01-01T10:00:00Z ',
    ' 2025-01-01T10:00:00Z',
    '2025-01-01T10:00:00ZZ',
    '+02025-01-01T10:00:00Z',
    '2O25-01-01T10:00:00Z',
    '2025-1-01T10:00:00.000Z',
    'Tue, 01 Jul 2025 10:00:00 GMT',
  ])('falls back to parseTime for %j', (value) => {
    expect(disagreements([value])).toEqual([])
  })

  it('agrees with Date.parse on every day of several years, at several times and offsets', () => {
    const offsets = ['Z', '.000Z', '.999Z', '+00:00', '+05:30', '-08:00', '+14:00', '-12:00']
    const values: string[] = []
    for (const year of [1999, 2000, 2023, 2024, 2025, 2100]) {
      for (let day = 0; day < 366; day++) {
        const date = new Date(Date.UTC(year, 0, 1 + day))
        const ymd = date.toISOString().slice(0, 10)
        const time = `${String(day % 24).padStart(2, '0')}:${String((day * 7) % 60).padStart(2, '0')}:${String((day * 13) % 60).padStart(2, '0')}`
        for (const offset of offsets) values.push(`${ymd}T${time}${offset}`)
      }
    }
    expect(disagreements(values)).toEqual([])
  })
})
