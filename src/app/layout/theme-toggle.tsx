import { nextTheme, setTheme, useTheme, type ThemeChoice } from '../theme'

const themeNames: Record<ThemeChoice, string> = {
  system: 'the system theme',
  light: 'light theme',
  dark: 'dark theme',
}

function themeToggleLabel(current: ThemeChoice): string {
  return `Use ${themeNames[nextTheme[current]]}`
}

export function ThemeToggle() {
  const theme = useTheme()
  const label = themeToggleLabel(theme)
  return (
    <button
      type="button"
      className="button button--ghost button--icon"
      aria-label={label}
      title={`${label} (now: ${themeNames[theme]})`}
      onClick={() => setTheme(nextTheme[theme])}
    >
      <ThemeIcon theme={theme} />
    </button>
  )
}

function ThemeIcon({ theme }: { theme: ThemeChoice }) {
  const common = {
    width: 20,
    height: 20,
    viewBox: '0 0 24 24',
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 1.75,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
    'aria-hidden': true,
  } as const
  if (theme === 'light') {
    return (
      <svg {...common}>
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
      </svg>
    )
  }
  if (theme === 'dark') {
    return (
      <svg {...common}>
        <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
      </svg>
    )
  }
  return (
    <svg {...common}>
      <rect x="3" y="4" width="18" height="13" rx="2" />
      <path d="M8 21h8M12 17v4" />
    </svg>
  )
}
