// The one place that imports the demo at run time. A dynamic import keeps MSW and the demo data out of
// the main bundle: only people who choose the demo (or reload while in it) download them.
export const loadDemo = () => import('../../demo/start')
