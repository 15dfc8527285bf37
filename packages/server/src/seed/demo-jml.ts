import { putOnboardingTemplate, type Database } from '@custos/store';

/**
 * Joiner / mover / leaver in the demo company: onboarding templates for the sales regions' reps
 * and the service desk, so "new user" in the console proposes roles and clearance from the
 * department and title.
 */
export async function loadDemoJml(
  database: Database,
  tenantId: string,
  now: number,
): Promise<void> {
  const templates = [
    { id: 'tpl-east-rep', departmentId: 'sales-east', title: '销售代表', roleIds: ['sales-rep'] },
    { id: 'tpl-north-rep', departmentId: 'sales-north', title: '销售代表', roleIds: ['sales-rep'] },
    { id: 'tpl-south-rep', departmentId: 'sales-south', title: '销售代表', roleIds: ['sales-rep'] },
    {
      id: 'tpl-service-agent',
      departmentId: 'service',
      title: '客服专员',
      roleIds: ['customer-service'],
    },
  ];
  for (const t of templates)
    await putOnboardingTemplate(
      database.db,
      tenantId,
      { ...t, clearance: 'internal', groupIds: [] },
      { actorId: null, now },
    );
}
