// The one module /members names for its Views menu. It holds nothing but the import of the menu
// itself, so the first download carries a single chunk name instead of the menu's every
// dependency (the preload list of a dynamic import is written into the importing chunk).
import { lazy, type ComponentProps } from 'react'
import type { ViewsMenu as ViewsMenuType } from './views-menu'

const ViewsMenu = lazy(() => import('./views-menu'))

export default function ViewsMenuLoader(props: ComponentProps<typeof ViewsMenuType>) {
  return <ViewsMenu {...props} />
}
