import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { ID_MAX_LENGTH } from '@custos/engine';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../http/app-error.ts';
import { isApiPath } from '../../http/security-headers.ts';
import { CONSOLE_CSP } from './console-csp.ts';

/** Where `npm run build -w packages/web` writes the console (the server serves it at `/`). */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Hashed build output: the name changes with the content, so a year's cache is safe. */
const ASSETS_PREFIX = '/assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** True when the console has been built into `dir` (its `index.html` exists). */
export function consoleBuilt(dir: string = DEFAULT_CONSOLE_DIR): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** The API documentation's prefix (swagger-ui; `app.ts`'s `DOCS_PREFIX`). */
const DOCS_PREFIX = '/docs';

const PUBLIC = { permission: { kind: 'public' as const } };

/**
 * The web console at `/`: its files from the build directory, `index.html` for every other path
 * that is not the API's or the documentation's (the console's own router reads the path: history
 * fallback), hashed assets cached for a year, `index.html` revalidated each time. An unknown
 * `/v1/…` or `/docs/…` path stays the API's JSON 404.
 */
export function consoleRoutes(dir: string = DEFAULT_CONSOLE_DIR): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyStatic, { root: dir, serve: false, index: false });

    const sendIndex = (reply: FastifyReply): FastifyReply | Promise<FastifyReply> => {
      if (!consoleBuilt(dir))
        return reply
          .code(503)
          .type('text/plain; charset=utf-8')
          .header('cache-control', 'no-store')
          .send(
            'The Custos console is not built. Run `npm run build -w packages/web` (or `npm start`, which builds it).\n',
          );
      reply.header('content-security-policy', CONSOLE_CSP);
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    };

    app.get('/', { config: PUBLIC, schema: { hide: true } }, (_request, reply) => sendIndex(reply));

    app.get(
      '/*',
      { config: PUBLIC, schema: { hide: true } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        let path: string;
        try {
          path = decodeURIComponent(request.url.split('?', 1)[0] ?? '/');
        } catch {
          throw new AppError('REQUEST_INVALID', 'the path is not valid percent-encoded UTF-8', {
            field: 'url',
          });
        }
        if (isApiPath(path) || path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`)) {
          // The router falls back to this route when a path parameter is longer than it takes
          // (an id past `ID_MAX_LENGTH`): refused as the route's schema would, naming the params.
          if (path.split('/').some((segment) => segment.length > ID_MAX_LENGTH))
            throw new AppError(
              'REQUEST_INVALID',
              `a path parameter is longer than ${ID_MAX_LENGTH} characters`,
              { field: 'params' },
            );
          return reply.callNotFound();
        }
        const file = await staticFile(dir, path);
        if (file !== undefined) {
          reply.header('content-security-policy', CONSOLE_CSP);
          reply.header('cache-control', path.startsWith(ASSETS_PREFIX) ? IMMUTABLE : 'no-cache');
          return reply.sendFile(file, { cacheControl: false });
        }
        // A missing hashed asset is a 404, not the page: a stale tab must not run HTML as script.
        if (path.startsWith(ASSETS_PREFIX)) return reply.callNotFound();
        return sendIndex(reply);
      },
    );
  };
}

/** The build file a path names, relative to `dir`; undefined when none (or outside `dir`). */
async function staticFile(dir: string, path: string): Promise<string | undefined> {
  const relative = normalize(path).replace(/^[/\\]+/, '');
  if (relative === '' || relative.split(sep).includes('..')) return undefined;
  try {
    const info = await stat(join(dir, relative));
    return info.isFile() ? relative : undefined;
  } catch {
    return undefined;
  }
}
