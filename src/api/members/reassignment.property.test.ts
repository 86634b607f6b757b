// What a member owns, parsed from answers of any shape (PHP's [] and {}, hostile strings and numbers,
// nesting): parseReassignmentInfo returns a consistent ReassignmentInfo, counting what it could not
// read, or throws for an answer without readable data. Nothing else may escape, and the total is
// never smaller than what it lists: "owns nothing" only when nothing is there.
/* oxlint-disable vitest/no-conditional-expect, vitest/expect-expect -- a property's assertions sit inside fc.assert. */
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hostileRecord, hostileString, hostileValue } from '../../test/arbitraries'
import { parseReassignmentInfo } from './mutations'
import type { ReassignmentInfo } from '../types'

const task = hostileRecord(['id', 'name', 'title', 'deadline', 'run_id', 'run_name', 'template_name'])
const titled = hostileRecord(['id', 'title', 'name', 'template_id'])
/** A part as Tallyfy might send it: a list, a map keyed by ID, PHP's [] or {}, or anything. */
const part = (entry: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.constant([]),
    fc.constant({}),
    fc.array(entry, { maxLength: 5 }),
    fc.dictionary(hostileString(12), entry, { maxKeys: 5 }),
    hostileValue,
  )

const data = hostileRecord(['templates', 'steps', 'process_tasks', 'one_off_tasks']).chain((extra) =>
  fc
    .record(
      {
        templates: part(fc.oneof(hostileString(), titled)),
        steps: part(titled),
        process_tasks: part(fc.oneof(fc.array(task, { maxLength: 4 }), task)),
        one_off_tasks: part(task),
      },
      { requiredKeys: [] },
    )
    .map((parts) => ({ ...extra, ...parts })),
)

function holds(info: ReassignmentInfo) {
  const listed =
    info.templates.length +
    info.steps.length +
    info.processes.reduce((sum, p) => sum + p.tasks.length, 0) +
    info.oneOffTasks.length
  expect(info.total).toBe(listed + (info.unreadable ?? 0))
  const texts = [
    ...info.templates.flatMap((t) => [t.id, t.title]),
    ...info.steps.flatMap((s) => [s.id, s.title]),
    ...info.processes.flatMap((p) => [p.processId, p.runName, ...p.tasks.flatMap((t) => [t.id, t.name])]),
    ...info.oneOffTasks.flatMap((t) => [t.id, t.name]),
  ]
  for (const value of texts) expect(typeof value).toBe('string')
  for (const p of info.processes) expect(p.tasks.length).toBeGreaterThan(0)
}

describe('parseReassignmentInfo on answers of any shape', () => {
  it('reads every object `data` into a consistent answer, whatever its parts hold', () => {
    fc.assert(
      fc.property(data, (value) => {
        holds(parseReassignmentInfo({ data: value }))
      }),
      { numRuns: 300 },
    )
  })

  it('anything else is read or refused with an error, never anything stranger', () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        let info: ReassignmentInfo
        try {
          info = parseReassignmentInfo({ data: value })
        } catch (error) {
          expect(error).toBeInstanceOf(Error)
          return
        }
        holds(info)
      }),
      { numRuns: 300 },
    )
  })
})
