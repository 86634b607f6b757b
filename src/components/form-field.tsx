// One labelled form field: label, the control (input, textarea or select, passed as a render
// function so the field can wire ids into it), an optional hint, and error text.
//
// <FormField label="Name" error={errors.name} hint="Up to 200 characters">
//   {(control) => <input {...control} className="input" value={name} onChange={…} />}
// </FormField>
//
// `control` carries id, aria-invalid and aria-describedby (hint and error ids), so a screen reader
// reads the error with the field. `error` is a string or Tallyfy's list of strings for that field,
// shown verbatim (`fieldErrorsOf(error, 'name')` picks them from an ApiError's 422 field errors,
// including nested keys such as `guests.0`).

import { useId, type ReactNode } from 'react'
import { isApiError } from '../api/errors'

interface FieldControlProps {
  id: string
  'aria-invalid': boolean | undefined
  'aria-describedby': string | undefined
}

interface FormFieldProps {
  label: ReactNode
  children: (control: FieldControlProps) => ReactNode
  error?: string | readonly string[] | null
  hint?: ReactNode
  className?: string
}

export function FormField({ label, children, error, hint, className }: FormFieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const errors = error == null ? [] : typeof error === 'string' ? [error] : error
  const describedBy = [hint ? hintId : null, errors.length > 0 ? errorId : null].filter(Boolean).join(' ')
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({
        id,
        'aria-invalid': errors.length > 0 ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {hint ? (
        <span id={hintId} className="field__hint">
          {hint}
        </span>
      ) : null}
      {errors.length > 0 ? (
        <span id={errorId} className="field__error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  )
}

/**
 * Tallyfy's 422 messages for one field (`name`), and for its children (`guests.0`, `members.2`),
 * as Tallyfy wrote them. Empty when the error is not a 422 or says nothing about that field.
 */
export function fieldErrorsOf(error: unknown, field: string): string[] {
  if (!isApiError(error)) return []
  const out: string[] = []
  for (const [key, messages] of Object.entries(error.fieldErrors)) {
    if (key === field || key.startsWith(`${field}.`)) out.push(...messages)
  }
  return out
}
