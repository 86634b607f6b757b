import { useSyncExternalStore } from 'react'

// The person's theme choice. "system" follows prefers-color-scheme (tokens.css does that when no
// data-theme is set); "light"/"dark" pin it. main.tsx applies the saved choice before the first
// render because the CSP forbids the usual inline <script> in index.html.

export type ThemeChoice = 'system' | 'light' | 'dark'

const THEME_STORAGE_KEY = 'roster.theme'

const listeners = new Set<() => void>()

function readStored(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

let current: ThemeChoice | undefined

function getTheme(): ThemeChoice {
  current ??= readStored()
  return current
}

function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === 'system') delete root.dataset.theme
  else root.dataset.theme = choice
}

export function setTheme(choice: ThemeChoice) {
  current = choice
  try {
    if (choice === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, choice)
  } catch {
    // Not remembered (storage blocked), but still applied for this visit.
  }
  applyTheme(choice)
  for (const listener of listeners) listener()
}

/** Applies the stored choice; call once before rendering so the first paint has the right colours. */
export function initTheme() {
  current = readStored()
  applyTheme(current)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(subscribe, getTheme, () => 'system' as const)
}

export const nextTheme: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' }
