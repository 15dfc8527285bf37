import type { DataScope, FieldLevel, ObjectType, RecordAction } from '@custos/engine';

/**
 * A list naming every member of the engine's union `Union`, in the console's order: leaving one
 * out (or naming one the engine does not know) fails the typecheck.
 */
function vocabulary<Union extends string>() {
  return <const List extends readonly Union[]>(
    list: List & ([Union] extends [List[number]] ? unknown : never),
  ): List => list;
}

/**
 * The engine's vocabulary of a role (`packages/engine/src/model.ts`), in the order the console
 * shows it. Type-only imports: no engine code reaches the browser, and the typecheck keeps these
 * lists equal to the engine's.
 */
export const ROLE_OBJECTS = vocabulary<ObjectType>()([
  'customer',
  'contact',
  'deal',
  'order',
  'ticket',
  'activity',
]);
export const ROLE_ACTIONS = vocabulary<RecordAction>()([
  'read',
  'create',
  'update',
  'delete',
  'transfer',
  'share',
  'export',
]);
/** Data scopes, narrowest first (each includes every one before it). */
export const ROLE_SCOPES = vocabulary<DataScope>()([
  'none',
  'own',
  'subordinates',
  'department',
  'department_tree',
  'all',
]);
/** Field permissions, lowest first. */
export const ROLE_FIELD_LEVELS = vocabulary<FieldLevel>()(['hidden', 'masked', 'read', 'edit']);

export type { DataScope, FieldLevel, ObjectType, RecordAction };
