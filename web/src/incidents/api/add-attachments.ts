import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Attachment, attachmentListSchema } from '@varn/domain';
import { apiRequest, newIdempotencyKey } from '../../shared/api/api-client.ts';
import { incidentQueryKey } from './get-incident.ts';

/** Where an attachment's content is downloaded; the server checks the reader and audits the read. */
export function attachmentUrl(incidentId: string, attachmentId: string): string {
  return `/api/incidents/${encodeURIComponent(incidentId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** A one-file multipart body, as every upload address takes it (field `files`). */
export function oneFileForm(file: File): FormData {
  const form = new FormData();
  form.append('files', file, file.name);
  return form;
}

/** Uploads one file to an incident. One file a request, so that progress can be shown file by file. */
export async function addAttachment(incidentId: string, file: File, idempotencyKey: string): Promise<Attachment[]> {
  const added = await apiRequest(`/api/incidents/${encodeURIComponent(incidentId)}/attachments`, {
    method: 'POST',
    body: oneFileForm(file),
    idempotencyKey,
    schema: attachmentListSchema,
  });
  return added.items;
}

export type UploadProgress = { done: number; total: number };

/**
 * Uploads files one after the other with `upload` (one request each, with its own idempotency key)
 * and reports progress. A file that fails does not stop the others; the names of those that failed
 * are returned, so the person can add them again.
 */
export async function uploadOneByOne(
  files: readonly File[],
  upload: (file: File, idempotencyKey: string) => Promise<unknown>,
  onProgress: (progress: UploadProgress) => void,
): Promise<{ failed: File[]; lastError: unknown }> {
  const failed: File[] = [];
  let lastError: unknown = null;
  for (const [index, file] of files.entries()) {
    onProgress({ done: index, total: files.length });
    try {
      await upload(file, newIdempotencyKey());
    } catch (error) {
      failed.push(file);
      lastError = error;
    }
  }
  onProgress({ done: files.length, total: files.length });
  return { failed, lastError };
}

/** An incident's attachments, one after the other (see `uploadOneByOne`). */
export function addAttachments(
  incidentId: string,
  files: readonly File[],
  onProgress: (progress: UploadProgress) => void,
): Promise<{ failed: File[]; lastError: unknown }> {
  return uploadOneByOne(files, (file, key) => addAttachment(incidentId, file, key), onProgress);
}

/** The incident page's upload: afterwards the incident is fetched again to list the new attachments. */
export function useAddAttachments(incidentId: string, onProgress: (progress: UploadProgress) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (files: readonly File[]) => addAttachments(incidentId, files, onProgress),
    onSettled: () => queryClient.invalidateQueries({ queryKey: incidentQueryKey(incidentId) }),
  });
}
