// What every dialog form that sends one write holds (Invite member, Add guest, Convert to member):
// the text as typed, the reason on each field, and the form's own error above its buttons. A field's
// reason goes once it is changed (it is checked again on sending); reasons shown at once move focus
// to the first field that has one, in the form's order.
import { useRef, useState } from 'react'
import { isApiError } from '../api/errors'

/**
 * Tallyfy's 422 field errors (ApiError.fieldErrors, dotted paths such as `message.0`) on the form's
 * fields (`wireFields`: wire name → form field), in its words; what names no field of the form is
 * returned apart, to be shown above the buttons.
 */
export function fieldsFromServer<F extends string>(
  fieldErrors: Readonly<Record<string, readonly string[]>>,
  wireFields: Readonly<Record<string, F>>,
): { fields: Partial<Record<F, string>>; other: string[] } {
  const fields: Partial<Record<F, string>> = {}
  const other: string[] = []
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const wire = path.split('.')[0] ?? ''
    // Own keys only: a wire name such as `constructor` is not a field of the form.
    const field = Object.hasOwn(wireFields, wire) ? wireFields[wire] : undefined
    const text = messages.join(' ')
    if (field) fields[field] = fields[field] ? `${fields[field]} ${text}` : text
    else other.push(text)
  }
  return { fields, other }
}

export function useFormDraft<F extends string>(initial: () => Record<F, string>, order: readonly F[]) {
  const [draft, setDraft] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)

  const showErrors = (next: Partial<Record<F, string>>) => {
    setErrors(next)
    const first = order.find((f) => next[f])
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus()
  }

  /**
   * A refused write: a 422's messages on the fields they name, and what names none (or, when no
   * field was named, `message(error)`) above the buttons.
   */
  const showRefusal = (
    error: unknown,
    wireFields: Readonly<Record<string, F>>,
    message: (error: unknown) => string,
  ) => {
    const { fields, other } =
      isApiError(error) && error.status === 422
        ? fieldsFromServer(error.fieldErrors, wireFields)
        : { fields: {}, other: [] }
    const named = Object.keys(fields).length > 0
    if (named) showErrors(fields)
    if (other.length > 0 || !named) setFormError(other.join(' ') || message(error))
  }

  /** A field's name, value and change handler, for `{...bind('email')}`. */
  const bind = (field: F) => ({
    name: field,
    value: draft[field],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value
      setDraft((d) => ({ ...d, [field]: value }))
      if (errors[field]) setErrors((e) => ({ ...e, [field]: undefined }))
    },
  })

  /** Before sending: the last attempt's reasons go. */
  const clearErrors = () => {
    setErrors({})
    setFormError(null)
  }

  return { draft, errors, formError, formRef, bind, showErrors, showRefusal, clearErrors }
}
