import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Access reviews (权限定期审查, governance issue 10, ADR 0017): campaigns, and one item per user
 * (or per grant) under review. An item's snapshot (`content`, `hash`) and a started campaign's
 * `snapshot_hash` are written once: a trigger refuses to change them and refuses to delete an
 * item, on PostgreSQL and PGlite alike, so the evidence an export carries is what was reviewed.
 * The decision columns of an item are written while the campaign is open.
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const accessReviewsMigration: Migration = {
  async up(db) {
    await run(db, [
      `create table review_campaigns (
        tenant_id text not null references tenants (id),
        id text not null,
        name text not null,
        status text not null check (status in ('draft', 'scheduled', 'open', 'closed')),
        scope jsonb not null,
        reviewers jsonb not null,
        owner_id text not null,
        starts_at timestamptz,
        deadline timestamptz not null,
        reminder_days jsonb not null,
        reminders_sent jsonb not null default '[]',
        default_decision text not null check (default_decision in ('keep', 'revoke')),
        recurrence text not null check (recurrence in ('none', 'quarterly', 'half_yearly', 'yearly')),
        previous_id text,
        next_id text,
        created_at timestamptz not null,
        started_at timestamptz,
        closed_at timestamptz,
        snapshot_hash text,
        item_count integer not null default 0,
        primary key (tenant_id, id)
      )`,
      'create index review_campaigns_status_idx on review_campaigns (tenant_id, status, deadline)',
      `create table review_items (
        tenant_id text not null,
        campaign_id text not null,
        item_no integer not null,
        kind text not null check (kind in ('user', 'grant')),
        reviewee_id text,
        grant_id text,
        content jsonb not null,
        hash text not null,
        reviewer_id text not null,
        status text not null default 'pending'
          check (status in ('pending', 'kept', 'revoked', 'reduced')),
        defaulted boolean not null default false,
        reason text,
        reduction jsonb,
        decided_by text,
        decided_at timestamptz,
        audit_event_ids jsonb,
        recheck jsonb,
        primary key (tenant_id, campaign_id, item_no),
        foreign key (tenant_id, campaign_id) references review_campaigns (tenant_id, id)
      )`,
      'create index review_items_reviewer_idx on review_items (tenant_id, reviewer_id, status)',
      // The snapshot is immutable: its columns never change, an item is never deleted.
      `create function review_items_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'review items are append-only: % % may not be deleted',
            old.campaign_id, old.item_no using errcode = 'P0001';
        end if;
        if new.content is distinct from old.content or new.hash is distinct from old.hash
          or new.kind is distinct from old.kind or new.reviewee_id is distinct from old.reviewee_id
          or new.grant_id is distinct from old.grant_id or new.item_no is distinct from old.item_no
          or new.campaign_id is distinct from old.campaign_id
          or new.tenant_id is distinct from old.tenant_id then
          raise exception 'the snapshot of review item % % is immutable',
            old.campaign_id, old.item_no using errcode = 'P0001';
        end if;
        return new;
      end $$`,
      `create trigger review_items_immutable before update or delete on review_items
        for each row execute function review_items_immutable()`,
      `create function review_campaigns_snapshot_immutable() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' and old.snapshot_hash is not null then
          raise exception 'started review campaign % may not be deleted', old.id
            using errcode = 'P0001';
        end if;
        if tg_op = 'UPDATE' and old.snapshot_hash is not null
          and (new.snapshot_hash is distinct from old.snapshot_hash
            or new.item_count is distinct from old.item_count
            or new.started_at is distinct from old.started_at
            or new.scope is distinct from old.scope) then
          raise exception 'the snapshot of review campaign % is immutable', old.id
            using errcode = 'P0001';
        end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end $$`,
      `create trigger review_campaigns_snapshot_immutable before update or delete on review_campaigns
        for each row execute function review_campaigns_snapshot_immutable()`,
    ]);
  },
  async down(db) {
    await run(db, [
      'drop table review_items',
      'drop function review_items_immutable',
      'drop table review_campaigns',
      'drop function review_campaigns_snapshot_immutable',
    ]);
  },
};
