import { FUNCTION_CATALOGUE, hasFunction } from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import { ROLE_ADMIN } from './directory-http.ts';

const TAG = 'admin: roles';

const FUNCTION_LIST_SCHEMA = {
  type: 'object',
  required: ['data'],
  properties: {
    data: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'admin', 'description', 'held'],
        properties: {
          name: { type: 'string' },
          admin: { type: 'boolean' },
          description: {
            type: 'object',
            required: ['zh-CN', 'en-US'],
            properties: { 'zh-CN': { type: 'string' }, 'en-US': { type: 'string' } },
          },
          held: { type: 'boolean' },
        },
      },
    },
  },
} as const;

/**
 * The function catalogue (功能权限, ADR 0010): every function permission a role may name, whether
 * it is an admin function, what it allows in zh-CN and en-US, and whether the caller holds it
 * (an admin grants only what they hold).
 */
export async function functionRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/v1/admin/functions',
    {
      config: { permission: ROLE_ADMIN },
      schema: {
        tags: [TAG],
        summary: 'List the function permissions a role may name (the function catalogue)',
        response: { 200: FUNCTION_LIST_SCHEMA, 403: ERROR_BODY_SCHEMA },
      },
    },
    (request) => {
      const ctx = request.custos;
      return {
        data: FUNCTION_CATALOGUE.map((f) => ({
          name: f.name,
          admin: f.admin,
          description: f.description,
          held: hasFunction(ctx.index, ctx.userId, f.name),
        })),
      };
    },
  );
}
