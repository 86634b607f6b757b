import { describe, expect, it } from 'vitest'
import { errorFromHttp } from '../../api/describe-error'
import {
  emptyInviteDraft,
  inviteErrorsFromServer,
  looksLikeUrl,
  toInviteInput,
  validateInvite,
  type InviteDraft,
} from './invite-validation'

const valid: InviteDraft = {
  email: '  new.person@example.com ',
  firstName: ' Siobhán ',
  lastName: "O'Brien",
  role: 'light',
  message: 'Welcome aboard',
}

describe('validateInvite', () => {
  it('accepts a complete invitation and trims what it sends', () => {
    expect(validateInvite(valid)).toEqual({})
    expect(toInviteInput(valid)).toEqual({
      email: 'new.person@example.com',
      firstName: 'Siobhán',
      lastName: "O'Brien",
      role: 'light',
      message: 'Welcome aboard',
    })
  })

  it('starts with a default message and the standard role, so only the person needs filling in', () => {
    const errors = validateInvite(emptyInviteDraft)
    expect(Object.keys(errors)).toEqual(['email', 'firstName', 'lastName'])
    expect(emptyInviteDraft.message.length).toBeGreaterThan(0)
  })

  it('explains every missing field on that field', () => {
    expect(validateInvite({ email: ' ', firstName: '', lastName: '', role: '', message: '  ' })).toEqual({
      email: 'Enter an email address.',
      firstName: 'Enter a first name.',
      lastName: 'Enter a last name.',
      role: 'Choose a role.',
      message: 'Enter a message for the invitation.',
    })
  })

  it.each(['pat', 'pat@', 'pat@example', 'pat smith@example.com', 'pat@example.com?bcc=x@y.z'])(
    'refuses the email shape %j',
    (email) => {
      expect(validateInvite({ ...valid, email }).email).toBe('Enter an email address like name@example.com.')
    },
  )

  it('allows names of exactly 32 characters, counting accents and emoji as one', () => {
    expect(validateInvite({ ...valid, firstName: 'é'.repeat(32), lastName: '😀'.repeat(32) })).toEqual({})
    expect(validateInvite({ ...valid, firstName: 'a'.repeat(33) }).firstName).toBe(
      'First name can be at most 32 characters.',
    )
    expect(validateInvite({ ...valid, lastName: 'ß'.repeat(33) }).lastName).toBe(
      'Last name can be at most 32 characters.',
    )
  })

  it('refuses a web address in a name, as Tallyfy does', () => {
    expect(validateInvite({ ...valid, firstName: 'https://evil.test' }).firstName).toBe(
      "First name can't contain a web address.",
    )
    expect(validateInvite({ ...valid, lastName: 'win at prizes.com' }).lastName).toBe(
      "Last name can't contain a web address.",
    )
  })

  it.each(['Mary-Kate', "D'Angelo", 'J. R.', 'St. John', 'Ó Súilleabháin', '王'])(
    'does not take the name %j for a web address',
    (name) => {
      expect(looksLikeUrl(name)).toBe(false)
    },
  )

  it('limits the message to 5,000 characters', () => {
    expect(validateInvite({ ...valid, message: 'x'.repeat(5000) }).message).toBeUndefined()
    expect(validateInvite({ ...valid, message: 'x'.repeat(5001) }).message).toBe(
      'The message can be at most 5000 characters.',
    )
  })

  it('only sends one of the three roles Tallyfy accepts', () => {
    expect(validateInvite({ ...valid, role: 'owner' }).role).toBe('Choose a role.')
    expect(toInviteInput({ ...valid, role: 'owner' })).toBeNull()
  })
})

describe("Tallyfy's 422 on the form", () => {
  it('puts each wire field on its form field, in Tallyfy’s words', () => {
    expect(
      inviteErrorsFromServer({
        email: ['The email has already been taken.'],
        first_name: ['The first name must not be a URL.'],
        'message.0': ['Too long.'],
        seats: ['No seats left.'],
      }),
    ).toEqual({
      fields: {
        email: 'The email has already been taken.',
        firstName: 'The first name must not be a URL.',
        message: 'Too long.',
      },
      other: ['No seats left.'],
    })
  })
})

describe('a refusal of an invitation', () => {
  it('422 in the docs’ shape (error: true, errors with a string) lands on the Email field', () => {
    const error = errorFromHttp(
      422,
      new Headers({ 'Content-Type': 'application/json' }),
      JSON.stringify({ error: true, errors: { email: 'The email has already been taken.' } }),
    )
    expect(inviteErrorsFromServer(error.fieldErrors).fields).toEqual({
      email: 'The email has already been taken.',
    })
  })
})
