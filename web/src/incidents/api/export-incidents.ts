import { apiUrl } from '../../shared/api/api-client.ts';
import { networkProblem, problemFromResponse } from '../../shared/api/problem-error.ts';
import type { IncidentFilters } from './get-incidents.ts';

export type ExportProgress = { rows: number; bytes: number };
export type ExportResult = { rows: number; fileName: string; file: Blob };

/**
 * Downloads the Excel export of the filtered list. The server streams the workbook and says in
 * `x-row-count` how many rows it holds, so the page can show the rows and the bytes received so far.
 */
export async function exportIncidents(
  filters: IncidentFilters,
  onProgress: (progress: ExportProgress) => void,
): Promise<ExportResult> {
  let response: Response;
  try {
    response = await fetch(apiUrl('/api/incidents/export', filters), {
      credentials: 'same-origin',
      headers: {
        accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json',
      },
    });
  } catch {
    throw networkProblem();
  }
  if (!response.ok || !response.body) throw await problemFromResponse(response);
  const rows = Number(response.headers.get('x-row-count') ?? 0);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'handelser.xlsx';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  onProgress({ rows, bytes });
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.byteLength;
    onProgress({ rows, bytes });
  }
  const file = new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? undefined });
  return { rows, fileName, file };
}

/** Hands a file to the browser as a download. */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
