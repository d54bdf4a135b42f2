import { PassThrough } from 'node:stream';
import {
  type IncidentFilter,
  type IncidentKind,
  type IncidentStatus,
  type IncidentType,
  incidentExportRowLimit,
  stockholmWallClock,
} from '@varn/domain';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { type Actor, can, isInScope, scopeOf } from '../access/authorize.ts';
import { type AuditContext, recordAudit } from '../audit/audit-log.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { after, filterIncidents } from './read.ts';

// The sheet speaks Swedish, like the product; the words are those of the web app's list.
const kindLabels: Record<IncidentKind, string> = {
  incident: 'Händelse',
  near_miss: 'Tillbud',
  risk_observation: 'Riskobservation',
};
const typeLabels: Record<IncidentType, string> = {
  threat: 'Hot',
  violence: 'Våld',
  harassment: 'Trakasserier',
  property_damage: 'Skadegörelse',
  other: 'Annat',
};
const statusLabels: Record<IncidentStatus, string> = {
  reported: 'Rapporterad',
  acknowledged: 'Kvitterad',
  investigating: 'Utreds',
  measures_decided: 'Åtgärder beslutade',
  closed: 'Avslutad',
};
const contextLabels: Record<string, string> = {
  drop_in: 'Besök utan tidsbokning (drop-in)',
  booked_visit: 'Bokat besök',
  outreach: 'Uppsökande arbete',
  school: 'Skola',
  home_visit: 'Hembesök',
  phone: 'Telefonsamtal',
  digital_channel: 'Digital kanal',
  public_appearance: 'Offentligt framträdande',
  meeting: 'Möte',
  travel: 'Resa',
  other: 'Annat',
};
const policeLabels: Record<string, string> = {
  made: 'Gjord',
  planned: 'Ska göras',
  not_made: 'Görs inte',
};
const relationLabels: Record<string, string> = {
  client: 'Besökare eller klient',
  student: 'Elev eller studerande',
  relative: 'Anhörig',
  public: 'Allmänheten',
  colleague: 'Kollega',
  other: 'Annan',
};
const linkLabels: Record<string, string> = { unknown: 'Okänd', suspected: 'Misstänkt', confirmed: 'Bekräftad' };
const yesNo = (value: boolean) => (value ? 'Ja' : 'Nej');

/** Columns every reader gets: only what the list shows (tags internal), never free text or names of people. */
export const exportColumns = [
  { header: 'Id', key: 'id', width: 38 },
  { header: 'Tidpunkt', key: 'occurredAt', width: 18, style: { numFmt: 'yyyy-mm-dd hh:mm' } },
  { header: 'Slag', key: 'kind', width: 16 },
  { header: 'Typ', key: 'types', width: 24 },
  { header: 'Sammanhang', key: 'context', width: 28 },
  { header: 'Enhet', key: 'unit', width: 28 },
  { header: 'Parti', key: 'party', width: 20 },
  { header: 'Status', key: 'status', width: 18 },
  { header: 'Allvarlig', key: 'isSerious', width: 10 },
  { header: 'Polisanmälan', key: 'policeReport', width: 14 },
];
/** The person of concern (criminal-offence data): only in the security department's exports. */
export const concernColumns = [
  { header: 'Hotfull person känd', key: 'concernIsKnown', width: 12 },
  { header: 'Hotfull persons relation', key: 'concernRelation', width: 24 },
  { header: 'Koppling till gängkriminalitet', key: 'gangCrimeLink', width: 16 },
  { header: 'Koppling till våldsbejakande extremism', key: 'violentExtremismLink', width: 16 },
];

const batchSize = 1000;

export interface IncidentExport {
  fileName: string;
  rowCount: number;
  stream: PassThrough;
}

type FilteredQuery = Awaited<ReturnType<typeof filterIncidents>>[number];

/** One batch of the export: the filtered list after `key`, with what the sheet shows. */
function exportBatch(filtered: FilteredQuery, key: [string, string] | null) {
  return (key ? after(filtered, key) : filtered)
    .leftJoin('parties as party', 'party.id', 'incident.partyId')
    .leftJoin('incidentPersonsOfConcern as concern', 'concern.incidentId', 'incident.id')
    .select([
      'incident.id',
      'incident.occurredAt',
      'incident.kind',
      'incident.types',
      'incident.context',
      'incident.partyId',
      'incident.status',
      'incident.isSerious',
      'incident.policeReportStatus',
      'unit.name as unitName',
      'unit.path as unitPath',
      'party.name as partyName',
      'concern.isKnown as concernIsKnown',
      'concern.relation as concernRelation',
      'concern.gangCrimeLink',
      'concern.violentExtremismLink',
    ]);
}

