// Tallyfy group IDs are 32 hex characters. Anything outside this shape is answered with "Group not
// found" without calling the API, so a crafted URL never becomes part of a request path.
const groupIdPattern = /^[A-Za-z0-9_-]{1,64}$/

export function isValidGroupId(id: string | undefined): id is string {
  return id !== undefined && groupIdPattern.test(id)
}
