/**
 * Saves text as a file the way a web page can: a Blob behind a temporary <a download>. Works the
 * same in the browser host and in Electron, which turns it into its own download.
 */
export function downloadText(filename: string, mediaType: string, content: string): void {
  const blob = new Blob([content], { type: `${mediaType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously, but give the browser a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
