import AjvCompiler from '@fastify/ajv-compiler';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { ID_MAX_LENGTH } from '@custos/engine';
import type { Database, Keyring } from '@custos/store';
import type { DestinationStream } from 'pino';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type RawRequestDefaultExpression,
} from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { accessHook } from './http/access-hook.ts';
import { viewAsHook } from './http/view-as.ts';
import { browserGuard, STATE_CHANGING_METHODS } from './http/browser-guard.ts';
import { CSRF_HEADER, csrfTokenHook } from './http/csrf-token.ts';
import { loggerOptions as appLoggerOptions } from './http/log-options.ts';
import { DOCS_CSP, installSecurityHeaders } from './http/security-headers.ts';
import { CursorSeal } from './http/cursor-seal.ts';
import { installErrorHandlers, toErrorResponse } from './http/error-handler.ts';
import { installInputGuard } from './http/input-guard.ts';
import { PolicyCache } from './http/policy-cache.ts';
import type { RegisteredRoute, RequestContext } from './http/request-context.ts';
import { describePermission, type RoutePermission } from './http/route-permission.ts';
import { sessionCookieName } from './http/session-cookie.ts';
import { createServerKeys } from './http/server-keys.ts';
import { loadKeyring } from './modules/encryption/load-keyring.ts';
import { authRoutes } from './modules/auth/auth-routes.ts';
import { csrfRoutes } from './modules/auth/csrf-routes.ts';
import { authzRoutes } from './modules/authz/authz-routes.ts';
import { systemRoutes } from './modules/system/system-routes.ts';
import { directoryRoutes } from './modules/directory/directory-routes.ts';
import { crmRoutes } from './modules/crm/crm-routes.ts';
import { accountRoutes } from './modules/accounts/account-routes.ts';
import { exchangeRoutes } from './modules/crm/exchange-routes.ts';
import { tokenRoutes } from './modules/tokens/token-routes.ts';
import { mfaRoutes } from './modules/auth/mfa/mfa-routes.ts';
import { consoleRoutes } from './modules/console/console-routes.ts';
import { consoleDataRoutes } from './modules/console-data/console-data-routes.ts';
import { sodRoutes } from './modules/sod/sod-routes.ts';
import { UsageMeter, usageHook } from './http/usage-meter.ts';
import { monitoringRoutes } from './modules/monitoring/monitoring-routes.ts';

/** How often counted permission use is written to `usage_daily`. */
const USAGE_FLUSH_MS = 5_000;
import { reviewRoutes } from './modules/reviews/review-routes.ts';
import { requestRoutes } from './modules/requests/request-routes.ts';
import { notificationRoutes } from './modules/requests/notification-routes.ts';
import { fourEyesRoutes } from './modules/four-eyes/four-eyes-routes.ts';
import { auditModule } from './modules/audit/audit-module.ts';
import { auditChainRoutes } from './modules/audit-chain/audit-chain-routes.ts';
import { backupRoutes } from './modules/backups/backup-routes.ts';
import { doNotSellRoutes } from './modules/retention/do-not-sell-routes.ts';
import { retentionRoutes } from './modules/retention/retention-routes.ts';
import { encryptionRoutes } from './modules/encryption/encryption-routes.ts';
import { privacyRoutes } from './modules/privacy/privacy-routes.ts';

/** A server module: a Fastify plugin registering its routes (each with `config.permission`). */
export interface AppModule {
  name: string;
  routes: FastifyPluginAsync;
}

/**
 * Every module of the server, registered by `buildApp` in this order.
 * ─── Other modules: append one line here (`{ name: 'crm', routes: crmRoutes },`). ───
 */
