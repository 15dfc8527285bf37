import type { Criterion, FieldValue, ObjectType, SharingRule } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ROLE_ADMIN, changeSchema, commit, newId, readRoutes } from './directory-http.ts';
import { ID_PARAMS, SHARING_RULE } from './directory-schemas.ts';

const TAG = 'admin: sharing rules';
type Params = { Params: { id: string } };

interface CriterionBody {
  field: string;
  op: Criterion['op'];
  value?: FieldValue;
  values?: FieldValue[];
  low?: number | string;
  high?: number | string;
}
interface RuleBody {
  id?: string;
  name: string;
  object: ObjectType;
  source: { kind: 'criteria' | 'owner'; criteria?: CriterionBody[]; ownerGroupId?: string };
  targetGroupId: string;
  access: 'read' | 'edit';
}

/** Only the properties a criterion's operator uses (the schema has required them). */
function criterionOf(c: CriterionBody): Criterion {
  switch (c.op) {
    case 'in':
      return { field: c.field, op: c.op, values: c.values ?? [] };
    case 'between':
      return { field: c.field, op: c.op, low: c.low ?? 0, high: c.high ?? 0 };
    default:
      return { field: c.field, op: c.op, value: c.value ?? '' };
  }
}

function ruleOf(id: string, b: RuleBody): SharingRule {
  return {
    id,
    name: b.name,
    object: b.object,
    source:
      b.source.kind === 'owner'
        ? { kind: 'owner', ownerGroupId: b.source.ownerGroupId ?? '' }
        : { kind: 'criteria', criteria: (b.source.criteria ?? []).map(criterionOf) },
    targetGroupId: b.targetGroupId,
    access: b.access,
  };
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

  app.post<{ Body: RuleBody }>(
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

  app.put<Params & { Body: RuleBody }>(
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
