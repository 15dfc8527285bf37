import { CLOSED, sodConflicts, SodRuleSchema, type SodRule } from '@custos/engine';
import type { HeldAnswer } from '../four-eyes/four-eyes-gate.ts';
import type { FastifyInstance } from 'fastify';
import Type, { type Static } from 'typebox';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import {
  ROLE_ADMIN,
  changeSchema,
  commit,
  found,
  newId,
  readRoutes,
  versioned,
} from '../directory/directory-http.ts';
import { ID_PARAMS } from '../directory/directory-schemas.ts';
import { conflictDetails } from '../directory/sod-checks.ts';
import { leastPrivilegeRoutes } from './least-privilege-routes.ts';

const TAG = 'admin: separation of duties';
type Params = { Params: { id: string } };

const R = SodRuleSchema.properties;
/** A rule of a request: the rule, its id optional on create (the server makes one). */
export const SOD_RULE_BODY = Type.Object(
  { id: Type.Optional(R.id), name: R.name, left: R.left, right: R.right, others: R.others },
  CLOSED,
);
type SodRuleBody = Static<typeof SOD_RULE_BODY>;

function ruleOf(id: string, b: SodRuleBody): SodRule {
  const { name, left, right, others } = b;
  return {
    id,
    name,
    left,
    right,
    ...(others === undefined || others.length === 0 ? {} : { others }),
  };
}

const CONFLICTS_QUERY = Type.Object(
  { ruleId: Type.Optional(R.id), userId: Type.Optional(R.id) },
  CLOSED,
);

/**
 * SoD rules (职责分离规则): list, get, create, replace, delete — through the change path, so a
 * change is validated (every function and role named must exist), versioned and audited; and the
 * existing conflicts: who holds two members of a rule, and how (which role, which grant).
 * Creating or replacing a rule that existing holders already violate is allowed (so the conflict
 * can be cleaned up); the answer names them in `data.conflicts`.
 */
export async function sodRoutes(app: FastifyInstance): Promise<void> {
  const config = { permission: ROLE_ADMIN };
  await leastPrivilegeRoutes(app);

  readRoutes(app, {
    path: '/v1/admin/sod-rules',
    tag: TAG,
    config,
    summaries: ['List SoD rules', 'Get an SoD rule'],
    kind: 'SoD rule',
    items: (model) => model.sodRules,
  });

  /** The rule as committed, with the users who already violate it. */
  const withConflicts = async (
    ctx: { tenantId: string; now: number },
    result: { data: unknown; version: number } | HeldAnswer,
  ) => {
    // Held for a second administrator (four eyes): nothing committed yet, nothing to list.
    if ('pending' in result) return result;
    const rule = result.data as SodRule;
    const snapshot = await app.custos.policy.atLeast(ctx.tenantId, result.version);
    const conflicts = sodConflicts(snapshot.model, { rules: [rule], now: ctx.now }).map((c) =>
      conflictDetails(snapshot.model, c),
    );
    return { ...result, data: { ...rule, conflicts } };
  };

  app.post<{ Body: SodRuleBody }>(
    '/v1/admin/sod-rules',
    {
      config,
      schema: changeSchema(TAG, 'Create an SoD rule', { body: SOD_RULE_BODY }, true),
    },
    async (request, reply) =>
      withConflicts(
        request.custos,
        await commit(
          app,
          request,
          reply,
          { kind: 'sod_rule.create', rule: ruleOf(request.body.id ?? newId('sod'), request.body) },
          201,
        ),
      ),
  );

  app.put<Params & { Body: SodRuleBody }>(
    '/v1/admin/sod-rules/:id',
    {
      config,
      schema: changeSchema(TAG, 'Replace an SoD rule', { params: ID_PARAMS, body: SOD_RULE_BODY }),
    },
    async (request, reply) =>
      withConflicts(
        request.custos,
        await commit(app, request, reply, {
          kind: 'sod_rule.update',
          rule: ruleOf(request.params.id, request.body),
        }),
      ),
  );

  app.delete<Params>(
    '/v1/admin/sod-rules/:id',
    { config, schema: changeSchema(TAG, 'Delete an SoD rule', { params: ID_PARAMS }) },
    (request, reply) =>
      commit(app, request, reply, { kind: 'sod_rule.delete', id: request.params.id }),
  );

  app.get<{ Querystring: Static<typeof CONFLICTS_QUERY> }>(
    '/v1/admin/sod/conflicts',
    {
      config,
      schema: {
        tags: [TAG],
        summary: 'Existing SoD conflicts: per rule, the users holding two members and how',
        querystring: CONFLICTS_QUERY,
        response: { 400: ERROR_BODY_SCHEMA, 403: ERROR_BODY_SCHEMA, 404: ERROR_BODY_SCHEMA },
      },
    },
    (request, reply) => {
      const { model } = request.custos;
      const { ruleId, userId } = request.query;
      const rules =
        ruleId === undefined
          ? model.sodRules
          : [
              found(
                model.sodRules.find((r) => r.id === ruleId),
                'SoD rule',
                ruleId,
              ),
            ];
      const conflicts = sodConflicts(model, { rules, now: request.custos.now })
        .filter((c) => userId === undefined || c.userId === userId)
        .map((c) => conflictDetails(model, c));
      return versioned(
        request,
        reply,
        rules.map((rule) => ({
          ruleId: rule.id,
          ruleName: rule.name,
          conflicts: conflicts.filter((c) => c.ruleId === rule.id),
        })),
      );
    },
  );
}
