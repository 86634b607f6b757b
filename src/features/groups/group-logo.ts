import { safeImageUrl } from '../../lib/safe-url'

/**
 * The group's logo as an image source, or null for the initials avatar. Tallyfy stores the logo as
 * a free string, so anything but an absolute http(s) URL or a data:image URL (a `javascript:` or
 * `data:text/html` value, a relative path, an empty string) is refused here.
 */
export function groupLogoSrc(logo: string | null | undefined): string | null {
  return safeImageUrl(logo)
}
