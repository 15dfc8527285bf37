import type { PolicyIndex, PolicyModel } from '@custos/engine';
import type { ApiToken, Database, Keyring } from '@custos/store';
import type { Config } from '../config.ts';
import type { CursorSeal } from './cursor-seal.ts';
import type { PolicyCache } from './policy-cache.ts';
import type { RoutePermission } from './route-permission.ts';
import type { ServerKeys } from './server-keys.ts';
import type { UsageMeter } from './usage-meter.ts';
import type {} from 'fastify';

/**
 * What every authenticated request carries (`request.custos`), set by the access hook before the
 * handler runs: who is asking, in which tenant, and the policy as of this request (the tenant's
 * policy version is read on every request, so a committed change is always seen).
 */
export interface RequestContext {
  tenantId: string;
  userId: string;
  /** The policy at the version read for this request. */
  model: PolicyModel;
  index: PolicyIndex;
  version: number;
  /** "Now" for this request, ms since the epoch (grants' time bounds use it). */
  now: number;
  locale: 'zh-CN' | 'en-US';
  /** Set when an API token (not a session) authenticated the request (ADR 0009). */
  apiToken?: ApiToken;
  /**
   * Set when the request is served as another user (`x-custos-view-as`, `view-as.ts`): `userId`
   * is then the target and `actorId` the signed-in user who asked.
   */
  viewAs?: { actorId: string };
  /** The request's session: its public id, start, and when it last passed a second factor. */
  session?: { publicId: string; createdAt: number; mfaAt: number | null };
  /**
   * The tenant keys (`app.custos.keyring`): record writes seal encrypted fields with them, reads
   * open the fields the caller reads in clear (docs/encryption.md).
   */
  keyring?: Keyring;
}

/** What the app holds for every request (`app.custos`). */
export interface AppServices {
  database: Database;
  /** The clock; tests pass a fixed one. */
  clock: () => number;
  /** The server's configuration. */
  config: Config;
  /** Per-tenant policy at its current version (read per request: zero staleness). */
  policy: PolicyCache;
  /** Every registered route with its permission, in registration order. */
  routes: readonly RegisteredRoute[];
  /** Keys derived from the server secret (`CUSTOS_SECRET`), one per use. */
  keys: ServerKeys;
  /** Seals and opens list cursors. */
  cursors: CursorSeal;
  /** Counts the permissions users exercise (`usage_daily`). */
  usage: UsageMeter;
  /** Every tenant's encryption keys, wrapped by the key-encryption key (docs/encryption.md). */
  keyring: Keyring;
}

/** A route as the permission snapshot lists it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  permission: RoutePermission;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route declares it; see `route-permission.ts`. */
    permission?: RoutePermission;
  }
  interface FastifyRequest {
    /** Set for every route whose permission is not `public`. */
    custos: RequestContext;
  }
  interface FastifyInstance {
    custos: AppServices;
  }
}
