import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every response but the API documentation: the API answers JSON,
 * which a browser must never run, style, frame or submit anything from.
 */
export const API_CSP =
  "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none';object-src 'none'";

/**
 * The CSP of swagger-ui at `/docs`: its scripts and styles are files served from `/docs/static`
 * (no inline script or style; `@fastify/swagger-ui`'s `csp.json` lists no hash), it loads the
 * OpenAPI document and sends "try it out" requests to this origin, and its stylesheet embeds
 * `data:` images. Nothing else: no eval, no inline script, no framing.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** HSTS sent on HTTPS responses: a year, subdomains included. */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * True when the request addressed this machine itself (`localhost`, `127.0.0.1`, `::1`): no
 * network lies between browser and server, and a browser that remembered HSTS for `localhost`
 * would force every other local development server to HTTPS for a year.
 */
export function isLoopbackHost(host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(`https://${host}`).hostname;
  } catch {
    return false;
  }
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  );
}

/** True for the API's paths, `/v1` and below. */
export function isApiPath(url: string): boolean {
  const path = url.split('?', 1)[0] ?? '';
  return path === '/v1' || path.startsWith('/v1/');
}

/**
 * Security headers on every response (ASVS V3.4): `@fastify/helmet` with a strict CSP
 * (`API_CSP`; the docs routes override it with `DOCS_CSP`), `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options: DENY` and `frame-ancestors 'none'`, `Referrer-Policy: no-referrer`, the
 * cross-origin isolation headers; HSTS only on a request that came over HTTPS (this server's own
 * TLS, or a trusted proxy's `X-Forwarded-Proto`) to a name other than the loopback; `Cache-Control: no-store` on every `/v1`
 * response, errors and 404s included.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'none'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent per request below: only an HTTPS response may carry it (RFC 6797 §7.2).
    hsts: false,
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.protocol === 'https' && !isLoopbackHost(request.host))
      reply.header('strict-transport-security', HSTS);
  });
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
  });
}
