// Hostile input for the property-based tests (*.property.test.ts): what a crafted URL, a broken or
// malicious API answer, or a pasted value can hold. fast-check shrinks a failure to its smallest
// case, so a report names the one character or nesting that broke a rule.
import * as fc from 'fast-check'

/** Strings that have broken URL and HTML handling elsewhere: traversal, markup, encodings, controls. */
export const trickyStrings = [
  '',
  ' ',
  '.',
  '..',
  '/',
  '//evil.example',
  '\\evil.example',
  '%2F',
  '%2e%2e',
  '%',
  '%zz',
  '?',
  '#',
  '?q=1#x',
  '&',
  '=',
  '+',
  '\u0000',
  '\t',
  '\n',
  '\r\n',
  '\u200b',
  '\u202e',
  '\ufeff',
  '\ud800',
  '\udfff',
  'ð',
  '🤷🏽‍♀️',
  'Zoë Ångström',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  '__proto__',
  'constructor',
  'toString',
  '-',
  ',',
  '-name,name,-',
  '1e3',
  '-1',
  'NaN',
  'Infinity',
  '9007199254740993',
  '0x10',
] as const

/** Any string: printable or not, any code point (lone surrogates included), or one of the known tricks. */
export const hostileString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.constantFrom(...trickyStrings) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...trickyStrings), fc.string({ maxLength: 6 })), { maxLength: 5 })
        .map((parts) => parts.join('')),
    },
  )

/** Numbers as they come in JSON and from JavaScript: whole, fractional, negative, huge, NaN, ±Infinity. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1e308,
    -1e308,
    5e-324,
    NaN,
    Infinity,
    -Infinity,
  ),
  fc.nat({ max: 10_000 }),
)

/** A JSON-ish value of any shape, nested, with hostile leaves (NaN and ±Infinity included: JS can hold them). */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    hostileNumber,
    hostileString(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString(12), tie('value'), { maxKeys: 4 }),
  ),
})).value

/**
 * A record shaped like one of Tallyfy's, with some keys the schema reads given hostile values and
 * some left out: a parser must read it or refuse it, never crash.
 */
export function hostileRecord(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length }),
      fc.dictionary(hostileString(12), hostileValue, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }))
}

/** URL search params with hostile keys and values, the list's own keys among them most of the time. */
export function hostileSearchParams(knownKeys: readonly string[]): fc.Arbitrary<URLSearchParams> {
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...knownKeys) },
    { weight: 1, arbitrary: hostileString(10) },
  )
  return fc.array(fc.tuple(key, hostileString()), { maxLength: 8 }).map((pairs) => {
    const params = new URLSearchParams()
    for (const [k, v] of pairs) params.append(k, v)
    return params
  })
}

/** Also as raw query text, as a person can type it into the address bar ("?q=%zz&&sort"). */
export const hostileQueryText: fc.Arbitrary<string> = fc
  .array(fc.oneof(hostileString(12), fc.constantFrom('&', '=', '?', '%', '%2', '%E0%A4%A')), { maxLength: 8 })
  .map((parts) => `?${parts.join('')}`)
