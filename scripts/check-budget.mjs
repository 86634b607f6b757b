// Bundle budget for the two ways into Roster: every JavaScript file the browser has to download
// before the first member row can appear. `npm test` runs this after `vite build`; it fails the build
// when either way grows past the budget, so a new dependency on the way in is noticed in review rather
// than by users on slow phones.
//
// The ways:
// - a new person: /sign-in (its initial JavaScript and the lazily loaded sign-in page), then /members
//   (the members page's chunk and what it imports, which the sign-in page preloads while they type);
// - a remembered session: /members directly.
// Initial means: the entry <script type="module"> of dist/index.html, every <link rel="modulepreload">,
// and (recursively) every chunk they import statically. A route's page adds its chunk and that chunk's
// static imports. Other dynamic imports (the demo organization and MSW, the other pages, dialogs,
// export, …) are fetched later or only when used, so they are listed for information but not budgeted.
//
// The Vite manifest (dist/.vite/manifest.json, written with `build.manifest: true`) is used when it
// exists because it names source files; otherwise the import graph is read from the chunks themselves
// and a page's chunk is found by its file name (members-route-<hash>.js).
//
// Usage: node scripts/check-budget.mjs [--dir dist] [--budget 132]   (budget in KB gzipped, 1 KB = 1024 B)
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const distDir = option('dir', 'dist')
const budgetKb = Number(option('budget', '132'))
const budgetBytes = budgetKb * 1024

