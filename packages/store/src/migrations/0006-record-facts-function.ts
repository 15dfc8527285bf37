import { sql, type Migration } from 'kysely';

/**
 * `custos_record_facts(tenant, object, record, customer, users)`: a record's team (its customer's;
 * only `users` when given) and the grants stored on it, as JSON, for the record reads of
 * `getRecords` (ADR 0006). A PL/pgSQL function keeps its queries' plans per connection, so a read
 * of one record with its facts plans like a read of the record alone: planning, not execution, was
 * most of the cost of the two correlated subqueries (0.4 ms of 0.5 ms for one record).
 */
export const recordFactsFunctionMigration: Migration = {
  async up(db) {
    await sql
      .raw(
        `create function custos_record_facts(
          p_tenant text, p_object text, p_record text, p_customer text, p_users text[]
        ) returns table (team json, grants json)
        language plpgsql stable as $$
        begin
          return query select
            (select coalesce(json_agg(json_build_array(m.user_id, m.access) order by m.ordinal), '[]'::json)
               from customer_team_members m
              where m.tenant_id = p_tenant and m.customer_id = p_customer
                and (p_users is null or m.user_id = any(p_users))),
            (select coalesce(json_agg(json_build_object('id', g.id, 'subject_kind', g.subject_kind,
                      'subject_id', g.subject_id, 'object', g.object, 'target', g.target,
                      'access', g.access, 'starts_at', g.starts_at, 'expires_at', g.expires_at,
                      'reason', g.reason) order by g.ordinal), '[]'::json)
               from grants g
              where g.tenant_id = p_tenant and g.object = p_object and g.record_id = p_record);
        end
        $$`,
      )
      .execute(db);
  },
  async down(db) {
    await sql.raw('drop function custos_record_facts(text, text, text, text, text[])').execute(db);
  },
};