/**
 * Starts an Excel export of the list the filters give: checks the row limit, audits the export,
 * then streams the workbook row by row (a WorkbookWriter, batches of rows in keyset order), so a
 * large export never sits in memory. The stream is returned at once; rows follow as it is read.
 */
export async function exportIncidents(
  db: Db,
  actor: Actor,
  context: AuditContext,
  filter: IncidentFilter,
  today: Date = new Date(),
): Promise<IncidentExport> {
  // One query over the whole scope: an export is a single download, not the list's hot path.
  const [filtered] = await filterIncidents(db, actor, filter);
  if (!filtered) throw new AppError('not_found');
  const counted = await db
    .selectFrom(
      filtered
        .select('incident.id')
        .limit(incidentExportRowLimit + 1)
        .as('limited'),
    )
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  const rowCount = Number(counted.count);
  if (rowCount > incidentExportRowLimit) throw new AppError('export_too_large');
  const includesConcern = can(actor, 'incidents.export_person_of_concern');
  await db.transaction().execute(async (transaction) => {
    await recordAudit(transaction, context, {
      action: 'incident.export',
      resourceType: 'incident',
      details: { filter, rowCount, includesPersonOfConcern: includesConcern },
    });
    if (includesConcern) {
      // A spreadsheet of persons of concern is a read of criminal-offence data, logged as such.
      await recordAudit(transaction, context, {
        action: 'incident.person_of_concern.read',
        resourceType: 'incident_export',
        details: { filter, rowCount },
      });
    }
  });
  const stream = new PassThrough();
  writeWorkbook(stream, filtered, actor, includesConcern).catch((error: unknown) => stream.destroy(error as Error));
  return { fileName: `handelser-${stockholmWallClock(today).toISOString().slice(0, 10)}.xlsx`, rowCount, stream };
}

async function writeWorkbook(stream: PassThrough, filtered: FilteredQuery, actor: Actor, includesConcern: boolean) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Händelser', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = includesConcern ? [...exportColumns, ...concernColumns] : exportColumns;
  const concernScope = scopeOf(actor, 'incidents.read_person_of_concern');
  let written = 0;
  let key: [string, string] | null = null;
  while (written < incidentExportRowLimit) {
    const rows = await exportBatch(filtered, key)
      .orderBy('incident.occurredAt', 'desc')
      .orderBy('incident.id', 'desc')
      .limit(Math.min(batchSize, incidentExportRowLimit - written))
      .execute();
    for (const row of rows) {
      const mayShowConcern =
        includesConcern &&
        row.concernRelation !== null &&
        isInScope(actor, concernScope, { orgUnitPath: row.unitPath, partyId: row.partyId });
      sheet
        .addRow({
          id: row.id,
          occurredAt: stockholmWallClock(new Date(row.occurredAt)),
          kind: kindLabels[row.kind],
          types: row.types.map((type) => typeLabels[type as IncidentType] ?? type).join(', '),
          context: contextLabels[row.context] ?? row.context,
          unit: row.unitName ?? '',
          party: row.partyName ?? '',
          status: statusLabels[row.status],
          isSerious: yesNo(row.isSerious),
          policeReport: row.policeReportStatus ? (policeLabels[row.policeReportStatus] ?? '') : 'Ingen uppgift',
          ...(mayShowConcern
            ? {
                concernIsKnown: yesNo(row.concernIsKnown ?? false),
                concernRelation: relationLabels[row.concernRelation ?? ''] ?? '',
                gangCrimeLink: linkLabels[row.gangCrimeLink ?? 'unknown'],
                violentExtremismLink: linkLabels[row.violentExtremismLink ?? 'unknown'],
              }
            : {}),
        })
        .commit();
    }
    written += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    key = [new Date(last.occurredAt).toISOString(), last.id];
    // Let the reader catch up before the next batch: a slow download must not fill the memory.
    if (stream.writableNeedDrain) await new Promise((resolve) => stream.once('drain', resolve));
  }
  sheet.commit();
  await workbook.commit();
}
