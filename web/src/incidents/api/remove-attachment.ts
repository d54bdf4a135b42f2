import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../shared/api/api-client.ts';
import { attachmentUrl } from './add-attachments.ts';
import { incidentQueryKey } from './get-incident.ts';

/** Removes an attachment for good; the server keeps a timeline event and an audit entry of it. */
export function removeAttachment(incidentId: string, attachmentId: string): Promise<void> {
  return apiRequest(attachmentUrl(incidentId, attachmentId), { method: 'DELETE' });
}

/** Afterwards the incident is fetched again: its list and its timeline have changed. */
export function useRemoveAttachment(incidentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => removeAttachment(incidentId, attachmentId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentQueryKey(incidentId) }),
  });
}
