// The soak's fault schedule: one of the demo's switches on at every moment, chosen from a seeded
// sequence. A switch that counts (`times`) stays until the requests it waits for have used it up;
// the others for a while. Each entry says what part of Roster it exercises (docs/reliability.md).

/** [weight, name, (rng) => Faults]. Extend here; the demo's /__demo/faults validates every key. */
export const faultMenu = [
  // Slow answers everywhere: pending states, skeletons, the leave warning, writes overtaken by navigation.
  [3, 'latency', (rng) => ({ latencyMs: rng.int(150, 1200) })],
  // The shared rate-limit gate: reads wait out Retry-After and go again; PUT and DELETE are repeated
  // once Tallyfy allows (they were refused before acting); a POST is never repeated.
  [
    2,
    '429 on reads',
    (rng) => ({ status: 429, method: 'GET', retryAfter: rng.int(1, 3), times: rng.int(1, 2) }),
  ],
  [
    3,
    '429 on writes',
    (rng) => ({
      status: 429,
      method: rng.pick(['PUT', 'DELETE', 'POST']),
      retryAfter: rng.int(1, 3),
      times: 1,
    }),
  ],
  // A 500 on a read: the page says it could not load and offers Retry (GETs are not repeated after 500).
  [2, '500 on a read', () => ({ status: 500, method: 'GET', times: 1 })],
  // A 500 after a write was sent: the outcome is uncertain, so Roster reads the record again.
  [2, '500 on a write', (rng) => ({ status: 500, method: rng.pick(['PUT', 'DELETE', 'POST']), times: 1 })],
  // 503 with Retry-After: reads back off and go again.
  [2, '503', (rng) => ({ status: 503, retryAfter: 1, times: rng.int(1, 2), method: 'GET' })],
  [1, '503 on a write', (rng) => ({ status: 503, method: rng.pick(['PUT', 'DELETE']), times: 1 })],
  // The write is applied, then the connection drops (the proxy answers 502): re-read, never repeated.
  [4, 'dropped after write', () => ({ dropAfterWrite: true, times: 1 })],
]

/** H1's pacing switch, when the demo has it: every k-th write is refused with 429. */
export const rateLimitEvery = [2, 'rate limit every k-th write', (rng) => ({ rateLimitEvery: rng.int(3, 6) })]

export function createFaultSchedule({ world, rng, supportsRateLimitEvery }) {
  const menu = supportsRateLimitEvery ? [...faultMenu, rateLimitEvery] : faultMenu
  const total = menu.reduce((sum, [w]) => sum + w, 0)
  let current = null
  let since = 0
  const phases = {}

  function pick() {
    let r = rng.next() * total
    for (const entry of menu) {
      r -= entry[0]
      if (r < 0) return entry
    }
    return menu.at(-1)
  }

  function set(name, faults) {
    world.api.faults.set(faults)
    // An untimed switch stays 20–60 s; a counted one nobody met in 45 s gives way too.
    current = { name, faults, limit: faults.times === undefined ? rng.int(20_000, 60_000) : 45_000 }
    since = Date.now()
    phases[name] = (phases[name] ?? 0) + 1
  }

  return {
    phases,
    get current() {
      return current
    },
    /**
     * Before every action: a new switch once the last one is used up (a counted one) or has run its
     * time.
     */
    tick() {
      const active = world.api.faults.get()
      const spent = current !== null && current.faults.times !== undefined && active.times === undefined
      const age = Date.now() - since
      if (current === null || spent || age > current.limit) {
        const [, name, make] = pick()
        set(name, make(rng))
      }
    },
    /** The one-shot 401: the next request answers 401, so the session ends. */
    expireSession() {
      set('401 (session ends)', { status: 401, times: 1 })
    },
    /** Everything off, for the final reload and checks. */
    clear() {
      world.api.faults.set({})
      current = null
    },
  }
}

/** A small seeded generator (mulberry32), so a run can be repeated with --seed. */
export function seededRandom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  }
}
