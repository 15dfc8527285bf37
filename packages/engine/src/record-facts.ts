import type { CrmRecord, Grant, TeamMember } from './model.ts';

/**
 * Record facts (customer teams and grants on one record) travel with the records, not in the
 * node-wide model. This puts a list of them, written the model's way (a scenario, a seed, a
 * generated dataset), onto the records: every record gets the team of its customer, and each
 * record grant goes to the record it names (same object and id). Records are changed in place, so a
 * child's `parent` (the same customer object) carries the team too. Records with no team or grant
 * are left without the property.
 */
export function attachRecordFacts(
  records: readonly CrmRecord[],
  teams: readonly TeamMember[],
  recordGrants: readonly Grant[],
): void {
  const byCustomer = new Map<string, TeamMember[]>();
  for (const t of teams) {
    const list = byCustomer.get(t.customerId);
    if (list === undefined) byCustomer.set(t.customerId, [t]);
    else list.push(t);
  }
  const byRecord = new Map<string, Grant[]>();
  for (const g of recordGrants) {
    if (g.target.kind !== 'record') continue;
    const key = `${g.object}\u0000${g.target.recordId}`;
    const list = byRecord.get(key);
    if (list === undefined) byRecord.set(key, [g]);
    else list.push(g);
  }
  for (const r of records) {
    const team = byCustomer.get(r.customerId);
    if (team !== undefined) r.team = team;
    const grants = byRecord.get(`${r.object}\u0000${r.id}`);
    if (grants !== undefined) r.grants = grants;
  }
}

/** A grant list split into the policy's scope grants and the records' record grants. */
export function splitGrants(grants: readonly Grant[]): { scope: Grant[]; record: Grant[] } {
  const scope: Grant[] = [];
  const record: Grant[] = [];
  for (const g of grants) (g.target.kind === 'record' ? record : scope).push(g);
  return { scope, record };
}
