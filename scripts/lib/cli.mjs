// Small helpers shared by the scripts in scripts/ and bench/.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root; the scripts run from there whatever the caller's working directory. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
process.chdir(projectRoot)

/** The value after `--name` on the command line, or `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')
    ? process.argv[i + 1]
    : fallback
}

/** Whether `--name` is on the command line. */
export const flag = (name) => process.argv.includes(`--${name}`)

// Read from src/demo/credentials.ts so the two cannot drift (Node 20 cannot import .ts itself).
const credentialsSource = readFileSync(join(projectRoot, 'src/demo/credentials.ts'), 'utf8')
const demoConstant = (name) =>
  credentialsSource
    .match(new RegExp(`${name}\\s*=\\s*([^;\\n]+)`))?.[1]
    .replace(/'/g, '')
    .trim()

/** The demo organization's ID and token, and the signed-in demo user's member ID (as a string). */
export const demo = {
  orgId: demoConstant('DEMO_ORG_ID'),
  token: demoConstant('DEMO_TOKEN'),
  meId: demoConstant('DEMO_ME_ID'),
}
