import type { AccessLevel, OrgWideDefault, RecordAction } from './model.ts';

/**
 * Which record actions an access level covers (teams, sharing rules, grants).
 * read ⊂ edit ⊂ manage. `export` is a read of many records, so any read-level path covers it
 * once the export privilege gate has passed. `create` (of a child under a customer) needs edit.
 * `delete`, `transfer` and `share` need manage.
 */
const LEVEL_COVERS: Record<AccessLevel, ReadonlySet<RecordAction>> = {
  read: new Set(['read', 'export']),
  edit: new Set(['read', 'export', 'update', 'create']),
  manage: new Set(['read', 'export', 'update', 'create', 'delete', 'transfer', 'share']),
};

const ORG_DEFAULT_COVERS: Record<OrgWideDefault, ReadonlySet<RecordAction>> = {
  private: new Set(),
  public_read: new Set(['read', 'export']),
  public_read_write: new Set(['read', 'export', 'update']),
};

export function levelCovers(level: AccessLevel, action: RecordAction): boolean {
  return LEVEL_COVERS[level].has(action);
}

export function orgDefaultCovers(owd: OrgWideDefault, action: RecordAction): boolean {
  return ORG_DEFAULT_COVERS[owd].has(action);
}

/** The lowest access level that covers an action. */
export function minLevelFor(action: RecordAction): AccessLevel {
  if (LEVEL_COVERS.read.has(action)) return 'read';
  if (LEVEL_COVERS.edit.has(action)) return 'edit';
  return 'manage';
}

/** A public pool lets its members see (and claim) its customers. */
export function poolCovers(action: RecordAction): boolean {
  return action === 'read';
}
