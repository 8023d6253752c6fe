export type Theme = 'light' | 'dark';

const THEME_KEY = 'mlcycle.theme';

/** The saved choice, else the system's preference. */
export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(THEME_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage disabled: fall through to the system preference.
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies the theme to <html> (CSS variables key off data-theme); `persist` remembers an explicit choice. */
export function applyTheme(theme: Theme, persist: boolean): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
  if (!persist) return;
  try {
    window.localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Not persisted; the theme still applies to this page.
  }
}
