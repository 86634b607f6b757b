// Fills in deploy/nginx.conf's three placeholders. Only these names are replaced (the file also uses
// nginx's own $variables); a placeholder left unfilled, or a value that could break out of its
// directive, is an error rather than a broken config.
import { accessSync, constants, readFileSync } from 'node:fs'

export const NGINX_TEMPLATE = new URL('../../deploy/nginx.conf', import.meta.url)

/** `https://api.tallyfy.com/` → `https://api.tallyfy.com`: the config appends the slash itself. */
export function normaliseApiUrl(value) {
  const url = new URL(value)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`TALLYFY_API_URL must be an http(s) URL, got ${value}`)
  }
  if (url.search || url.hash) throw new Error(`TALLYFY_API_URL must not have a query or fragment: ${value}`)
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * @param {{ apiUrl?: string, listen?: string, root: string }} values
 * @param {string} [template] the text of deploy/nginx.conf
 */
export function renderNginxConf(values, template = readFileSync(NGINX_TEMPLATE, 'utf8')) {
  const filled = {
    TALLYFY_API_URL: normaliseApiUrl(values.apiUrl ?? 'https://api.tallyfy.com'),
    ROSTER_LISTEN: String(values.listen ?? '8080'),
    ROSTER_ROOT: values.root,
  }
  for (const [name, value] of Object.entries(filled)) {
    if (!value || /[\s;{}"'$#]/.test(value.replace(/^(\S+) (ssl|default_server)$/, '$1'))) {
      throw new Error(
        `${name} is missing or contains characters nginx would misread: ${JSON.stringify(value)}`,
      )
    }
  }
  const text = template.replace(/\$\{([A-Z_]+)\}/g, (whole, name) => {
    if (!(name in filled)) throw new Error(`deploy/nginx.conf uses an unknown placeholder ${whole}`)
    return filled[name]
  })
  return text
}

/** The nginx binary: $NGINX, Debian's /usr/sbin/nginx, or the first on PATH; null when there is none. */
export function findNginx() {
  const candidates = [process.env.NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx']
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir) candidates.push(`${dir}/nginx`)
  for (const candidate of candidates) {
    if (!candidate) continue
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return null
}
