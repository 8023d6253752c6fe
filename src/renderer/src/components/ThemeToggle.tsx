import { useAppStore } from '../store';

/** Light/dark switch; the choice is remembered, the first default follows the system. */
export function ThemeToggle() {
  const theme = useAppStore((s) => s.theme);
  const toggleTheme = useAppStore((s) => s.toggleTheme);
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="button ghost theme-toggle"
      data-testid="theme-toggle"
      aria-pressed={dark}
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={toggleTheme}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
