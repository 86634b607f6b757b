// @vitest-environment node
// The layers of docs/contracts.md, checked over the real import graph: data flows down, never
// back up. A new import that points the wrong way fails `npm test` with the file and the import.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname)

/** The layer a file belongs to: "app", "features/members", "api", "components", "lib", "demo", … */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split('/')
  if (parts.length === 1) return 'root' // main.tsx
  if (parts[0] === 'features') return `features/${parts[1]}`
  return parts[0] ?? 'root'
}

/**
 * What each layer may import besides itself. Features may use one public module of another
 * feature: the session context of features/auth. demo/credentials.ts holds constants only and may
 * be imported by anyone; the rest of demo/ is loaded lazily by features/auth alone.
 */
const allowed: Record<string, readonly string[]> = {
  root: ['app', 'api', 'features/auth', 'styles', 'lib'],
  app: ['features/*', 'api', 'components', 'lib'],
  'features/*': ['features/auth/session.tsx', 'api', 'components', 'lib'],
  'features/auth': ['demo/start.ts'],
  components: ['api', 'lib'],
  api: ['lib'],
  lib: ['api/types.ts'],
  demo: ['api/types.ts', 'lib'],
  styles: [],
}
const everywhere = ['demo/credentials.ts']

function rulesFor(layer: string): readonly string[] {
  const own = allowed[layer] ?? []
  const shared = layer.startsWith('features/') ? (allowed['features/*'] ?? []) : []
  return [...own, ...shared, ...everywhere]
}

function permits(rule: string, target: string): boolean {
  if (rule === 'features/*') return target.startsWith('features/')
  if (rule.endsWith('.ts') || rule.endsWith('.tsx')) return target === rule
  return target === rule || target.startsWith(`${rule}/`)
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : []
  })
}

const importPattern =
  /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g

function resolveImport(from: string, specifier: string, files: ReadonlySet<string>): string {
  const base = resolve(dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (files.has(candidate)) return candidate
  }
  return base // a stylesheet or an asset
}

/** Test files and test helpers may reach anything they test; the rules are for the app itself. */
const isTestCode = (file: string) => /\.test\.tsx?$/.test(file) || relative(SRC, file).startsWith('test/')

function findViolations(): string[] {
  const files = sourceFiles(SRC)
  const known = new Set(files)
  const violations: string[] = []
  for (const file of files) {
    if (isTestCode(file)) continue
    const layer = layerOf(file)
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[1] ?? match[2]
      if (!specifier) continue
      const target = resolveImport(file, specifier, known)
      const targetLayer = layerOf(target)
      if (targetLayer === layer) continue
      const targetPath = relative(SRC, target)
      if (rulesFor(layer).some((rule) => permits(rule, targetPath))) continue
      violations.push(`${relative(SRC, file)} imports ${targetPath} (${layer} → ${targetLayer})`)
    }
  }
  return violations
}

/**
 * One shape per resource (docs/contracts.md, "src/api/"): members, groups and guests each keep their
 * wire schema and mapping, query factories, mutation factories and cache patches in a folder of their
 * own, under the same names; what they all share sits at the top of api/. Anything else is a file
 * that strayed.
 */
const resourceFiles: Record<string, readonly string[]> = {
  members: [
    'schema.ts',
    'queries.ts',
    'mutations.ts',
    'cache.ts',
    'directory-loader.ts',
    'first-page-prefetch.ts',
    // The rules of a refresh by change (#25), pure and tested alone; the loader's chunk runs them.
    'directory-changes.ts',
  ],
  groups: ['schema.ts', 'queries.ts', 'mutations.ts', 'cache.ts'],
  guests: ['schema.ts', 'queries.ts', 'mutations.ts', 'cache.ts'],
}
const requiredResourceFiles = ['schema.ts', 'queries.ts']
const sharedApiFiles = [
  'client.ts',
  'credentials.ts',
  'describe-error.ts',
  'errors.ts',
  'keys.ts',
  'me.ts',
  'paginate.ts',
  'query-client.ts',
  'retry-notice.ts',
  'roles.ts',
  'types.ts',
  'wire.ts',
  'writes',
  // What a remembered device keeps (#25): the organization's directory, groups and guests in
  // IndexedDB, for all three resources at once, so none of their folders owns it.
  'persist',
]

function findStrayApiFiles(): string[] {
  const api = join(SRC, 'api')
  const stray: string[] = []
  for (const entry of readdirSync(api, { withFileTypes: true })) {
    if (entry.name === 'fixtures' || /\.test\.tsx?$/.test(entry.name)) continue
    if (entry.isDirectory() && entry.name in resourceFiles) {
      const allowedHere = resourceFiles[entry.name] ?? []
      const present = readdirSync(join(api, entry.name)).filter((name) => !/\.test\.tsx?$/.test(name))
      for (const name of present) if (!allowedHere.includes(name)) stray.push(`api/${entry.name}/${name}`)
      for (const name of requiredResourceFiles)
        if (!present.includes(name)) stray.push(`api/${entry.name}/${name} (missing)`)
      continue
    }
    if (!sharedApiFiles.includes(entry.name)) stray.push(`api/${entry.name}`)
  }
  // A resource's wire schema or cache patches outside api/ (group patches once lived in a feature).
  for (const file of sourceFiles(SRC)) {
    if (isTestCode(file) || relative(SRC, file).startsWith('api/') || relative(SRC, file).startsWith('demo/'))
      continue
    const text = readFileSync(file, 'utf8')
    if (/from ['"]zod/.test(text)) stray.push(`${relative(SRC, file)} (a wire schema outside api/)`)
  }
  return stray
}

describe('layers', () => {
  it('every resource in api/ has the one shape: schema, queries, mutations, cache', () => {
    expect(findStrayApiFiles()).toEqual([])
  })

  it('every import points down the layers listed in docs/contracts.md', () => {
    expect(findViolations()).toEqual([])
  })

  it('the check sees imports that run back up', () => {
    // A guard on the guard: the parser must find real imports, or the test above proves nothing.
    expect(permits('features/*', 'features/groups/x.ts')).toBe(true)
    expect(rulesFor('features/members').some((r) => permits(r, 'app/app-layout.tsx'))).toBe(false)
    expect(rulesFor('features/members').some((r) => permits(r, 'features/groups/group-list.ts'))).toBe(false)
    expect(rulesFor('features/members').some((r) => permits(r, 'features/auth/session.tsx'))).toBe(true)
    expect(rulesFor('api').some((r) => permits(r, 'components/states.tsx'))).toBe(false)
    const sample = "import { a } from '../../app/app-layout'\nconst m = import('./lazy')"
    expect([...sample.matchAll(importPattern)].map((m) => m[1] ?? m[2])).toEqual([
      '../../app/app-layout',
      './lazy',
    ])
  })
})
