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
  /** Bumped by every policy save (0002-policy-version). */
  policy_version: Generated<number>;
}

/** Department + title → roles, clearance, groups for a new user (0019-onboarding-templates). */
export interface OnboardingTemplateRow {
  tenant_id: string;
  id: string;
  department_id: string;
  title: string;
  role_ids: JSONColumnType<string[], string, string>;
  clearance: string;
  group_ids: JSONColumnType<string[], string, string>;
  updated_at: ColumnType<Date, Date, Date>;
  updated_by: string | null;
}

export interface TeamMemberRow {
  tenant_id: string;
  customer_id: string;
  user_id: string;
  /** Rank of the access level: 0 read, 1 edit, 2 manage. */
  access: number;
  /** Order of addition, from `policy_ordinal_seq` (0005-policy-changes). */
  ordinal: Sequenced;
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
  outcome: ColumnType<AuditOutcome, AuditOutcome | undefined, never>;
  acting_as_id: ColumnType<string | null, string | null | undefined, never>;
  request_id: ColumnType<string | null, string | null | undefined, never>;
  ip: ColumnType<string | null, string | null | undefined, never>;
  user_agent: ColumnType<string | null, string | null | undefined, never>;
  /** The tenant's chain position and hash (0013-audit-chain); set by `appendAuditEvent`. */
  seq: ColumnType<string, string | number, never>;
  hash: ColumnType<string, string, never>;
}

/** Each tenant's last chained audit event (0013-audit-chain); its row lock serialises appends. */
export interface AuditHeadRow {
  tenant_id: string;
  seq: string;
  hash: string;
}

/** An HMAC-signed statement of a tenant's chain head (0013-audit-chain). */
export interface AuditCheckpointRow {
  tenant_id: string;
  seq: ColumnType<string, string | number, never>;
  hash: string;
  at: ColumnType<Date, Date | string, never>;
  mac: string;
}

/** How an audited request ended: done, refused by a permission, or failed (e.g. a bad password). */
export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * An `ordinal` numbered by `policy_ordinal_seq` (a bigint: read back as a string by `pg`) unless
 * written explicitly.
 */
type Sequenced = ColumnType<string | number, number | undefined, number>;

/** A JSON column written as a JSON string and read back as a value. */
type Json<T extends object | null> = JSONColumnType<T, string, string>;
/** A nullable timestamp. */
type Timestamp = ColumnType<Date | null, Date | null, Date | null>;

/**
 * The policy tables (`policy-repository.ts`). `ordinal` is the row's position in the model's list
 * (or map), so a model reads back in the order it was written. Ordered enums are stored as ranks.
 */
