import { NotFoundState } from '../components/not-found-state'
import { paths } from '../lib/paths'

export function Component() {
  return (
    <NotFoundState
      title="Page not found"
      message="There is no page at this address. It may have been mistyped or moved."
      backTo={paths.members()}
      backLabel="Back to members"
    />
  )
}
