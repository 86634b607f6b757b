// The demo organization for Vitest: the same handlers as the browser demo, through msw/node.

import { setupServer } from 'msw/node'
import { createDemoOrg, type DemoOrg, type DemoOrgOptions } from './data'
import { createFaultController, type FaultController } from './faults'
import { createHandlers } from './handlers'

interface DemoServer {
  /** Call `server.listen({ onUnhandledRequest: 'error' })` in the test setup. */
  server: ReturnType<typeof setupServer>
  org: DemoOrg
  faults: FaultController
}

export function createDemoServer(options: DemoOrgOptions = {}): DemoServer {
  const org = createDemoOrg(options)
  const faults = createFaultController()
  return { server: setupServer(...createHandlers(org, faults)), org, faults }
}
