import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/**
 * Text that cannot hurt: every string a client sends — JSON body (keys and values), query string,
 * path parameters — is valid UTF-8 without NUL (`\u0000`, which PostgreSQL text cannot hold and
 * C-string code truncates at) nor a lone UTF-16 surrogate, and no JSON key is `__proto__`. Refused with `REQUEST_INVALID`
 * naming the field (`body/fields/name`, `querystring/q`, `params/id`) before any handler runs.
 */

const NUL = '\u0000';
/** Half of a UTF-16 surrogate pair alone (`"\ud800"` in JSON): no Unicode text, no UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
/** Keys that would reach an object's prototype when copied with `obj[key] = …`. */
const PROTOTYPE_KEY = '__proto__';

function refuse(field: string, what: string): AppError {
  return new AppError('REQUEST_INVALID', `${field} ${what}`, { field });
}

/**
 * Check a parsed JSON value: no NUL in a string or a key, no `__proto__` key. Iterative (a deeply
 * nested body cannot exhaust the stack); `field` names the first offender as `body/a/0/b`.
 */
export function checkJsonText(value: unknown, root = 'body'): void {
  const stack: { value: unknown; at: string }[] = [{ value, at: root }];
  while (stack.length > 0) {
    const { value: current, at } = stack.pop() as { value: unknown; at: string };
    if (typeof current === 'string') {
      if (current.includes(NUL)) throw refuse(at, 'must not contain NUL (\\u0000)');
      if (LONE_SURROGATE.test(current)) throw refuse(at, 'is not valid Unicode text');
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push({ value: item, at: `${at}/${i}` }));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        if (key.includes(NUL) || LONE_SURROGATE.test(key))
          throw refuse(at, 'must not have a key containing NUL (\\u0000) or a lone surrogate');
        if (key === PROTOTYPE_KEY) throw refuse(`${at}/${key}`, 'is not an allowed name');
        stack.push({ value: item, at: `${at}/${key}` });
      }
    }
  }
}

/**
 * The JSON body parser: UTF-8 only, an empty body is no body (a bodiless `DELETE` may still say
 * `content-type: application/json`), then `checkJsonText`.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  if (!isUtf8(body)) throw refuse('body', 'is not valid UTF-8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw refuse('body', 'is not valid JSON');
  }
  checkJsonText(parsed);
  return parsed;
}

/** `%XX` escapes (and `+`) of a URL part as the bytes they stand for. */
function percentBytes(text: string, plusIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === 0x2b && plusIsSpace) {
      bytes.push(0x20);
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      // A raw non-ASCII character: its UTF-8 (a lone surrogate becomes U+FFFD, still valid).
      const end = c >= 0xd800 && c <= 0xdbff ? i + 2 : i + 1;
      bytes.push(...Buffer.from(text.slice(i, end), 'utf8'));
      i = end - 1;
    }
  }
  return Buffer.from(bytes);
}

/** A decoded URL part that is valid UTF-8 without NUL, or undefined. */
function cleanText(raw: string, plusIsSpace: boolean): string | undefined {
  const bytes = percentBytes(raw, plusIsSpace);
  if (!isUtf8(bytes) || bytes.includes(0)) return undefined;
  return bytes.toString('utf8');
}

/** Check the raw query string: each name and value valid UTF-8 without NUL. */
export function checkQueryText(rawUrl: string): void {
  const at = rawUrl.indexOf('?');
  if (at < 0) return;
  for (const pair of rawUrl.slice(at + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    const name = cleanText(rawName, true);
    if (name === undefined)
      throw refuse('querystring', 'has a parameter name that is not valid UTF-8 text without NUL');
    if (eq >= 0 && cleanText(pair.slice(eq + 1), true) === undefined)
      throw refuse(`querystring/${name}`, 'must be valid UTF-8 text without NUL (\\u0000)');
  }
}

/** Check the path parameters (decoded by the router): no NUL. */
export function checkParamsText(params: unknown): void {
  if (typeof params !== 'object' || params === null) return;
  for (const [name, value] of Object.entries(params))
    if (typeof value === 'string' && value.includes(NUL))
      throw refuse(`params/${name}`, 'must not contain NUL (\\u0000)');
}

/** The hook: query string and path parameters, as the request arrives. */
async function textHook(request: FastifyRequest): Promise<void> {
  checkQueryText(request.raw.url ?? request.url);
  checkParamsText(request.params);
}

/**
 * Install the JSON parser and the URL text check. The text check runs on `onRequest` before the
 * access hook: it says nothing about the route, only that the URL is not text.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addHook('onRequest', textHook);
}
