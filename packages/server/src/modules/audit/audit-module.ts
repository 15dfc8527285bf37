import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit-routes.ts';
import { recordAuditRoutes } from './record-audit-routes.ts';

/** The audit module: the audit log search and export, a record's history, reveal. */
export async function auditModule(app: FastifyInstance): Promise<void> {
  await auditRoutes(app);
  await recordAuditRoutes(app);
}
