// Kept free of imports: the sign-in page reads these to offer the demo without pulling the
// generator, MSW or anything else of src/demo into the main bundle.

/** The demo organization, shaped like a real Tallyfy org ID (32 lowercase hex characters). */
export const DEMO_ORG_ID = '5e1d0c4a9b7f4e2a8c3d6b1f0a9e7c42'

export const DEMO_ORG_NAME = 'Northwind Relay'

/** Accepted only by the demo handlers; never sent to Tallyfy because demo mode never leaves the browser. */
export const DEMO_TOKEN = 'roster-demo-token'

/** The signed-in demo user: an active admin, and a member of the directory like anyone else. */
export const DEMO_ME_ID = 1001

/** A well-formed org ID the demo token has no access to, so the 403 path can be exercised. */
export const OTHER_ORG_ID = 'a83f27c1d4e94b6f9e02c7d5b18a3f60'
