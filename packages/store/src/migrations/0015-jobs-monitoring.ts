import { sql, type Kysely, type Migration } from 'kysely';

/**
 * The durable job runner and security monitoring (governance, issue 10; ADR 0014).
 *
 * - `jobs`: one-off jobs, claimed with `FOR UPDATE SKIP LOCKED` under a lease; `tenant_id` is the
 *   tenant the job concerns ('' for work across every tenant). A `unique_key` de-duplicates the
 *   jobs still waiting or running.
 * - `job_schedules`: one row per recurring schedule, advanced by compare-and-set, so one node
 *   runs each tick.
 * - `monitoring_rules`, `monitoring_state` (the cursor over `audit_events`), `alerts`.
 * - `webhook_endpoints`, `webhook_deliveries`, `webhook_attempts` (the delivery log).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const jobsMonitoringMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table jobs (
        tenant_id text not null,
        id bigserial not null,
        name text not null,
        payload jsonb not null,
        unique_key text,
        state text not null check (state in ('queued', 'running', 'done', 'dead')),
        run_at timestamptz not null,
        attempts integer not null default 0,
        max_attempts integer not null,
        backoff_ms integer not null,
        locked_by text,
        locked_until timestamptz,
        last_error text,
        created_at timestamptz not null,
        started_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id)
      )`,
      // Claiming looks across every tenant: the runner's own index (see database.test.ts).
      'create index jobs_due_idx on jobs (state, run_at)',
      `create unique index jobs_unique_key_idx on jobs (tenant_id, name, unique_key)
        where unique_key is not null and state in ('queued', 'running')`,
      'create index jobs_tenant_state_idx on jobs (tenant_id, state, finished_at desc)',
      `create table job_schedules (
        tenant_id text not null,
        name text not null,
        every_ms bigint not null,
        next_run_at timestamptz not null,
        last_run_at timestamptz,
        last_finished_at timestamptz,
        last_status text,
        last_error text,
        last_duration_ms integer,
        runs bigint not null default 0,
        failures bigint not null default 0,
        primary key (tenant_id, name)
      )`,
      `create table monitoring_rules (
        tenant_id text not null references tenants (id),
        rule text not null,
        enabled boolean not null,
        severity text not null,
        params jsonb not null,
        updated_at timestamptz not null,
        updated_by text,
        primary key (tenant_id, rule)
      )`,
      `create table monitoring_state (
        tenant_id text not null references tenants (id),
        last_event_id bigint not null,
        last_run_at timestamptz not null,
        primary key (tenant_id)
      )`,
      `create table alerts (
        tenant_id text not null references tenants (id),
        id bigserial not null,
        rule text not null,
        user_id text not null,
        window_key text not null,
        severity text not null,
        summary jsonb not null,
        evidence jsonb not null,
        first_at timestamptz not null,
        last_at timestamptz not null,
        created_at timestamptz not null,
        status text not null check (status in ('open', 'acknowledged')),
        ack_by text,
        ack_at timestamptz,
        ack_note text,
        primary key (tenant_id, id)
      )`,
      'create unique index alerts_dedupe_idx on alerts (tenant_id, rule, user_id, window_key)',
      'create index alerts_created_idx on alerts (tenant_id, created_at desc)',
      `create table webhook_endpoints (
        tenant_id text not null references tenants (id),
        id text not null,
        name text not null,
        url text not null,
        secret text not null,
        events jsonb not null,
        enabled boolean not null,
        created_at timestamptz not null,
        created_by text,
        primary key (tenant_id, id)
      )`,
      `create table webhook_deliveries (
        tenant_id text not null references tenants (id),
        id bigserial not null,
        endpoint_id text not null,
        event text not null,
        alert_id bigint,
        body text not null,
        status text not null check (status in ('pending', 'delivered', 'failed')),
        attempts integer not null default 0,
        created_at timestamptz not null,
        delivered_at timestamptz,
        primary key (tenant_id, id)
      )`,
      'create index webhook_deliveries_endpoint_idx on webhook_deliveries (tenant_id, endpoint_id, id desc)',
      `create table webhook_attempts (
        tenant_id text not null references tenants (id),
        delivery_id bigint not null,
        attempt integer not null,
        at timestamptz not null,
        status_code integer,
        duration_ms integer not null,
        error text,
        primary key (tenant_id, delivery_id, attempt)
      )`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop table webhook_attempts',
      'drop table webhook_deliveries',
      'drop table webhook_endpoints',
      'drop table alerts',
      'drop table monitoring_state',
      'drop table monitoring_rules',
      'drop table job_schedules',
      'drop table jobs',
    ]);
  },
};
