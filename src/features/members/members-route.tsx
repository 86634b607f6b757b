// Placeholder while the member table is written, so the router (which imports this module) builds.
export function Component() {
  return <h1>Members</h1>
}
