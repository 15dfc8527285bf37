import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { RecordTable } from './record-tables.ts';

/** A record table row: the access-relevant columns, a few real columns and the field values. */
export interface RecordRow {
  tenant_id: string;
  id: string;
  customer_id: string;
  owner_id: string | null;
  department_id: string | null;
  /** Rank of the sensitivity: 0 public … 3 restricted. */
  sensitivity: number;
  created_by_id: string | null;
  contact_user_id: string | null;
  pool_id: string | null;
  name: string | null;
  data: JSONColumnType<Record<string, unknown>, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface TenantRow {
  id: string;
  name: string;
  settings: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface TeamMemberRow {
  tenant_id: string;
  customer_id: string;
  user_id: string;
  /** Rank of the access level: 0 read, 1 edit, 2 manage. */
  access: number;
}

export interface AuditEventRow {
  tenant_id: string;
  id: Generated<string>;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_id: string | null;
  action: string;
  target: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
}

/**
 * The tables the store reads and writes through typed queries so far. The policy tables exist in
 * the schema (0001-initial) and get their row types when their repositories are written.
 */
export type StoreSchema = { [T in RecordTable]: RecordRow } & {
  tenants: TenantRow;
  customer_team_members: TeamMemberRow;
  audit_events: AuditEventRow;
};
