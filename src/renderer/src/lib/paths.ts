/** Path helpers for text the user typed; the engine resolves the real path, these only explain it. */

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('~') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

export function baseName(path: string): string {
  const parts = path.trim().split(/[\\/]+/).filter(Boolean);
  return parts[parts.length - 1] ?? '';
}

export function joinPath(dir: string, name: string, windows: boolean): string {
  const sep = windows ? '\\' : '/';
  return dir.endsWith('/') || dir.endsWith('\\') ? `${dir}${name}` : `${dir}${sep}${name}`;
}

export function examplePath(platform: string | undefined): string {
  if (platform?.startsWith('win32')) return 'C:\\Users\\me\\mlcycle\\churn';
  if (platform?.startsWith('darwin')) return '/Users/me/mlcycle/churn';
  return '/home/me/mlcycle/churn';
}