export const MODULES: readonly AppModule[] = [
  { name: 'system', routes: systemRoutes },
  { name: 'auth', routes: authRoutes },
  { name: 'authz', routes: authzRoutes },
  { name: 'directory', routes: directoryRoutes },
  { name: 'crm', routes: crmRoutes },
  { name: 'csrf', routes: csrfRoutes },
  { name: 'tokens', routes: tokenRoutes },
  { name: 'exchange', routes: exchangeRoutes },
  { name: 'accounts', routes: accountRoutes },
  { name: 'mfa', routes: mfaRoutes },
  { name: 'console-data', routes: consoleDataRoutes },
  { name: 'reviews', routes: reviewRoutes },
  { name: 'monitoring', routes: monitoringRoutes },
  { name: 'access-requests', routes: requestRoutes },
  { name: 'notifications', routes: notificationRoutes },
  { name: 'four-eyes', routes: fourEyesRoutes },
  { name: 'sod', routes: sodRoutes },
  { name: 'audit', routes: auditModule },
  { name: 'audit-chain', routes: auditChainRoutes },
  { name: 'backups', routes: backupRoutes },
  { name: 'do-not-sell', routes: doNotSellRoutes },
  { name: 'retention', routes: retentionRoutes },
  { name: 'encryption', routes: encryptionRoutes },
  { name: 'privacy', routes: privacyRoutes },
  // Last: its `GET /*` answers every other path with the console (history fallback).
  { name: 'console', routes: consoleRoutes() },
];

/** The longest path parameter any route's schema allows (an id, `ID_MAX_LENGTH`). */
export const MAX_PATH_PARAM_LENGTH = ID_MAX_LENGTH;

/** Routes under this prefix are the API documentation (swagger-ui): public. */
export const DOCS_PREFIX = '/docs';

/** Ajv options of every schema (coercion is set per part of the request). */
const AJV_OPTIONS = {
  allErrors: false,
  removeAdditional: false,
  useDefaults: true,
  allowUnionTypes: true,
  // The admin change batch is a union on `kind` (errors name the branch's field).
  discriminator: true,
} as const;

