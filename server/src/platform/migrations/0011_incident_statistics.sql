-- The statistics page counts the incidents of a scope of many units over a year. Keyed like
-- incidents_tenant_unit (one index range per unit of the scope and the period) and carrying every
-- column the statistics read, so the count is an index-only scan of the scope's rows instead of a
-- scan of the whole tenant's table (docs/decisions/2026-11-23-incident-statistics.md).
CREATE INDEX incidents_statistics ON incidents (tenant_id, unit_id, occurred_at)
  INCLUDE (id, party_id, kind, context, types, police_report_status, acknowledged_at, created_at);
