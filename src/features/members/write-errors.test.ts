import { describe, expect, it } from 'vitest'
import { ApiError, errorFromHttp } from '../../api/errors'
import { inviteErrorsFromServer } from './invite-validation'
import { memberWriteError } from './write-errors'

const answer = (status: number, body: unknown) =>
  errorFromHttp(status, new Headers({ 'Content-Type': 'application/json' }), JSON.stringify(body))

describe("Tallyfy's refusals of member writes", () => {
  it('400 for the default administrator, word for word', () => {
    const error = answer(400, {
      error: true,
      message:
        'Cannot modify the default administrator. Please assign another member as default administrator first.',
    })
    expect(memberWriteError(error)).toBe(
      'Cannot modify the default administrator. Please assign another member as default administrator first.',
    )
  })

  it('400 for a bot user', () => {
    expect(
      memberWriteError(
        answer(400, { error: true, message: "You can't remove a bot user from this organization!" }),
      ),
    ).toBe("You can't remove a bot user from this organization!")
  })

  it('403 as a permission refusal and as a business rule, both in Tallyfy’s words', () => {
    expect(
      memberWriteError(
        answer(403, {
          error: true,
          message: "You don't have application's permissions for this organization!",
        }),
      ),
    ).toBe("You don't have application's permissions for this organization!")
    expect(memberWriteError(answer(403, { message: 'The last administrator cannot be disabled.' }))).toBe(
      'The last administrator cannot be disabled.',
    )
  })

  it('403 without a message still says what happened', () => {
    expect(memberWriteError(answer(403, {}))).toBe("You don't have access to this member in Tallyfy.")
  })

  it('422 in Laravel’s shape shows the field’s reason, not the generic headline', () => {
    const error = answer(422, {
      message: 'The given data was invalid.',
      errors: { role: ['The selected role is invalid.'] },
    })
    expect(memberWriteError(error)).toBe('The selected role is invalid.')
  })

  it('422 in the docs’ shape (error: true, errors with a string) lands on the Email field', () => {
    const error = answer(422, { error: true, errors: { email: 'The email has already been taken.' } })
    expect(inviteErrorsFromServer(error.fieldErrors).fields).toEqual({
      email: 'The email has already been taken.',
    })
  })

  it('409 for the seat pool, from its nested error body', () => {
    const error = answer(409, {
      error: { code: 'SEAT_POOL_EXHAUSTED', message: 'No seats left in your plan.', details: {} },
    })
    expect(memberWriteError(error)).toBe('No seats left in your plan.')
  })

  it('a 500 or a network failure gets Roster’s words, never a raw body', () => {
    const html = errorFromHttp(500, new Headers(), '<html>SQLSTATE[42000]</html>')
    expect(memberWriteError(html)).toBe('Tallyfy is having trouble right now.')
    expect(memberWriteError(new ApiError({ kind: 'network', message: 'x' }))).toBe(
      "Tallyfy can't be reached. Check your connection.",
    )
  })
})
