import type { IncidentReportInput } from '@varn/domain';

/** A plain report for tests that need an incident to work on: a threat at the drop-in reception an hour ago. */
export const threatAtDropIn = (): IncidentReportInput => ({
  kind: 'incident',
  types: ['threat'],
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  place: { kind: 'free', description: 'Receptionen' },
  context: 'drop_in',
  channel: 'in_person',
  description: 'En besökare sa att han visste var jag bor.',
});
