import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Joiner / mover / leaver (issue 10): a user's title (职位, e.g. 销售代表), and onboarding
 * templates — department + title → the roles, clearance and public groups a new user of that
 * department and title starts with. One template per (department, title).
 */
async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export const onboardingTemplatesMigration: Migration = {
  async up(db) {
    await run(db, [
      'alter table users add column title text',
      `create table onboarding_templates (
        tenant_id text not null,
        id text not null,
        department_id text not null,
        title text not null,
        role_ids jsonb not null default '[]',
        clearance text not null,
        group_ids jsonb not null default '[]',
        updated_at timestamptz not null,
        updated_by text,
        primary key (tenant_id, id)
      )`,
      'create unique index onboarding_templates_position on onboarding_templates (tenant_id, department_id, title)',
    ]);
  },
  async down(db) {
    await run(db, ['drop table onboarding_templates', 'alter table users drop column title']);
  },
};
