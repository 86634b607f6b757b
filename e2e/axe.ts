// axe (WCAG 2.1 A/AA) for e2e specs: one call that waits for colour transitions to finish and
// returns one readable line per violation and element.
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** One line per violation and affected element, so a failure reads without opening the trace. */
function describeViolations(
  label: string,
  violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations'],
) {
  return violations.flatMap((v) =>
    v.nodes.map(
      (node) =>
        `[${label}] ${v.id} (${v.impact}): ${v.help}\n    at ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ')}`,
    ),
  )
}

export async function audit(page: Page, label: string) {
  // A scheme switch starts colour transitions; axe must see the final colours, not a blend midway.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // Only transitions: an endless animation (a shimmer, a spinner) never finishes.
        .filter((a) => a instanceof CSSTransition)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  )
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return describeViolations(label, result.violations)
}
