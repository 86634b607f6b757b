// What the overview's filters may say in a /members URL, apart from what they mean (recency.ts,
// overview-links.ts). The URL codec loads with /members and the rules later; a module travels whole with the
// first chunk that imports it, so the values live here, alone and small (the bundle budget).
//
//   ?signin=   within-30d, not-30d|not-60d|not-90d|not-180d, never, week, month, 1-3m, 3-12m, over-1y
//   ?invited=  over-14d, within-14d
//   ?seat=     full, light
//   ?joined=   YYYY-MM
export const overviewFilterPatterns = {
  signin: /^(within-30d|not-(30|60|90|180)d|never|week|month|1-3m|3-12m|over-1y)$/,
  invited: /^(over|within)-14d$/,
  seat: /^(full|light)$/,
  joined: /^([1-9]\d{3})-(0[1-9]|1[0-2])$/,
}
