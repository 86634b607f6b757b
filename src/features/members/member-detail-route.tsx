// Placeholder while the member page is written, so the router's lazy import resolves.
export function Component() {
  return <h1>Member</h1>
}
