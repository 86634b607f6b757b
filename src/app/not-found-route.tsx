import { NotFoundState } from '../components/states'
import { paths } from '../lib/paths'
import { useDocumentTitle } from './use-document-title'

export function Component() {
  useDocumentTitle('Page not found')
  return (
    <NotFoundState
      title="Page not found"
      message="There is no page at this address. It may have been mistyped or moved."
      backTo={paths.members()}
      backLabel="Back to members"
    />
  )
}
