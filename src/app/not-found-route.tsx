import { NotFoundState } from '../components/states'
import { paths } from '../lib/paths'
import { PageTitle } from '../components/page-title'

export function Component() {
  return (
    <>
      <PageTitle title="Page not found" />
      <NotFoundState
        title="Page not found"
        message="There is no page at this address. It may have been mistyped or moved."
        backTo={paths.members()}
        backLabel="Back to members"
      />
    </>
  )
}
