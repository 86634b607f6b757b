import { useState } from 'react'
import { safeImageUrl } from '../lib/safe-url'
import './avatar.css'

type AvatarSize = 'sm' | 'md' | 'lg' | 'xl'

interface AvatarProps {
  name: string
  src?: string | null
  size?: AvatarSize
  shape?: 'circle' | 'rounded'
  /**
   * True when the name is written right next to the avatar: the picture then adds nothing for a
   * screen reader, so it is hidden (alt=""). Otherwise the avatar is announced as the name.
   */
  decorative?: boolean
  className?: string
}

const paletteSize = 8

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

function firstGrapheme(word: string): string {
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment
    return ''
  }
  return Array.from(word)[0] ?? ''
}

/**
 * Up to two letters: the first grapheme of the first two words. Graphemes, not UTF-16 units, so
 * "Ōsaka", "김민준" and names starting with an emoji keep whole characters. Punctuation-only words
 * ("—", "(") are skipped; an email uses the part before the @.
 */
export function initialsFor(name: string): string {
  const base = name.includes('@') && !name.includes(' ') ? (name.split('@')[0] ?? '') : name
  const words = base
    .split(/[\s._-]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}\p{Extended_Pictographic}]+/u, ''))
    .filter((w) => w !== '')
  const letters = words.slice(0, 2).map(firstGrapheme).join('')
  return letters === '' ? '?' : letters.toLocaleUpperCase()
}

/** A stable palette index for a name (FNV-1a), so a person keeps their colour across pages. */
export function colourIndexFor(name: string): number {
  let hash = 0x811c9dc5
  const s = name.trim().toLowerCase()
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return ((hash >>> 0) % paletteSize) + 1
}

export function Avatar({
  name,
  src,
  size = 'md',
  shape = 'circle',
  decorative = false,
  className,
}: AvatarProps) {
  const safeSrc = safeImageUrl(src)
  // Remember which URL failed rather than a boolean, so a new src gets its own chance to load.
  const [failedSrc, setFailedSrc] = useState<string | null>(null)
  const classes = ['avatar', `avatar--${size}`, `avatar--${shape}`, className].filter(Boolean).join(' ')

  if (safeSrc && safeSrc !== failedSrc) {
    return (
      <img
        className={classes}
        src={safeSrc}
        alt={decorative ? '' : name}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        onError={() => setFailedSrc(safeSrc)}
      />
    )
  }

  const initials = initialsFor(name)
  const colour = `avatar--c${colourIndexFor(name)}`
  // An SVG scales the letters with the avatar and, unlike a span, may carry role="img" and a name.
  return (
    <svg
      className={`${classes} avatar--initials ${colour}`}
      viewBox="0 0 40 40"
      {...(decorative ? { 'aria-hidden': true } : { role: 'img', 'aria-label': name })}
    >
      <text x="20" y="20" dy="0.35em" textAnchor="middle" aria-hidden="true">
        {initials}
      </text>
    </svg>
  )
}