export interface BuildAppOptions {
  database: Database;
  /** "Now" in ms since the epoch; default `Date.now`. */
  clock?: () => number;
  /** A logger instance, or false for none; default a pino logger at `config.logLevel`. */
  logger?: FastifyBaseLogger | false;
  /** Settings over the defaults (not the environment: `loadConfig` reads that). */
  config?: Partial<Config>;
  /** The modules to register; default `MODULES`. */
  modules?: readonly AppModule[];
  /** Where the app's own logger (when `logger` is undefined) writes; default stdout. */
  logStream?: DestinationStream;
  /** Serve HTTPS only with this certificate and key (PEM); TLS 1.2 at least. */
  https?: { cert: string | Buffer; key: string | Buffer };
  /** The keyring (the one a loader sealed the data with); default: built from `config`. */
  keyring?: Keyring;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request id: the caller's `x-request-id` when well-formed, else a fresh UUID. */
function requestIdOf(request: RawRequestDefaultExpression): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The Custos HTTP app, ready (every route registered): cookies, OpenAPI 3.1 at `/docs/json` with
 * each operation's `x-permission`, swagger-ui at `/docs`, one error handler, request ids, and the
 * access hook. Registering a route without `config.permission` fails here, at startup.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config = loadConfig({}, options.config ?? {});
  const loggerOptions =
    options.logger === undefined
      ? { logger: appLoggerOptions(config, options.logStream) }
      : options.logger === false
        ? { logger: false }
        : { loggerInstance: options.logger };
  const app = Fastify({
    ...loggerOptions,
    genReqId: requestIdOf,
    requestIdHeader: false,
    exposeHeadRoutes: false,
    trustProxy: config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ...(options.https === undefined
      ? {}
      : { https: { ...options.https, minVersion: 'TLSv1.2' as const } }),
    // The router's limit on a path parameter is the schemas' (an id: 128 characters), so a long
    // id is refused by its schema, naming it, not answered as an unknown route.
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    // A path that is not UTF-8 (`/v1/customers/%ff`) is answered like any other bad input.
    frameworkErrors: (error, _request, reply) => {
      const { status, body } = toErrorResponse(error);
      void (reply as unknown as FastifyReply).code(status).send(body);
    },
  }) as unknown as FastifyInstance;
  // Query strings, parameters and headers are text: their values are coerced to the schema's types
  // (`limit=50`). A JSON body is typed already and is never coerced: coercion would turn a
  // `null` expiry into 0 (expired in 1970) or a number into a string, silently.
  const compilers = AjvCompiler();
  const textParts = compilers({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' } });
  const jsonBody = compilers({}, { customOptions: { ...AJV_OPTIONS, coerceTypes: false } });
  app.setValidatorCompiler((route) =>
    route.httpPart === 'body' ? jsonBody(route) : textParts(route),
  );

  const routes: RegisteredRoute[] = [];
  const policy = new PolicyCache(options.database, {
    onError: (error) =>
      app.log.warn({ err: error }, 'policy catch-up failed; the next request retries'),
  });
  // On PostgreSQL other nodes commit too: apply their changes as they are announced.
  if (options.database.backend === 'postgres') {
    await policy.listen();
    app.addHook('onClose', () => policy.stop());
  }
  const keys = createServerKeys(config.secret);
  if (keys.ephemeral)
    app.log.warn(
      'CUSTOS_SECRET is not set: list cursors use a random key of this process and end with it',
    );
  const clock = options.clock ?? Date.now;
  const keyring = options.keyring ?? (await loadKeyring(config, keys, clock));
  if (config.kekFile === undefined && keys.ephemeral)
    app.log.warn(
      'neither CUSTOS_KEK_FILE nor CUSTOS_SECRET is set: encrypted fields use a key of this process only and are unreadable after it ends',
    );
  const usage = new UsageMeter(options.database);
  usage.start(USAGE_FLUSH_MS, (error) =>
    app.log.warn({ err: error }, 'writing permission usage counts failed'),
  );
  app.addHook('onClose', () => usage.stop());
  app.decorate('custos', {
    database: options.database,
    clock,
    config,
    policy,
    routes,
    keys,
    cursors: new CursorSeal(keys.key('cursor')),
    usage,
    keyring,
  });
  app.decorateRequest('custos', null as unknown as RequestContext);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    // The documentation routes (swagger-ui's) declare nothing: they are public by this rule.
    const isDocs = url === DOCS_PREFIX || url.startsWith(`${DOCS_PREFIX}/`);
    if (isDocs && route.config?.permission === undefined) {
      route.config = { ...route.config, permission: { kind: 'public' } };
    }
    const permission: RoutePermission | undefined = route.config?.permission;
    if (permission === undefined)
      throw new Error(
        `route ${String(route.method)} ${url} declares no config.permission; every route must`,
      );
    for (const method of [route.method].flat()) routes.push({ method, url, permission });
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandlers(app);
  await installSecurityHeaders(app);
  installInputGuard(app);

  await app.register(fastifyCookie);
  // CSRF: JSON only and same origin for every state-changing request (ADR 0011).
  app.addHook('onRequest', browserGuard);
  // Access is decided as the request arrives, before its body is parsed or validated: a caller
  // who may not use a route learns nothing about the route's input.
  app.addHook('onRequest', accessHook);
  // View as (查看为): a read served as another user, for holders of `view_as` (docs/view-as.md).
  app.addHook('onRequest', viewAsHook);
  // A cookie-authenticated browser request carries its session's CSRF token (ADR 0011).
  app.addHook('onRequest', csrfTokenHook);
  // Least privilege and monitoring: count the permission each successful request exercised.
  app.addHook('onResponse', usageHook(usage, clock));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Custos API',
        version: '0.1.0',
        description:
          'Custos: a CRM whose heart is customer-data permission management. Every operation ' +
          'carries `x-permission`, the permission the server checks before the handler runs.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.cookieSecure) },
          // A browser's state-changing request with the session cookie (ADR 0011).
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (ADR 0009)' },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const permission = route.config?.permission;
      return {
        schema: {
          ...schema,
          ...(permission === undefined ? {} : { 'x-permission': describePermission(permission) }),
          ...(permission === undefined || permission.kind === 'public'
            ? {}
            : {
                security: [
                  STATE_CHANGING_METHODS.has(String(route.method))
                    ? { session: [], csrf: [] }
                    : { session: [] },
                  { bearer: [] },
                ],
              }),
        } as typeof schema,
        url,
      };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: DOCS_CSP });

  for (const module of options.modules ?? MODULES) await app.register(module.routes);
  await app.ready();
  return app;
}
