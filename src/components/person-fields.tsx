// The fields that name a person, as every form that adds one has them (Invite member, Add guest,
// Convert to member): the email, and first and last name side by side (one above the other when
// narrow). Wired with useFormDraft's `bind` and `errors` (components/form-draft.ts).
import type { Ref } from 'react'
import { FormField } from './form-field'
import './person-fields.css'

/** What `bind(field)` gives an input: its name, value and change handler. */
interface BoundField {
  name: string
  value: string
  onChange: (event: { target: { value: string } }) => void
}

export function EmailField({
  bind,
  error,
  inputRef,
}: {
  bind: (field: 'email') => BoundField
  error?: string
  inputRef?: Ref<HTMLInputElement>
}) {
  return (
    <FormField label="Email" error={error}>
      {(control) => (
        <input
          {...control}
          {...bind('email')}
          ref={inputRef}
          className="input"
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </FormField>
  )
}

type NameField = 'firstName' | 'lastName'

export function NameFields({
  bind,
  errors,
  firstRef,
}: {
  bind: (field: NameField) => BoundField
  errors: Partial<Record<NameField, string>>
  /** The first name's input, for a form that starts there. */
  firstRef?: Ref<HTMLInputElement>
}) {
  return (
    <div className="person-fields__names">
      <FormField label="First name" error={errors.firstName}>
        {(control) => (
          <input {...control} {...bind('firstName')} ref={firstRef} className="input" autoComplete="off" />
        )}
      </FormField>
      <FormField label="Last name" error={errors.lastName}>
        {(control) => <input {...control} {...bind('lastName')} className="input" autoComplete="off" />}
      </FormField>
    </div>
  )
}
