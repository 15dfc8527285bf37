import type { SharingRule } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ROLE_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import { ID_PARAMS, SHARING_RULE, type SharingRuleBody } from './directory-schemas.ts';

const TAG = 'admin: sharing rules';
type Params = { Params: { id: string } };

/** The rule of a body: the body is a rule but for its id (given, or made). */
function ruleOf(id: string, b: SharingRuleBody): SharingRule {
  const { name, object, source, targetGroupId, access } = b;
  return { id, name, object, source, targetGroupId, access };
}

/** Sharing rules (数据共享规则): list, get, create, replace, delete. */
export async function sharingRuleRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };

  readRoutes(app, {
    path: '/v1/admin/sharing-rules',
    tag: TAG,
    config,
    summaries: ['List sharing rules', 'Get a sharing rule'],
    kind: 'sharing rule',
    items: (model) => model.sharingRules,
  });

  app.post<{ Body: SharingRuleBody }>(
    '/v1/admin/sharing-rules',
    { config, schema: changeSchema(TAG, 'Create a sharing rule', { body: SHARING_RULE }, true) },
    (request, reply) =>
      commit(
        app,
        request,
        reply,
        {
          kind: 'sharing_rule.create',
          rule: ruleOf(request.body.id ?? newId('rule'), request.body),
        },
        201,
      ),
  );

  app.put<Params & { Body: SharingRuleBody }>(
    '/v1/admin/sharing-rules/:id',
    {
      config,
      schema: changeSchema(TAG, 'Replace a sharing rule', {
        params: ID_PARAMS,
        body: SHARING_RULE,
      }),
    },
    (request, reply) =>
      commit(app, request, reply, {
        kind: 'sharing_rule.update',
        rule: ruleOf(request.params.id, request.body),
      }),
  );

  app.delete<Params>(
    '/v1/admin/sharing-rules/:id',
    { config, schema: changeSchema(TAG, 'Delete a sharing rule', { params: ID_PARAMS }) },
    (request, reply) =>
      commit(app, request, reply, { kind: 'sharing_rule.delete', id: request.params.id }),
  );
}
