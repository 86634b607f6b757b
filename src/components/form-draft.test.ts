import { describe, expect, it } from 'vitest'
import { fieldsFromServer } from './form-draft'

const wire = { email: 'email', first_name: 'firstName' } as const

describe('fieldsFromServer', () => {
  it('puts each wire field on its form field in Tallyfy’s words, nested paths included', () => {
    expect(
      fieldsFromServer(
        {
          email: ['Taken.'],
          'email.0': ['Not an address.'],
          first_name: ['Too long.'],
          seats: ['No seats left.'],
        },
        wire,
      ),
    ).toEqual({
      fields: { email: 'Taken. Not an address.', firstName: 'Too long.' },
      other: ['No seats left.'],
    })
  })

  it('does not take a name every object has for a field of the form', () => {
    expect(fieldsFromServer({ constructor: ['Odd.'], toString: ['Odder.'] }, wire)).toEqual({
      fields: {},
      other: ['Odd.', 'Odder.'],
    })
  })
})