export interface DepartmentRow {
  tenant_id: string;
  id: string;
  name: string;
  parent_id: string | null;
  head_id: string | null;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface UserRow {
  tenant_id: string;
  id: string;
  name: string;
  kind: string;
  status: string;
  department_id: string | null;
  manager_id: string | null;
  clearance: number;
  portal_account_id: string | null;
  /** 职位 (0019-onboarding-templates). */
  title: ColumnType<string | null, string | null | undefined, string | null>;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface UserRoleRow {
  tenant_id: string;
  user_id: string;
  role_id: string;
  ordinal: number;
}

export interface RoleRow {
  tenant_id: string;
  id: string;
  name: string;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface RoleObjectPermissionRow {
  tenant_id: string;
  role_id: string;
  object: string;
  action: string;
  scope: number;
  ordinal: number;
}

export interface RoleFieldPermissionRow {
  tenant_id: string;
  role_id: string;
  object: string;
  field: string;
  level: number;
  ordinal: number;
}

export interface RoleFunctionRow {
  tenant_id: string;
  role_id: string;
  name: string;
  ordinal: number;
}

export interface GroupRow {
  tenant_id: string;
  id: string;
  name: string;
  kind: string;
  department_id: string | null;
  include_subdepartments: boolean;
  role_id: string | null;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface MemberRow {
  tenant_id: string;
  member_kind: string;
  member_id: string;
  ordinal: number;
}

export interface GroupMemberRow extends MemberRow {
  group_id: string;
}

export interface PoolMemberRow extends MemberRow {
  pool_id: string;
}

export interface ObjectSettingsRow {
  tenant_id: string;
  object: string;
  org_wide_default: string;
  controlled_by_parent: boolean;
  portal_exposed: boolean;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface FieldSettingsRow {
  tenant_id: string;
  object: string;
  field: string;
  sensitivity: number | null;
  mask: string | null;
  /** Null when the model leaves the flag out (0002-policy-version). */
  internal: boolean | null;
  label: string | null;
  ordinal: number;
  /** Stored encrypted at rest (0025); null when the model leaves the flag out. */
  encrypted?: boolean | null;
}

export interface SharingRuleRow {
  tenant_id: string;
  id: string;
  name: string;
  object: string;
  source: Json<object>;
  target_group_id: string;
  access: number;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface GrantRow {
  tenant_id: string;
  id: string;
  subject_kind: string;
  subject_id: string;
  object: string;
  target: Json<object>;
  access: number;
  starts_at: Timestamp;
  expires_at: Timestamp;
  reason: string | null;
  /** Set for a grant on one record: a fact of that record, not of the model (0005). */
  record_id: string | null;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface PoolRow {
  tenant_id: string;
  id: string;
  name: string;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

export interface SodRuleRow {
  tenant_id: string;
  id: string;
  name: string;
  left: Json<object>;
  right: Json<object>;
  /** Members after the first two (0020-sod): `[]` for a pair. */
  others: Json<object>;
  ordinal: Sequenced;
  /** The policy version of the entity's last change (0005-policy-changes). */
  version: Generated<number>;
}

/** The tables the store reads and writes through typed queries. */
export type StoreSchema = { [T in RecordTable]: RecordRow } & {
  tenants: TenantRow;
  customer_team_members: TeamMemberRow;
  onboarding_templates: OnboardingTemplateRow;
  audit_events: AuditEventRow;
  audit_heads: AuditHeadRow;
  audit_checkpoints: AuditCheckpointRow;
  departments: DepartmentRow;
  users: UserRow;
  user_roles: UserRoleRow;
  roles: RoleRow;
  role_object_permissions: RoleObjectPermissionRow;
  role_field_permissions: RoleFieldPermissionRow;
  role_functions: RoleFunctionRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  object_settings: ObjectSettingsRow;
  field_settings: FieldSettingsRow;
  sharing_rules: SharingRuleRow;
  grants: GrantRow;
  pools: PoolRow;
  pool_members: PoolMemberRow;
  sod_rules: SodRuleRow;
  policy_changes: PolicyChangeRow;
  credentials: CredentialRow;
  sessions: SessionRow;
  api_tokens: ApiTokenRow;
  password_links: PasswordLinkRow;
  outbox: OutboxRow;
  login_throttle: LoginThrottleRow;
  mfa_totp: MfaTotpRow;
  mfa_recovery_codes: MfaRecoveryCodeRow;
  mfa_policies: MfaPolicyRow;
  notifications: NotificationRow;
  usage_daily: UsageDailyRow;
  review_campaigns: ReviewCampaignRow;
  review_items: ReviewItemRow;
  jobs: JobRow;
  job_schedules: JobScheduleRow;
  monitoring_rules: MonitoringRuleRow;
  monitoring_state: MonitoringStateRow;
  alerts: AlertRow;
  webhook_endpoints: WebhookEndpointRow;
  webhook_deliveries: WebhookDeliveryRow;
  webhook_attempts: WebhookAttemptRow;
  access_requests: AccessRequestRow;
  approval_chains: ApprovalChainRow;
  four_eyes_settings: FourEyesSettingRow;
  pending_changes: PendingChangeRow;
  data_keys: DataKeyRow;
  subject_keys: SubjectKeyRow;
  blind_index: BlindIndexRow;
  do_not_sell: DoNotSellRow;
  retention_rules: RetentionRuleRow;
  legal_holds: LegalHoldRow;
  encryption_sweeps: EncryptionSweepRow;
  privacy_consents: PrivacyConsentRow;
  privacy_requests: PrivacyRequestRow;
};

/** A user's sign-in account (0003-auth, 0007-accounts): e-mail unique per tenant. */
export interface CredentialRow {
  tenant_id: string;
  user_id: string;
  email: string;
  /** Argon2id PHC string; null until an invited user sets a password. */
  password_hash: string | null;
  status: ColumnType<'invited' | 'active', 'invited' | 'active' | undefined, 'invited' | 'active'>;
  password_changed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A one-time set-password link (0007-accounts), keyed by the SHA-256 hash of its token. */
export interface PasswordLinkRow {
  token_hash: string;
  tenant_id: string;
  user_id: string;
  purpose: 'invite' | 'reset';
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, never>;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An e-mail message for an external sender to deliver (0007-accounts). */
export interface OutboxRow {
  id: Generated<string>;
  tenant_id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: ColumnType<Date, Date, never>;
  sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** An in-app notification for one user (0010-notifications). */
export interface NotificationRow {
  id: Generated<string>;
  tenant_id: string;
  user_id: string;
  kind: string;
  params: ColumnType<unknown, string, string>;
  link: string | null;
  created_at: ColumnType<Date, Date, never>;
  read_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** One user's use of one permission on one UTC day (0012-usage). */
export interface UsageDailyRow {
  tenant_id: string;
  user_id: string;
  /** A `date`: PGlite and pg read it back as a Date (midnight UTC) or a string. */
  day: ColumnType<Date | string, string, string>;
  permission: string;
  requests: ColumnType<string | number, number, number>;
  records: ColumnType<string | number, number, number>;
  last_at: ColumnType<Date, Date, Date>;
}

/** A tenant's four-eyes setting (0017-pending-changes). */
export interface FourEyesSettingRow {
  tenant_id: string;
  categories: ColumnType<unknown, string, string>;
  expiry_days: number;
  updated_by: string | null;
  updated_at: Date;
}

/** A configuration change waiting for a second administrator (0017-pending-changes). */
export interface PendingChangeRow {
  id: Generated<string>;
  tenant_id: string;
  author_id: string;
  changes: ColumnType<unknown, string, string>;
  setting: ColumnType<unknown, string | null, string | null>;
  categories: ColumnType<unknown, string, string>;
  base_version: number;
  reason: string | null;
  preview: ColumnType<unknown, string | null, string | null>;
  status: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, Date>;
  decided_by: string | null;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decision_reason: string | null;
  result_version: number | null;
}

/** Consecutive failed sign-ins per normalised e-mail (0007-accounts), keyed by its hash. */
export interface LoginThrottleRow {
  key_hash: string;
  failures: number;
  last_failure_at: Date;
  blocked_until: Date | null;
}

/** A signed-in session (0003-auth), keyed by the SHA-256 hash of its random token. */
export interface SessionRow {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  created_at: ColumnType<Date, Date, never>;
  expires_at: ColumnType<Date, Date, Date>;
  last_seen_at: ColumnType<Date, Date, Date>;
  /** A non-secret id for listing and ending sessions (0007-accounts). */
  public_id: string;
  user_agent: string | null;
  ip: string | null;
  /** When the session last passed a second factor (null: password only). */
  mfa_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Wrong MFA codes given in this session (0008-mfa). */
  mfa_failures: ColumnType<number, number | undefined, number>;
}

/** One committed admin change (0005-policy-changes); a batch shares one version. */
export interface PolicyChangeRow {
  tenant_id: string;
  version: number;
  seq: number;
  kind: string;
  change: Json<object>;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  actor_id: string | null;
  at: ColumnType<Date, Date, never>;
}

/** An API token (0009-api-tokens), found by its public id; only the secret's SHA-256 is kept. */
export interface ApiTokenRow {
  id: string;
  tenant_id: string;
  user_id: string;
  kind: 'personal' | 'service';
  name: string;
  secret_hash: string;
  scopes: Json<string[]>;
  created_at: ColumnType<Date, Date, never>;
  created_by: string;
  expires_at: ColumnType<Date, Date, never>;
  last_used_at: Timestamp;
  revoked_at: Timestamp;
  revoked_by: string | null;
}

/** A user's TOTP authenticator (0008-mfa); `confirmed_at` null while enrolment is pending. */
export interface MfaTotpRow {
  tenant_id: string;
  user_id: string;
  /** The shared secret, Base32 (RFC 4648), as the authenticator app holds it. */
  secret: string;
  created_at: ColumnType<Date, Date, Date>;
  confirmed_at: Timestamp;
  /** The last accepted time step (RFC 6238 T): a code of this step or an older one is refused. */
  last_step: ColumnType<string | number | null, number | null, number | null>;
  /** Consecutive wrong codes (reset by a right one): throttles further attempts. */
  failures: ColumnType<number, number | undefined, number>;
  last_failure_at: Timestamp;
}

/** One single-use recovery code of a user (0008-mfa), stored as its SHA-256 hash. */
export interface MfaRecoveryCodeRow {
  tenant_id: string;
  user_id: string;
  code_hash: string;
  created_at: ColumnType<Date, Date, never>;
  used_at: Timestamp;
}

/** A tenant's MFA policy (0008-mfa); no row is `off`. */
export interface MfaPolicyRow {
  tenant_id: string;
  policy: string;
  updated_at: ColumnType<Date, Date, Date>;
  updated_by: string | null;
}

/** An access review campaign (0018-access-reviews, `review-repository.ts`). */
export interface ReviewCampaignRow {
  tenant_id: string;
  id: string;
  name: string;
  status: 'draft' | 'scheduled' | 'open' | 'closed';
  scope: ColumnType<unknown, string, string>;
  reviewers: ColumnType<unknown, string, string>;
  owner_id: string;
  starts_at: Timestamp;
  deadline: ColumnType<Date, Date, Date>;
  reminder_days: ColumnType<unknown, string, string>;
  reminders_sent: ColumnType<unknown, string | undefined, string>;
  default_decision: 'keep' | 'revoke';
  recurrence: 'none' | 'quarterly' | 'half_yearly' | 'yearly';
  previous_id: string | null;
  next_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
  started_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  snapshot_hash: ColumnType<string | null, string | null | undefined, string | null>;
  item_count: ColumnType<number, number | undefined, number>;
}

/** One item under review: an immutable snapshot (content, hash) and its decision (0018). */
export interface ReviewItemRow {
  tenant_id: string;
  campaign_id: string;
  item_no: number;
  kind: 'user' | 'grant';
  reviewee_id: string | null;
  grant_id: string | null;
  content: ColumnType<unknown, string, never>;
  hash: ColumnType<string, string, never>;
  reviewer_id: string;
  status: ColumnType<
    'pending' | 'kept' | 'revoked' | 'reduced',
    'pending' | undefined,
    'pending' | 'kept' | 'revoked' | 'reduced'
  >;
  defaulted: ColumnType<boolean, boolean | undefined, boolean>;
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  reduction: ColumnType<unknown, string | null | undefined, string | null>;
  decided_by: ColumnType<string | null, string | null | undefined, string | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  audit_event_ids: ColumnType<unknown, string | null | undefined, string | null>;
  recheck: ColumnType<unknown, string | null | undefined, string | null>;
}

/** A durable job (0015-jobs-monitoring, ADR 0014); `tenant_id` '' for work across tenants. */
export interface JobRow {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  payload: ColumnType<unknown, string, string>;
  unique_key: string | null;
  state: 'queued' | 'running' | 'done' | 'dead';
  run_at: ColumnType<Date, Date, Date>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: number;
  backoff_ms: number;
  locked_by: string | null;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: string | null;
  created_at: ColumnType<Date, Date, never>;
  started_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A recurring schedule: one row, advanced by compare-and-set (0015-jobs-monitoring). */
export interface JobScheduleRow {
  tenant_id: string;
  name: string;
  every_ms: ColumnType<string | number, number, number>;
  next_run_at: ColumnType<Date, Date, Date>;
  last_run_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_status: string | null;
  last_error: string | null;
  last_duration_ms: number | null;
  runs: ColumnType<string | number, number | undefined, number>;
  failures: ColumnType<string | number, number | undefined, number>;
}

/** A tenant's setting of one monitoring rule (0015-jobs-monitoring); no row: the defaults. */
export interface MonitoringRuleRow {
  tenant_id: string;
  rule: string;
  enabled: boolean;
  severity: string;
  params: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, Date, Date>;
  updated_by: string | null;
}

/** Where monitoring left off in a tenant's audit stream (0015-jobs-monitoring). */
export interface MonitoringStateRow {
  tenant_id: string;
  last_event_id: ColumnType<string | number, number | string, number | string>;
  last_run_at: ColumnType<Date, Date, Date>;
}

/** A security alert raised by a monitoring rule (0015-jobs-monitoring). */
export interface AlertRow {
  tenant_id: string;
  id: Generated<string>;
  rule: string;
  user_id: string;
  window_key: string;
  severity: string;
  summary: ColumnType<unknown, string, string>;
  evidence: ColumnType<unknown, string, string>;
  first_at: ColumnType<Date, Date, Date>;
  last_at: ColumnType<Date, Date, Date>;
  created_at: ColumnType<Date, Date, never>;
  status: 'open' | 'acknowledged';
  ack_by: string | null;
  ack_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  ack_note: string | null;
}

/** A tenant's webhook endpoint (0015-jobs-monitoring). */
export interface WebhookEndpointRow {
  tenant_id: string;
  id: string;
  name: string;
  url: string;
  secret: string;
  events: ColumnType<unknown, string, string>;
  enabled: boolean;
  created_at: ColumnType<Date, Date, never>;
  created_by: string | null;
}

/** One event to deliver to one endpoint (0015-jobs-monitoring). */
export interface WebhookDeliveryRow {
  tenant_id: string;
  id: Generated<string>;
  endpoint_id: string;
  event: string;
  alert_id: ColumnType<string | null, string | number | null, never>;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, Date, never>;
  delivered_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** One attempt of a webhook delivery: the delivery log (0015-jobs-monitoring). */
export interface WebhookAttemptRow {
  tenant_id: string;
  delivery_id: ColumnType<string, string | number, never>;
  attempt: number;
  at: ColumnType<Date, Date, never>;
  status_code: number | null;
  duration_ms: number;
  error: string | null;
}
/** An access request (0016-access-requests); `steps` holds the approval chain's progress. */
export interface AccessRequestRow {
  id: Generated<string>;
  tenant_id: string;
  requester_id: string;
  kind: string;
  object: string | null;
  record_id: string | null;
  scope: ColumnType<unknown, string | null, string | null>;
  role_id: string | null;
  access: string | null;
  requested_days: number;
  granted_days: number;
  reason: string;
  status: string;
  chain_id: string | null;
  steps: ColumnType<unknown, string, string>;
  current_step: number;
  /** The user ids the current step waits on (a JSON array; empty when not pending). */
  waiting_on: ColumnType<unknown, string, string>;
  created_at: ColumnType<Date, Date, never>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  grant_id: string | null;
  closed_reason: string | null;
}

/** An approval chain for access requests (0016-access-requests). */
export interface ApprovalChainRow {
  tenant_id: string;
  id: string;
  name: string;
  request_kind: string;
  object: string | null;
  sensitivity: string | null;
  steps: ColumnType<unknown, string, string>;
  updated_at: Date;
  updated_by: string | null;
}

/** A tenant's data or blind-index key, wrapped by the KEK (0021-encryption-keys). */
export interface DataKeyRow {
  tenant_id: string;
  purpose: 'data' | 'blind';
  version: number;
  state: 'active' | 'retired';
  wrapped: string;
  created_at: ColumnType<Date, Date, never>;
  retired_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A data subject's key, wrapped by a data key version; deleted on erasure (0021). */
export interface SubjectKeyRow {
  tenant_id: string;
  subject_id: string;
  key_version: number;
  wrapped: string;
  created_at: ColumnType<Date, Date, never>;
}

/** The HMAC token of an encrypted searchable field of a record (0021). */
export interface BlindIndexRow {
  tenant_id: string;
  object: string;
  field: string;
  record_id: string;
  token: string;
}

/** A contact's CCPA "do not sell or share" opt-out (0023-retention). */
export interface DoNotSellRow {
  tenant_id: string;
  contact_id: string;
  opted_out: boolean;
  source: string;
  received_at: ColumnType<Date, Date, Date>;
  note: string | null;
  recorded_by: string | null;
  recorded_at: ColumnType<Date, Date, Date>;
}

/** A retention rule (0023-retention): which records of an object go after how long, and how. */
export interface RetentionRuleRow {
  tenant_id: string;
  id: string;
  name: string;
  object: string;
  /** `{ field, op: 'eq' | 'in', values }` or null (every record of the object). */
  condition: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  age_amount: number;
  age_unit: string;
  /** A date field of the object; null: the record's `updated_at`. */
  age_field: string | null;
  action: string;
  anonymise_fields: JSONColumnType<string[], string, string>;
  enabled: boolean;
  last_run_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_count: number | null;
  last_complete: boolean | null;
  created_at: ColumnType<Date, Date, Date>;
  created_by: string | null;
  updated_at: ColumnType<Date, Date, Date>;
  updated_by: string | null;
}

/** A legal hold on a customer (0023-retention): no retention rule touches its records. */
export interface LegalHoldRow {
  tenant_id: string;
  customer_id: string;
  reason: string;
  set_by: string | null;
  set_at: ColumnType<Date, Date, Date>;
}

/** A key rotation's re-seal sweep of a tenant (0026-encryption-sweeps, docs/key-rotation.md). */
export interface EncryptionSweepRow {
  tenant_id: string;
  id: string;
  reason: string;
  trigger: 'rotate' | 'policy' | 'manual';
  requested_by: string | null;
  target_version: number;
  state: 'running' | 'done' | 'failed';
  pass: ColumnType<number, number | undefined, number>;
  tables: JSONColumnType<Record<string, unknown>, string, string>;
  counts: JSONColumnType<Record<string, unknown>, string, string>;
  errors: JSONColumnType<unknown[], string | undefined, string>;
  remaining: number | null;
  /** The job run holding the sweep, and until when (a lease: one run at a time). */
  lease_by: ColumnType<string | null, string | null | undefined, string | null>;
  lease_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  started_at: ColumnType<Date, Date, never>;
  updated_at: ColumnType<Date, Date, Date>;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** A consent record of a contact (0022-privacy). */
export interface PrivacyConsentRow {
  tenant_id: string;
  id: Generated<string>;
  contact_id: string;
  purpose: string;
  lawful_basis: string;
  source: string;
  note: string | null;
  given_at: ColumnType<Date, Date, Date>;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  recorded_by: string | null;
  withdrawn_by: ColumnType<string | null, string | null | undefined, string | null>;
  withdraw_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
}

/** A data-subject request (0022-privacy); `timeline` and `evidence` are JSON. */
export interface PrivacyRequestRow {
  tenant_id: string;
  id: Generated<string>;
  kind: string;
  regime: string;
  status: string;
  contact_id: string | null;
  requester_name: string | null;
  requester_email: string | null;
  notes: string | null;
  received_at: ColumnType<Date, Date, Date>;
  due_at: ColumnType<Date, Date, Date>;
  extended_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  extension_reason: string | null;
  owner_id: string | null;
  created_by: string | null;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  closed_reason: string | null;
  evidence: ColumnType<unknown, string | null | undefined, string | null>;
  timeline: ColumnType<unknown, string, string>;
  reminders_sent: ColumnType<unknown, string | undefined, string>;
}
