import type { ReportValues } from '../report-values.ts';

/**
 * What a person has typed into the report form and not sent, kept on this device (localStorage, read
 * synchronously so that the form can open with it). One draft per person; every draft is removed at
 * sign-out, because what happened to someone is sensitive and the device may be shared.
 */
export type ReportDraft = { values: ReportValues; savedAt: string };

const prefix = 'varn.report-draft.';

export function readReportDraft(personId: string): ReportDraft | null {
  try {
    const text = localStorage.getItem(`${prefix}${personId}`);
    return text ? (JSON.parse(text) as ReportDraft) : null;
  } catch {
    // Storage blocked or the draft unreadable: the form starts empty.
    return null;
  }
}

export function saveReportDraft(personId: string, values: ReportValues): void {
  const draft: ReportDraft = { values, savedAt: new Date().toISOString() };
  try {
    localStorage.setItem(`${prefix}${personId}`, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, only without a draft.
  }
}

export function clearReportDraft(personId: string): void {
  localStorage.removeItem(`${prefix}${personId}`);
}

/** At sign-out: no draft of anyone stays on the device. Queued reports stay, to be sent after sign-in. */
export function clearAllReportDrafts(): void {
  const keys = Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index));
  for (const key of keys) {
    if (key?.startsWith(prefix)) localStorage.removeItem(key);
  }
}
