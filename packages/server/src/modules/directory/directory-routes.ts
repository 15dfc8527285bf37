import type { FastifyInstance } from 'fastify';
import { changeRoutes } from './change-routes.ts';
import { departmentRoutes } from './department-routes.ts';
import { functionRoutes } from './function-routes.ts';
import { grantRoutes } from './grant-routes.ts';
import { jmlRoutes } from './jml-routes.ts';
import { onboardingTemplateRoutes } from './onboarding-template-routes.ts';
import { groupRoutes } from './group-routes.ts';
import { objectRoutes } from './object-routes.ts';
import { roleRoutes } from './role-routes.ts';
import { sharingRuleRoutes } from './sharing-rule-routes.ts';
import { userRoutes } from './user-routes.ts';

/**
 * The admin API (`/v1/admin/...`): departments, users and groups need the function permission
 * `user_admin`; roles, object and field settings, sharing rules and grants need `role_admin`
 * (reads too). Every change is one transaction (`commitChange`): validated, versioned, audited;
 * the answer is `{ data, version }` with the new policy version, also as ETag. Send it back as
 * `If-Match` to refuse the change (409 CONFLICT) when someone else changed the policy meanwhile.
 */
export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  await departmentRoutes(app);
  await userRoutes(app);
  await jmlRoutes(app);
  await onboardingTemplateRoutes(app);
  await groupRoutes(app);
  await roleRoutes(app);
  await functionRoutes(app);
  await objectRoutes(app);
  await sharingRuleRoutes(app);
  await grantRoutes(app);
  await changeRoutes(app);
}
