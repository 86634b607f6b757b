// Member IDs are integers at Tallyfy, but reach Roster as numbers, numeric strings and, from other
// clients, strings with spaces or leading zeros ("1001", " 1001 ", "01001" are one member). Every
// comparison goes through `canonicalMemberId`; every write sends `toWireMemberId`.

const digits = /^\d+$/

/**
 * The canonical string form of a member ID: trimmed, leading zeros dropped from a numeric one
 * (without a round trip through Number, so an ID beyond 2^53 keeps its digits); anything
 * non-numeric is kept as it is, trimmed.
 */
export function canonicalMemberId(id: string | number): string {
  const trimmed = String(id).trim()
  return digits.test(trimmed) ? trimmed.replace(/^0+(?=\d)/, '') : trimmed
}

/** What a write sends: the integer Tallyfy documents, or the (trimmed) string when it is not one. */
export function toWireMemberId(id: string | number): number | string {
  const canonical = canonicalMemberId(id)
  return digits.test(canonical) ? Number(canonical) : canonical
}
