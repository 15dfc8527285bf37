import {
  ACCESS_LEVELS,
  DATA_SCOPES,
  FIELD_LEVELS,
  OBJECT_TYPES,
  ORG_WIDE_DEFAULTS,
  REACH_PATHS,
  RECORD_ACTIONS,
  SENSITIVITIES,
  type ObjectType,
} from '@custos/engine';
import type { FastifyInstance } from 'fastify';
import { ERROR_BODY_SCHEMA } from '../../http/error-handler.ts';
import type { RoutePermission } from '../../http/route-permission.ts';
import { adminOverview } from './admin-overview.ts';
import { myAccess } from './my-access.ts';

const STRING = { type: 'string' } as const;
const NULLABLE_STRING = { type: ['string', 'null'] } as const;
const COUNT = { type: 'integer', minimum: 0 } as const;
const OBJECT = { type: 'string', enum: [...OBJECT_TYPES] } as const;
const LOCALIZED = {
  type: 'object',
  required: ['zh-CN', 'en-US'],
  properties: { 'zh-CN': STRING, 'en-US': STRING },
} as const;
const NAMED = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: STRING, name: STRING },
} as const;
const NULLABLE_NAMED = { anyOf: [NAMED, { type: 'null' }] } as const;

const MY_ACCESS_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    object: {
      ...OBJECT,
      default: 'customer',
      description: 'The object whose reach per access path is counted (default customer)',
    },
  },
} as const;

const MY_ACCESS_SCHEMA = {
  type: 'object',
  required: [
    'user',
    'roles',
    'clearance',
    'functions',
    'objects',
    'groups',
    'teams',
    'grants',
    'sharingRules',
    'pools',
    'reach',
  ],
  properties: {
    user: {
      type: 'object',
      required: ['id', 'name', 'kind', 'departmentId', 'departmentName'],
      properties: {
        id: STRING,
        name: STRING,
        kind: { type: 'string', enum: ['internal', 'portal'] },
        departmentId: NULLABLE_STRING,
        departmentName: NULLABLE_STRING,
      },
    },
    roles: { type: 'array', items: NAMED },
    clearance: { type: 'string', enum: [...SENSITIVITIES] },
    functions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'blockedBy'],
        properties: { name: STRING, blockedBy: NULLABLE_NAMED },
      },
    },
    objects: {
      type: 'array',
      items: {
        type: 'object',
        required: ['object', 'orgWideDefault', 'actions', 'fieldLevels'],
        properties: {
          object: OBJECT,
          orgWideDefault: { type: 'string', enum: [...ORG_WIDE_DEFAULTS] },
          actions: {
            type: 'array',
            items: {
              type: 'object',
              required: ['action', 'scope', 'roles', 'blockedBy'],
              properties: {
                action: { type: 'string', enum: [...RECORD_ACTIONS] },
                scope: { type: 'string', enum: [...DATA_SCOPES] },
                roles: { type: 'array', items: NAMED },
                blockedBy: NULLABLE_NAMED,
              },
            },
          },
          fieldLevels: {
            type: 'object',
            description: 'The fields the caller does not edit; a field not named is edit',
            additionalProperties: {
              type: 'string',
              enum: FIELD_LEVELS.filter((l) => l !== 'edit'),
            },
          },
        },
      },
    },
    groups: { type: 'array', items: NAMED },
    teams: {
      type: 'object',
      required: ['count', 'countExact', 'customers'],
      properties: {
        count: COUNT,
        countExact: { type: 'boolean' },
        customers: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'name'],
            properties: { id: STRING, name: NULLABLE_STRING },
          },
        },
      },
    },
    grants: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'object', 'access', 'target', 'startsAt', 'expiresAt', 'via'],
        properties: {
          id: STRING,
          object: OBJECT,
          access: { type: 'string', enum: [...ACCESS_LEVELS] },
          target: {
            type: 'object',
            required: ['kind', 'id', 'name', 'includeSubdepartments'],
            properties: {
              kind: { type: 'string', enum: ['record', 'department', 'owner', 'all'] },
              id: NULLABLE_STRING,
              name: NULLABLE_STRING,
              includeSubdepartments: { type: 'boolean' },
            },
          },
          startsAt: NULLABLE_STRING,
          expiresAt: NULLABLE_STRING,
          via: {
            type: 'object',
            required: ['kind'],
            properties: {
              kind: { type: 'string', enum: ['user', 'group'] },
              groupId: STRING,
              groupName: STRING,
            },
          },
        },
      },
    },
    sharingRules: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'object', 'access'],
        properties: {
          id: STRING,
          name: STRING,
          object: OBJECT,
          access: { type: 'string', enum: ['read', 'edit'] },
        },
      },
    },
    pools: { type: 'array', items: NAMED },
    reach: {
      type: 'object',
      required: ['object', 'action', 'total', 'totalExact', 'paths'],
      properties: {
        object: OBJECT,
        action: { type: 'string', enum: ['read'] },
        total: COUNT,
        totalExact: { type: 'boolean' },
        paths: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'count', 'exact'],
            properties: {
              path: { type: 'string', enum: [...REACH_PATHS] },
              count: COUNT,
              exact: { type: 'boolean' },
            },
          },
        },
      },
    },
  },
} as const;

