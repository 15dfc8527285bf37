import { isObjectType, RECORD_ACTIONS, type ObjectType, type RecordAction } from '@custos/engine';
import { usageError } from './cli-error.ts';

/** `customer/c-00042` → the object and the record id. */
export function parseRecordTarget(target: string): { object: ObjectType; id: string } {
  const slash = target.indexOf('/');
  const object = slash < 0 ? '' : target.slice(0, slash);
  const id = slash < 0 ? '' : target.slice(slash + 1);
  if (!isObjectType(object) || id === '') {
    throw usageError(
      `expected <object>/<recordId> such as customer/c-00042, got "${target}" (objects: customer, contact, deal, order, ticket, activity)`,
    );
  }
  return { object, id };
}

export function parseRecordAction(action: string): RecordAction {
  if (!(RECORD_ACTIONS as readonly string[]).includes(action)) {
    throw usageError(`unknown action "${action}" (actions: ${RECORD_ACTIONS.join(', ')})`);
  }
  return action as RecordAction;
}
