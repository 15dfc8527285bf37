import type { ObjectType } from '@custos/engine';
import { RECORD_TABLE, type Database } from '@custos/store';
import { AppError } from '../../http/app-error.ts';

/**
 * DEPARTMENT_NOT_EMPTY when records still belong to the department (归属部门): deleting it would
 * leave them attributed to nothing. Runs in the change's transaction.
 */
export async function assertNoDepartmentRecords(
  tx: Database['db'],
  tenantId: string,
  departmentId: string,
): Promise<void> {
  const records: Partial<Record<ObjectType, number>> = {};
  for (const [object, table] of Object.entries(RECORD_TABLE) as [ObjectType, string][]) {
    const row = await tx
      .selectFrom(table as 'customers')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('department_id', '=', departmentId)
      .executeTakeFirst();
    const n = Number(row?.n ?? 0);
    if (n > 0) records[object] = n;
  }
  if (Object.keys(records).length > 0) {
    throw new AppError(
      'DEPARTMENT_NOT_EMPTY',
      `department "${departmentId}" still has records; hand them over first`,
      { id: departmentId, departments: [], users: [], groups: [], records },
    );
  }
}
