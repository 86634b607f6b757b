// `npm test`: every check the project has, in one run, ending with one line "N passed, N failed".
// Static checks (types, lint, format, build, budget) count as one test each; Vitest and Playwright
// contribute the tests they ran, read from their JSON reports.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { findNginx } from './lib/nginx-conf.mjs'

const results = []
let passed = 0
let failed = 0
let skipped = 0

function run(label, command, args, env = {}) {
  console.log(`\n━━ ${label}: ${command} ${args.join(' ')}`)
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return child.status === 0
}

function check(label, command, args, env) {
  const ok = run(label, command, args, env)
  results.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`)
  if (ok) passed++
  else failed++
  return ok
}

/** The titles of a report's failed tests, so the summary (often all that CI shows) names them. */
function failedTitles(report) {
  const titles = []
  // Vitest: testResults[].assertionResults[]
  for (const file of report.testResults ?? [])
    for (const t of file.assertionResults ?? [])
      if (t.status === 'failed') titles.push(`${file.name.replace(process.cwd() + '/', '')} › ${t.fullName}`)
  // Playwright: suites nest; specs hold tests whose status is 'unexpected' when they failed.
  const walk = (s, path) => {
    for (const spec of s.specs ?? [])
      for (const t of spec.tests ?? [])
        if (t.status === 'unexpected')
          titles.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}`)
    for (const child of s.suites ?? [])
      walk(child, child.title && !child.file ? [...path, child.title] : path)
  }
  for (const s of report.suites ?? []) walk(s, [])
  return titles
}

function suite(label, command, args, reportPath, count, env) {
  rmSync(reportPath, { force: true })
  const ok = run(label, command, args, env)
  if (!existsSync(reportPath)) {
    results.push(`FAIL ${label}: no report written`)
    failed++
    return
  }
  const report = JSON.parse(readFileSync(reportPath, 'utf8'))
  const c = count(report)
  passed += c.passed
  failed += c.failed
  skipped += c.skipped
  if (!ok && c.failed === 0) failed++ // the runner failed outside any test (setup, server, config)
  results.push(
    `${ok ? 'ok  ' : 'FAIL'} ${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`,
    ...failedTitles(report).map((title) => `       ✘ ${title}`),
  )
}

mkdirSync('test-results', { recursive: true })
const bin = (name) => `node_modules/.bin/${name}`

check('types', bin('tsc'), ['--noEmit'])
check('lint', bin('oxlint'), ['--deny-warnings'])
check('format', bin('prettier'), ['--check', '.', '--log-level', 'warn'])
suite(
  'unit and component tests',
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit-results.json'],
  'test-results/unit-results.json',
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }),
)
if (check('production build', 'npm', ['run', '--silent', 'build'])) {
  if (existsSync('scripts/check-budget.mjs')) check('bundle budget', 'node', ['scripts/check-budget.mjs'])
}
const playwrightCount = (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
})
suite(
  'end-to-end (Playwright, production build)',
  bin('playwright'),
  ['test'],
  'test-results/e2e-results.json',
  playwrightCount,
  { CI: '1' },
)

// The build the suite above just made, behind nginx with deploy/nginx.conf. A developer without nginx
// gets one line and a skip; CI must run it.
const nginx = findNginx()
const inCI = !['', '0', 'false'].includes(String(process.env.CI ?? '').toLowerCase())
if (nginx) {
  suite(
    'nginx smoke (deploy/nginx.conf)',
    bin('playwright'),
    ['test', '--config', 'playwright.nginx.config.ts'],
    'test-results/nginx-results.json',
    playwrightCount,
    { CI: '1', ROSTER_SKIP_BUILD: '1' },
  )
} else if (inCI) {
  console.log('\n━━ nginx smoke: nginx is not installed, and CI needs it (apt-get install nginx)')
  results.push('FAIL nginx smoke: nginx is not installed')
  failed++
} else {
  console.log('\n━━ nginx smoke skipped: nginx is not installed (apt-get install nginx to run it)')
  results.push('skip nginx smoke: nginx is not installed')
  skipped++
}

// Three minutes of `npm run soak`, so the script stays alive: the build above, the demo's faults, a
// session that expires once, and nothing lost (docs/reliability.md). Its servers take free ports of
// their own, so it can never meet Playwright's; it counts as one test.
check('soak, 3 minutes under faults (npm run soak)', 'node', [
  'scripts/soak.mjs',
  '--minutes',
  '3',
  '--seed',
  String(Number(process.env.ROSTER_SOAK_SEED ?? 1)),
  '--out-dir',
  'dist',
  '--reuse-build',
  '--quiet',
])

console.log('\n━━ summary')
for (const line of results) console.log(line)
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed === 0 ? 0 : 1)
