// "Columns", "Export CSV" and "Views" for the members page, loaded just after the table rather
// than with it, so they stay out of the first download of /members (the bundle budget). Until their
// chunk lands, each shows as its own button, disabled.
import { lazy, Suspense, type ComponentProps } from 'react'
import type { ExportCsvButton as ExportCsvButtonType } from '../export-csv-button'
import type { ViewsMenu as ViewsMenuType } from '../views/views-menu'
import type { ColumnChooser as ColumnChooserType } from './column-chooser'

const ColumnChooser = lazy(() => import('./column-chooser').then((m) => ({ default: m.ColumnChooser })))
const ExportCsvButton = lazy(() =>
  import('../export-csv-button').then((m) => ({ default: m.ExportCsvButton })),
) as typeof ExportCsvButtonType
// Through a loader: see views-menu-loader.tsx.
const ViewsMenu = lazy(() => import('../views/views-menu-loader'))

function Placeholder({ label }: { label: string }) {
  return (
    <button type="button" className="button button--small" disabled>
      {label}
    </button>
  )
}

export function LazyColumnChooser(props: ComponentProps<typeof ColumnChooserType>) {
  return (
    <Suspense fallback={<Placeholder label="Columns" />}>
      <ColumnChooser {...props} />
    </Suspense>
  )
}

export function LazyExportCsvButton<T extends object>(props: ComponentProps<typeof ExportCsvButtonType<T>>) {
  return (
    <Suspense fallback={<Placeholder label="Export CSV" />}>
      <ExportCsvButton {...props} />
    </Suspense>
  )
}

export function LazyViewsMenu(props: ComponentProps<typeof ViewsMenuType>) {
  return (
    <Suspense fallback={<Placeholder label="Views" />}>
      <ViewsMenu {...props} />
    </Suspense>
  )
}
