import type { CrmRecord, ObjectType, PolicyModel, RecordAction, User } from '@custos/engine';
import { loadPolicyModel, type Database } from '@custos/store';
import { CliError } from './cli-error.ts';
import { resolvePrincipal } from './principal.ts';
import { getRecord } from '@custos/store';
import { parseRecordAction, parseRecordTarget } from './record-target.ts';

export interface DecisionInput {
  model: PolicyModel;
  user: User;
  action: RecordAction;
  record: CrmRecord;
}

/** The stored policy, the principal, and the record (with its customer) a decision is about. */
export interface DecisionQuestion {
  action: RecordAction;
  object: ObjectType;
  id: string;
}

/** The action and record of the command line; usage errors before the database is opened. */
export function parseDecisionQuestion(action: string, target: string): DecisionQuestion {
  return { action: parseRecordAction(action), ...parseRecordTarget(target) };
}

export async function loadDecisionInput(
  database: Database,
  tenantId: string,
  who: string,
  { action, object, id }: DecisionQuestion,
): Promise<DecisionInput> {
  const model = await loadPolicyModel(database.db, tenantId);
  const user = await resolvePrincipal(database.db, model, who);
  const record = await getRecord(database.db, tenantId, object, id);
  if (record === undefined)
    throw new CliError('NOT_FOUND', `no ${object} ${id} in tenant ${tenantId}`);
  return { model, user, action, record };
}
