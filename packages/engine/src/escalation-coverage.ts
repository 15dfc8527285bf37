import type { AccessLevel, RecordAction } from './model.ts';

/**
 * The record actions an access level of a team, grant or sharing rule gives (export needs the
 * export privilege besides, so it is not counted): `read` → read; `edit` → read, update, create;
 * `manage` → also delete, transfer and share.
 */
export function coveredActions(level: AccessLevel): RecordAction[] {
  switch (level) {
    case 'read':
      return ['read'];
    case 'edit':
      return ['read', 'update', 'create'];
    case 'manage':
      return ['read', 'update', 'create', 'delete', 'transfer', 'share'];
  }
}
