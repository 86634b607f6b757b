// Tallyfy group IDs are 32 hex characters; the check is looser (1 to 64 letters, digits, `_` or `-`)
// but lets nothing through that could change a request path (`/`, `.`, `%`, `?`, `#`). Anything
// else is answered with "Group not found" without calling the API, so a crafted URL never becomes
// part of a request path.
const groupIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export function isValidGroupId(id: string | undefined): id is string {
  return id !== undefined && groupIdPattern.test(id)
}
