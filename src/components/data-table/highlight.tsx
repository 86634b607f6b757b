import { highlightRanges } from '../../lib/text'

/**
 * Text with the search terms marked. The text is split into plain strings and <mark> elements
 * (never HTML), and the ranges come from the original string, so "Álvarez" is marked whole when
 * the person typed "alvarez". `terms` must already be normalised (lib/text.ts splitTerms).
 */
export function Highlight({ text, terms }: { text: string; terms: readonly string[] }) {
  const ranges = highlightRanges(text, terms)
  if (ranges.length === 0) return text
  const parts: Array<string | React.JSX.Element> = []
  let at = 0
  for (const { start, end } of ranges) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark key={start} className="highlight">
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}
