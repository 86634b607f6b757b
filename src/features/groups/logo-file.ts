// Tallyfy takes a group logo as jpg, png or gif, under 2,048 KB (tallyfy-api.md §10). Checked
// before the upload, so a wrong file is refused with the reason instead of a round trip.

export const LOGO_MAX_BYTES = 2048 * 1024
const LOGO_TYPES = new Set(['image/jpeg', 'image/jpg', 'image/png', 'image/gif'])
const LOGO_EXTENSIONS = /\.(jpe?g|png|gif)$/i

/** Why this file cannot be a logo, or null when it can. */
export function checkLogoFile(file: { name: string; type: string; size: number }): string | null {
  const typeOk = file.type ? LOGO_TYPES.has(file.type.toLowerCase()) : LOGO_EXTENSIONS.test(file.name)
  if (!typeOk) return `${file.name} is not a JPG, PNG or GIF image. Choose one of those.`
  if (file.size >= LOGO_MAX_BYTES)
    return `${file.name} is ${formatKb(file.size)}; a logo must be under 2,048 KB.`
  if (file.size === 0) return `${file.name} is empty.`
  return null
}

function formatKb(bytes: number): string {
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`
}
