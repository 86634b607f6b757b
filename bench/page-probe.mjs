// Runs inside the page at document start (Playwright addInitScript serialises this function, so it
// must not close over anything). Timings are taken in the page with performance.now(), because a
// round trip through the DevTools protocol costs more than the frames being measured.
//
// "Painted" means: the DOM change has happened (MutationObserver, which runs in the same task as
// React's commit), then the next requestAnimationFrame (just before the frame is drawn), then a
// setTimeout 0 queued from there, which runs once that frame has been handed to the compositor.
//
// Every helper is defined inside installProbe on purpose: only the function's own source reaches
// the page, so anything hoisted out of it would be missing there.
/* oxlint-disable unicorn/consistent-function-scoping */
export function installProbe(expectedMembers) {
  const bench = {
    firstRowAt: null,
    firstRowPaintedAt: null,
    completeAt: null,
    current: null,
    lastResultMutationAt: 0,
  }
  window.rosterBench = bench

  const afterPaint = (callback) => requestAnimationFrame(() => setTimeout(callback, 0))

  // First member row: a link to a member inside the table body. Watching the whole document from
  // its very start catches it whether the app arrives by a full load or by client-side navigation.
  const rowSelector = 'tbody tr a[href^="/members/"]'
  const firstRowObserver = new MutationObserver(() => {
    if (bench.firstRowAt !== null || !document.querySelector(rowSelector)) return
    bench.firstRowAt = performance.now()
    firstRowObserver.disconnect()
    afterPaint(() => {
      bench.firstRowPaintedAt = performance.now()
    })
  })
  firstRowObserver.observe(document, { childList: true, subtree: true })

  // Whole directory loaded: the progress line is gone and the count shows every member. Checked
  // once per frame (not per mutation) so that the check itself stays cheap while pages stream in.
  const fullCount = new Intl.NumberFormat().format(expectedMembers)
  const countPattern = new RegExp(`(^|\\D)${fullCount.replace(/[.,\s\u00a0\u202f]/g, '.')} member`)
  const checkComplete = () => {
    if (bench.completeAt !== null) return
    const text = document.body?.textContent ?? ''
    if (bench.firstRowAt !== null && !text.includes('Loading members') && countPattern.test(text)) {
      // Checked at the start of a frame that will show the complete state: time it once painted.
      afterPaint(() => {
        bench.completeAt = performance.now()
      })
      return
    }
    requestAnimationFrame(checkComplete)
  }
  requestAnimationFrame(checkComplete)

  // Interactions: Node arms a measurement, then presses a key or clicks. The start is the event's
  // own timestamp (when the browser received it), not the moment Node sent it.
  bench.arm = (kind) => {
    bench.current = { kind, start: null, changedAt: null, paintedAt: null, idlePaintAt: null }
  }
  const modifier = new Set(['Shift', 'Control', 'Alt', 'Meta'])
  const onInputEvent = (event) => {
    const current = bench.current
    if (!current || current.start !== null) return
    if (event.type === 'keydown' && (modifier.has(event.key) || event.ctrlKey || event.metaKey)) return
    // event.timeStamp normally shares performance.now()'s clock; under heavy load one synthetic
    // pointer event once carried a timestamp from the future, so fall back to "now" when it is off.
    const now = performance.now()
    current.start = event.timeStamp <= now && now - event.timeStamp < 1000 ? event.timeStamp : now
    // Used when a key changes nothing on screen (e.g. the second "q" of a query with no matches).
    afterPaint(() => {
      current.idlePaintAt = performance.now()
    })
  }
  addEventListener('keydown', onInputEvent, true)
  addEventListener('pointerdown', onInputEvent, true)

  // Watches the results (table rows, count, empty state) but not the search box itself, whose own
  // re-render (value attribute, clear button) says nothing about whether results are on screen.
  bench.observeResults = (searchInput) => {
    const root = document.querySelector('main') ?? document.body
    const table = root.querySelector('table')
    let excluded = searchInput
    for (let parent = excluded.parentElement; parent && parent !== root; parent = parent.parentElement) {
      if (table && parent.contains(table)) break
      excluded = parent
    }
    const observer = new MutationObserver((records) => {
      if (records.every((r) => excluded.contains(r.target))) return
      const now = performance.now()
      bench.lastResultMutationAt = now
      const current = bench.current
      if (current && current.start !== null && current.changedAt === null) {
        current.changedAt = now
        afterPaint(() => {
          current.paintedAt = performance.now()
        })
      }
    })
    observer.observe(root, { childList: true, subtree: true, characterData: true })
    bench.stopObserving = () => observer.disconnect()
  }

  // Times the armed interaction until an element's text matches `source` (a RegExp source), or until
  // no element matches `selector` when `absent`: the selection bar's count after "Select all shown".
  // Records the DOM change (`matchedAt`) and the paint that shows it (`matchPaintedAt`).
  bench.watchFor = (selector, source, absent = false) => {
    const current = bench.current
    const pattern = new RegExp(source)
    const matches = () => {
      const element = document.querySelector(selector)
      return absent ? element === null : element !== null && pattern.test(element.textContent ?? '')
    }
    current.matchedAt = null
    current.matchPaintedAt = null
    const observer = new MutationObserver(() => {
      if (current.matchedAt !== null || !matches()) return
      current.matchedAt = performance.now()
      observer.disconnect()
      afterPaint(() => {
        current.matchPaintedAt = performance.now()
      })
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
  }

  // Scrolls the window down by a fixed distance per frame and records the time between frames
  // (frames over 25 ms count as dropped). `pixelsPerFrame` of one viewport is a fast fling: every
  // frame shows only fresh rows, the worst case for a virtualised list; ~100 px is a wheel or
  // trackpad scroll. Stops at the bottom or after `maxFrames`, whichever comes first.
  bench.scrollThrough = async (pixelsPerFrame, maxFrames) => {
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    window.scrollTo(0, 0)
    await nextFrame()
    await nextFrame()
    const longFrames = []
    let observer = null
    if (PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame')) {
      observer = new PerformanceObserver((list) => longFrames.push(...list.getEntries()))
      observer.observe({ type: 'long-animation-frame' })
    }
    const intervals = []
    let last = await nextFrame()
    for (let i = 1; i <= maxFrames; i++) {
      const max = document.documentElement.scrollHeight - window.innerHeight
      if (window.scrollY >= max) break
      window.scrollTo(0, Math.min(max, Math.round(window.scrollY + pixelsPerFrame)))
      const now = await nextFrame()
      intervals.push(now - last)
      last = now
    }
    await nextFrame()
    observer?.disconnect()
    const rows = document.querySelectorAll(rowSelector)
    return {
      intervals,
      scrollHeight: document.documentElement.scrollHeight,
      reachedBottom:
        Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) <= 2,
      renderedRows: rows.length,
      longAnimationFrames: observer ? longFrames.length : null,
      longAnimationFrameBlockingMs: observer
        ? longFrames.reduce((sum, entry) => sum + (entry.blockingDuration ?? 0), 0)
        : null,
    }
  }
}
