import { describe, expect, it } from 'vitest'
import { describeApiError, errorFromHttp } from '../describe-error'
import { ApiError } from '../errors'
import { refusalMessage } from './refusal'
import { UncertainWriteError } from './uncertain'

const answer = (status: number, body: unknown) =>
  errorFromHttp(status, new Headers({ 'Content-Type': 'application/json' }), JSON.stringify(body))

/** The message for a write to a member. */
const refusal = (error: unknown) => refusalMessage(error, { what: 'member' })

describe("Tallyfy's refusals of writes: one message, whichever resource", () => {
  it('400 for the default administrator, word for word', () => {
    const error = answer(400, {
      error: true,
      message:
        'Cannot modify the default administrator. Please assign another member as default administrator first.',
    })
    expect(refusal(error)).toBe(
      'Cannot modify the default administrator. Please assign another member as default administrator first.',
    )
  })

  it('400 for a bot user', () => {
    expect(
      refusal(answer(400, { error: true, message: "You can't remove a bot user from this organization!" })),
    ).toBe("You can't remove a bot user from this organization!")
  })

  it('403 as a permission refusal and as a business rule, both in Tallyfy’s words', () => {
    expect(
      refusal(
        answer(403, {
          error: true,
          message: "You don't have application's permissions for this organization!",
        }),
      ),
    ).toBe("You don't have application's permissions for this organization!")
    expect(refusal(answer(403, { message: 'The last administrator cannot be disabled.' }))).toBe(
      'The last administrator cannot be disabled.',
    )
  })

  it('403 without a message still says what happened', () => {
    expect(refusal(answer(403, {}))).toBe("You don't have access to this member in Tallyfy.")
  })

  it('422 in Laravel’s shape shows the field’s reason, not the generic headline', () => {
    const error = answer(422, {
      message: 'The given data was invalid.',
      errors: { role: ['The selected role is invalid.'] },
    })
    expect(refusal(error)).toBe('The selected role is invalid.')
  })

  it('409 for the seat pool without words of Tallyfy’s still says what it means', () => {
    const error = answer(409, { error: { code: 'SEAT_POOL_EXHAUSTED', details: { pool_type: 'full' } } })
    expect(refusal(error)).toBe(
      'Every seat in the organization’s plan is taken, so Tallyfy refused. Free a seat (withdraw an invitation or disable someone) or add seats in Tallyfy, then try again.',
    )
  })

  it('409 for the seat pool, from its nested error body', () => {
    const error = answer(409, {
      error: { code: 'SEAT_POOL_EXHAUSTED', message: 'No seats left in your plan.', details: {} },
    })
    expect(refusal(error)).toBe('No seats left in your plan.')
  })

  it('a 500 or a network failure gets Roster’s words, never a raw body', () => {
    const html = errorFromHttp(500, new Headers(), '<html>SQLSTATE[42000]</html>')
    expect(refusal(html)).toBe('Tallyfy is having trouble right now.')
    expect(refusal(new ApiError({ kind: 'network', message: 'x' }))).toBe(
      "Tallyfy can't be reached. Check your connection.",
    )
  })

  it('a 422 names the person an index was about, when the caller can tell', () => {
    const error = answer(422, {
      message: 'The given data was invalid.',
      errors: { 'members.3': ['The selected members.3 is invalid.'] },
    })
    const names: Record<string, string> = { 'members.3': 'Bob Smith' }
    expect(refusalMessage(error, { what: 'group', nameOfField: (field) => names[field] ?? null })).toBe(
      'Bob Smith: The selected members.3 is invalid.',
    )
  })

  it('the same refusal reads the same for a member, a group or a guest (the three copies disagreed)', () => {
    // Laravel's generic headline must lose to the field's reason everywhere, also in describeApiError.
    const error = answer(422, { message: 'The given data was invalid.', errors: { name: ['Taken.'] } })
    expect(refusalMessage(error, { what: 'member' })).toBe('Taken.')
    expect(refusalMessage(error, { what: 'group' })).toBe('Taken.')
    expect(describeApiError(error).message).toBe('Taken.')
    // A 404 is not Tallyfy refusing in words: Roster's own, naming the record.
    expect(refusalMessage(answer(404, { message: 'Resource not found' }), { what: 'group' })).toBe(
      "This group doesn't exist, or it was removed.",
    )
  })

  it('when Roster could not tell whether the change was made, it says what to check, not "unexpected problem"', () => {
    const error = new UncertainWriteError('Check the member before trying again.')
    expect(refusalMessage(error, { what: 'member' })).toBe('Check the member before trying again.')
  })
})