const OVERVIEW_SCHEMA = {
  type: 'object',
  required: [
    'usersPerRole',
    'usersPerDepartment',
    'customersPerSensitivity',
    'customersPerDepartment',
    'recentChanges',
  ],
  properties: {
    usersPerRole: {
      type: 'array',
      items: {
        type: 'object',
        required: ['roleId', 'roleName', 'activeUsers'],
        properties: { roleId: STRING, roleName: STRING, activeUsers: COUNT },
      },
    },
    usersPerDepartment: {
      type: 'array',
      items: {
        type: 'object',
        required: ['departmentId', 'departmentName', 'activeUsers'],
        properties: {
          departmentId: NULLABLE_STRING,
          departmentName: NULLABLE_STRING,
          activeUsers: COUNT,
        },
      },
    },
    customersPerSensitivity: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sensitivity', 'customers'],
        properties: { sensitivity: { type: 'string', enum: [...SENSITIVITIES] }, customers: COUNT },
      },
    },
    customersPerDepartment: {
      type: 'array',
      items: {
        type: 'object',
        required: ['departmentId', 'departmentName', 'customers'],
        properties: {
          departmentId: NULLABLE_STRING,
          departmentName: NULLABLE_STRING,
          customers: COUNT,
        },
      },
    },
    recentChanges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['version', 'seq', 'at', 'actor', 'kind', 'entity', 'summary'],
        properties: {
          version: COUNT,
          seq: COUNT,
          at: STRING,
          actor: NULLABLE_NAMED,
          kind: STRING,
          entity: {
            type: 'object',
            required: ['kind', 'id', 'name'],
            properties: { kind: STRING, id: NULLABLE_STRING, name: NULLABLE_STRING },
          },
          summary: LOCALIZED,
        },
      },
    },
  },
} as const;

/** The admin home needs `role_admin`: it is about roles, their holders and permission changes. */
const OVERVIEW_PERMISSION: RoutePermission = { kind: 'function', name: 'role_admin' };

/**
 * What the console reads that no other route answers: "my access" (every user) and the admin
 * home's figures. Both are computed by the engine (and counted in SQL over its `filter` and
 * `reach`), never by the browser.
 */
export async function consoleDataRoutes(app: FastifyInstance): Promise<void> {
  app.get<{ Querystring: { object: ObjectType } }>(
    '/v1/auth/me/access',
    {
      config: { permission: { kind: 'authenticated' } },
      schema: {
        tags: ['auth'],
        summary:
          'My access: roles, scope per object and action, functions, clearance, field levels, groups, teams, grants, sharing rules, pools, and how many records I reach through each access path',
        querystring: MY_ACCESS_QUERY,
        response: { 200: MY_ACCESS_SCHEMA, 400: ERROR_BODY_SCHEMA },
      },
    },
    async (request) => myAccess(app.custos.database.db, request.custos, request.query.object),
  );

  app.get(
    '/v1/admin/overview',
    {
      config: { permission: OVERVIEW_PERMISSION },
      schema: {
        tags: ['admin: roles'],
        summary:
          'The admin home: users per role and department, the customers I may read per sensitivity and owning department, recent permission changes',
        response: { 200: OVERVIEW_SCHEMA, 403: ERROR_BODY_SCHEMA },
      },
    },
    async (request) => adminOverview(app.custos.database.db, request.custos),
  );
}
