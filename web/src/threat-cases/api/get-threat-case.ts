import { useQuery } from '@tanstack/react-query';
import { type ThreatCase, threatCaseSchema } from '@varn/domain';
import { apiRequest } from '../../shared/api/api-client.ts';
import { threatCasesQueryKey } from './get-threat-cases.ts';

export function threatCaseQueryKey(caseId: string) {
  return [...threatCasesQueryKey, 'detail', caseId] as const;
}

/** One case with persons, assessments, consultations and access list; the server audits each read. */
export function getThreatCase(caseId: string): Promise<ThreatCase> {
  return apiRequest(`/api/threat-cases/${encodeURIComponent(caseId)}`, { schema: threatCaseSchema });
}

export function useThreatCase(caseId: string) {
  return useQuery({ queryKey: threatCaseQueryKey(caseId), queryFn: () => getThreatCase(caseId) });
}
