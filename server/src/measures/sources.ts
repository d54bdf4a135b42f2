import type { IncidentEventKind, MeasureSourceKind, MeasureStatus } from '@varn/domain';
import { type Actor, isInScope, scopeOf } from '../access/authorize.ts';
import { getDrillRow, mayManageDrill } from '../drills/drills.ts';
import { appendIncidentEvent } from '../incidents/events.ts';
import { getIncidentRow } from '../incidents/read.ts';
import { AppError } from '../platform/app-error.ts';
import type { Db } from '../platform/database.ts';
import { getRiskAnalysisRow, mayManage } from '../risk-analyses/read.ts';
import { getWalkRow } from '../security-walks/read.ts';

/** What the measures need to know of the record a measure answers. */
export interface MeasureSource {
  kind: MeasureSourceKind;
  id: string;
  /** The source's unit: a new measure's responsible unit unless another is named. */
  unitId: string | null;
  /** Whether the actor may add and change the source's measures (else they only read them). */
  mayHandle: boolean;
}

/**
 * The source in the actor's read scope, or not_found. Each source kind decides with its own scope
 * rule; measures of incidents are handled under `incidents.handle`, of risk analyses under
 * `risk_analyses.manage`, a security walk's under `security_walks.manage` in the scope of the walked
 * site's unit, a drill's under `drills.manage` in the scope of the drilled site's unit. Sources without measure routes of their own (yet) are not found here.
 */
export async function findSource(db: Db, actor: Actor, kind: MeasureSourceKind, id: string): Promise<MeasureSource> {
  switch (kind) {
    case 'incident': {
      const row = await getIncidentRow(db, actor, id);
      const mayHandle = isInScope(actor, scopeOf(actor, 'incidents.handle'), {
        orgUnitPath: row.unitPath,
        partyId: row.partyId,
      });
      return { kind, id, unitId: row.unitId, mayHandle };
    }
    case 'risk_analysis': {
      const row = await getRiskAnalysisRow(db, actor, id);
      return { kind, id, unitId: row.ownerOrgUnitId, mayHandle: mayManage(actor, row) };
    }
    case 'security_walk': {
      const row = await getWalkRow(db, actor, id);
      const mayHandle = isInScope(actor, scopeOf(actor, 'security_walks.manage'), { orgUnitPath: row.unitPath });
      return { kind, id, unitId: row.unitId, mayHandle };
    }
    case 'drill': {
      const row = await getDrillRow(db, actor, id);
      return { kind, id, unitId: row.unitId, mayHandle: mayManageDrill(actor, row) };
    }
    default:
      throw new AppError('not_found');
  }
}

/** Tells the source's timeline about a measure, so its readers see the measures come and go. */
export async function recordOnSource(
  db: Db,
  actor: Actor,
  source: { kind: MeasureSourceKind; id: string | null },
  event: {
    kind: Extract<IncidentEventKind, 'measure_added' | 'measure_status_changed'>;
    title: string;
    status: MeasureStatus;
  },
): Promise<void> {
  // Only an incident has a timeline: a risk analysis's measures list is the record, a walk's open
  // deviations follow the measures' status directly (and the audit log has each change).
  if (source.kind === 'incident' && source.id) {
    await appendIncidentEvent(db, actor, source.id, {
      kind: event.kind,
      text: event.title,
      measureStatus: event.status,
    });
  }
}
