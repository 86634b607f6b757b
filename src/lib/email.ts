// Deliberately narrow: no spaces, quotes, angle brackets, commas or URL syntax (?, &, #, %, /), so a
// string that passes can become a `mailto:` link without smuggling in headers (`?bcc=`), a second
// recipient or a different scheme. Some valid but exotic addresses are refused; they are shown as text.
const plainEmail = /^[A-Za-z0-9._+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/

/** True for a plain address such as `pat.o+x@sub.client.co.uk`. The caller trims; whitespace fails. */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && plainEmail.test(value)
}

/**
 * The one key a guest is compared, deduplicated and cached by: an email is one address however it
 * is cased or padded (a group may list `Pat@X.example ` for the guest `pat@x.example`).
 */
export function guestKey(email: string): string {
  return email.trim().toLowerCase()
}
