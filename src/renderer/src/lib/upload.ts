export interface Uploaded {
  path: string;
  name: string;
  bytes: number;
}

/**
 * Streams a file to the headless host (POST /api/upload), reporting progress; resolves with the
 * path the engine can import. XMLHttpRequest, because fetch cannot report upload progress.
 * The access cookie the host set on the first page load authorises it.
 */
export function uploadFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: { error?: string } & Partial<Uploaded> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // fall through to the status text
      }
      if (xhr.status === 201 && body.path) resolve(body as Uploaded);
      else reject(new Error(body.error ?? `The upload of ${file.name} failed (HTTP ${xhr.status}).`));
    };
    xhr.onerror = () => reject(new Error(`The upload of ${file.name} was interrupted: is the MLCycle host still running? Try again.`));
    xhr.onabort = () => reject(new Error(`The upload of ${file.name} was cancelled.`));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
