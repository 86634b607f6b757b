import { useLayoutEffect } from 'react'
import {
  useLocation,
  useNavigate,
  type Location,
  type NavigateFunction,
  type NavigateOptions,
  type To,
} from 'react-router'

/**
 * Declarative routers (<MemoryRouter>) have no router object to inspect, so tests render this spy
 * inside the router to read where it is and to navigate from outside the page under test.
 */
export function createLocationSpy() {
  const seen: { location: Location | null; navigate: NavigateFunction | null } = {
    location: null,
    navigate: null,
  }
  function LocationSpy() {
    const location = useLocation()
    const navigate = useNavigate()
    // Recorded on commit, so a test reads the location the screen shows.
    useLayoutEffect(() => {
      seen.location = location
      seen.navigate = navigate
    })
    return null
  }
  return {
    LocationSpy,
    get location(): Location {
      if (!seen.location) throw new Error('render <LocationSpy /> inside the router first')
      return seen.location
    },
    navigate: async (to: To, options?: NavigateOptions) => {
      if (!seen.navigate) throw new Error('render <LocationSpy /> inside the router first')
      await seen.navigate(to, options)
    },
  }
}