const htmlPath = join(distDir, 'index.html')
if (!existsSync(htmlPath)) {
  console.error(`No ${htmlPath}: run \`npm run build\` first.`)
  process.exit(2)
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const gzipSize = (file) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length
const rawSize = (file) => statSync(join(distDir, file)).size

/** Attribute values of tags matching a test, in document order (dist/index.html is small and machine-written). */
function tagAttributes(html, tagName, attribute, test) {
  const found = []
  for (const match of html.matchAll(new RegExp(`<${tagName}\\b[^>]*>`, 'gi'))) {
    const tag = match[0]
    if (!test(tag)) continue
    const value = tag.match(new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']+)["']`, 'i'))
    if (value) found.push(value[1])
  }
  return found
}

/** "/assets/index-abc.js" → "assets/index-abc.js"; external URLs are not ours to count. */
function toDistPath(url) {
  if (/^[a-z]+:\/\//i.test(url)) return null
  return url.replace(/^\.?\//, '').split(/[?#]/)[0]
}

/**
 * Static imports of one emitted chunk. Minified ESM writes them as `import{a as b}from"./x.js"`,
 * `import"./x.js"` or `export{a}from"./x.js"`; a dynamic `import("./x.js")` has a parenthesis and
 * is deliberately not matched.
 */
function staticImportsOf(file) {
  const code = readFileSync(join(distDir, file), 'utf8')
  const dir = posix.dirname(file)
  const found = new Set()
  const patterns = [
    /(?:^|[;\s}])import\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+\s*|\{[^}]*\}\s*)?from\s*["']([^"']+)["']/g,
    /(?:^|[;\s}])import\s*["']([^"']+)["']/g,
    /(?:^|[;\s}])export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["']([^"']+)["']/g,
  ]
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[1]
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue
      const resolved = specifier.startsWith('/')
        ? specifier.slice(1)
        : posix.normalize(posix.join(dir, specifier))
      if (resolved.endsWith('.js') && existsSync(join(distDir, resolved))) found.add(resolved)
    }
  }
  return [...found]
}

const html = readFileSync(htmlPath, 'utf8')
const entryScripts = tagAttributes(html, 'script', 'src', (t) => /type\s*=\s*["']module["']/i.test(t))
  .map(toDistPath)
  .filter(Boolean)
const preloads = tagAttributes(html, 'link', 'href', (t) => /rel\s*=\s*["']modulepreload["']/i.test(t))
  .map(toDistPath)
  .filter(Boolean)

if (entryScripts.length === 0) {
  console.error(`${htmlPath} has no <script type="module" src>: nothing to measure.`)
  process.exit(2)
}

// Which source each chunk came from, for readable names, when the manifest is there.
const manifestPath = join(distDir, '.vite', 'manifest.json')
const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null
const sourceOf = new Map()
if (manifest) {
  for (const [key, chunk] of Object.entries(manifest))
    if (chunk.file) sourceOf.set(chunk.file, chunk.src ?? key)
}

const chunkOf = (file) => (manifest ? Object.values(manifest).find((c) => c.file === file) : undefined)
const staticImports = (file) =>
  manifest ? (chunkOf(file)?.imports ?? []).map((k) => manifest[k].file) : staticImportsOf(file)

/** Breadth-first over static imports: the files the browser fetches (or preloads) for these starts. */
function closure(starts) {
  const reason = new Map()
  const queue = []
  const enqueue = (file, why) => {
    if (reason.has(file)) return
    reason.set(file, why)
    queue.push(file)
  }
  for (const [file, why] of starts) enqueue(file, why)
  while (queue.length > 0) {
    const file = queue.shift()
    if (!existsSync(join(distDir, file))) {
      console.error(`${file} is referred to but is not in ${distDir}/.`)
      process.exit(2)
    }
    for (const imported of staticImports(file)) enqueue(imported, `imported by ${posix.basename(file)}`)
  }
  return reason
}

/**
 * The chunk a lazily loaded page starts, or null when the page is part of the initial JavaScript
 * (imported statically), which then already counts it.
 */
function pageChunk(source) {
  if (manifest) {
    const entry = manifest[source]
    return entry?.isDynamicEntry ? entry.file : null
  }
  const stem = posix.basename(source).replace(/\.[jt]sx?$/, '')
  const assetsDir = join(distDir, 'assets')
  const name = existsSync(assetsDir)
    ? readdirSync(assetsDir).find((f) => f.startsWith(`${stem}-`) && f.endsWith('.js'))
    : undefined
  return name ? `assets/${name}` : null
}

const initialStarts = [
  ...entryScripts.map((file) => [file, 'entry']),
  ...preloads.map((file) => [file, 'modulepreload']),
]
const pages = {
  signIn: 'src/features/auth/sign-in-route.tsx',
  members: 'src/features/members/members-route.tsx',
}
const ways = [
  { name: 'a new person: /sign-in, then /members', pages: [pages.signIn, pages.members] },
  { name: 'a remembered session: /members directly', pages: [pages.members] },
]

const sizeRow = (file, why) => ({ file, why, raw: rawSize(file), gzip: gzipSize(file) })
const counted = new Set()
const results = ways.map((way) => {
  const starts = [...initialStarts]
  for (const source of way.pages) {
    const chunk = pageChunk(source)
    if (chunk) starts.push([chunk, `page ${posix.basename(source)}`])
  }
  const reason = closure(starts)
  for (const file of reason.keys()) counted.add(file)
  const rows = [...reason.keys()].map((file) => sizeRow(file, reason.get(file)))
  return { way, rows, total: rows.reduce((sum, c) => sum + c.gzip, 0) }
})

function printTable(title, rows) {
  const width = Math.max(20, ...rows.map((r) => r.file.length))
  console.log(`\n${title}`)
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(9)}  ${'gzip -9'.padStart(9)}  note`)
  for (const r of rows) {
    const note = [r.why, sourceOf.get(r.file)].filter(Boolean).join(', ')
    console.log(`  ${r.file.padEnd(width)}  ${kb(r.raw).padStart(9)}  ${kb(r.gzip).padStart(9)}  ${note}`)
  }
}

for (const { way, rows, total } of results) {
  printTable(`JavaScript for ${way.name} (initial, then each page's chunk and its static imports)`, rows)
  console.log(
    `  ${'total'.padEnd(Math.max(20, ...rows.map((r) => r.file.length)))}  ${' '.repeat(9)}  ${kb(total).padStart(9)}`,
  )
}

// Everything else is loaded on demand. The demo chunks (MSW, the data generator) are the big ones;
// they matter for the demo's first load, not for real users, so they are shown but not budgeted.
const assetsDir = join(distDir, 'assets')
const lazy = existsSync(assetsDir)
  ? readdirSync(assetsDir)
      .map((name) => `assets/${name}`)
      .filter((file) => file.endsWith('.js') && !counted.has(file))
  : []
const isDemo = (file) => {
  const source = sourceOf.get(file) ?? ''
  if (/src\/demo\/|node_modules\/msw\//.test(source)) return true
  if (/(^|\/)(demo|start|browser|handlers|data|msw)[-.]/i.test(posix.basename(file))) return true
  return /mockServiceWorker|setupWorker|createDemoOrg/.test(readFileSync(join(distDir, file), 'utf8'))
}
const lazyRows = lazy.map((file) => ({
  file,
  why: isDemo(file) ? 'demo' : 'lazy',
  raw: rawSize(file),
  gzip: gzipSize(file),
}))
const demoRows = lazyRows.filter((r) => r.why === 'demo')
const otherRows = lazyRows.filter((r) => r.why !== 'demo')
if (demoRows.length > 0) {
  printTable('Demo chunks (dynamic import, demo mode only; not budgeted)', demoRows)
  console.log(`  demo total ${kb(demoRows.reduce((s, r) => s + r.gzip, 0))} gzipped`)
}
if (otherRows.length > 0) printTable('Other lazily loaded chunks (not budgeted)', otherRows)

console.log('')
let over = false
for (const { way, total } of results) {
  if (total > budgetBytes) {
    over = true
    console.error(
      `Over budget: ${way.name} downloads ${kb(total)} of JavaScript gzipped, ${kb(total - budgetBytes)} more than the ${budgetKb} KB budget.`,
    )
  } else {
    console.log(
      `Within budget: ${way.name} downloads ${kb(total)} of JavaScript gzipped, ${kb(budgetBytes - total)} under the ${budgetKb} KB budget.`,
    )
  }
}
if (over) process.exit(1)
