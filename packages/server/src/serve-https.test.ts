/**
 * HTTPS: `startServer` with `tlsCert`/`tlsKey` serves TLS 1.2 and 1.3 only, HTTPS only; its
 * session cookie is `Secure` and its responses carry HSTS.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type SecureVersion } from 'node:tls';
import { DEMO_PASSWORD } from '@custos/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { HSTS } from './http/security-headers.ts';
import { hashPassword } from './modules/auth/password.ts';
import { loadDemo } from './seed/load-demo.ts';
import { ensureSelfSignedCertificate } from './self-signed-certificate.ts';
import { startServer, type RunningServer } from './start-server.ts';
import { readTlsFiles } from './tls-options.ts';

let dataDir: string;
let server: RunningServer;
let ca: Buffer;
let port: number;

/** Open a TLS connection limited to the given versions; its protocol, or the error. */
function handshake(
  minVersion: SecureVersion,
  maxVersion: SecureVersion,
): Promise<{ protocol: string | null } | { error: Error }> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ca,
      minVersion,
      maxVersion,
      // Let this client offer TLS 1.0/1.1 at all (OpenSSL 3 refuses them at its default level):
      // the refusal then comes from the server.
      ciphers: 'DEFAULT@SECLEVEL=0',
    });
    socket.once('secureConnect', () => {
      resolve({ protocol: socket.getProtocol() });
      socket.end();
    });
    socket.once('error', (error) => resolve({ error }));
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function https(method: string, path: string, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port,
        servername: 'localhost',
        ca,
        method,
        path,
        // The name a client would address (HSTS is not sent for the loopback).
        headers: {
          host: `crm.example.com:${port}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('serving over HTTPS', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'custos-https-'));
    const made = await ensureSelfSignedCertificate(dataDir);
    ca = await readFile(made.certFile);
    server = await startServer(
      loadConfig(
        {},
        { port: 0, dataDir, logLevel: 'silent', tlsCert: made.certFile, tlsKey: made.keyFile },
      ),
    );
    port = Number(new URL(server.url).port);
    await loadDemo(server.database, {
      keyring: server.app.custos.keyring,
      customers: 2,
      now: Date.now(),
      sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
    });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a client limited to TLS 1.1 and accepts TLS 1.2 and 1.3', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const old = await handshake('TLSv1', 'TLSv1.1');
    expect('error' in old && old.error.message).toMatch(/alert protocol version/i);
    expect(await handshake('TLSv1.2', 'TLSv1.2')).toEqual({ protocol: 'TLSv1.2' });
    expect(await handshake('TLSv1.3', 'TLSv1.3')).toEqual({ protocol: 'TLSv1.3' });
  });

  it('serves HTTPS only: a plain HTTP request gets no answer', async () => {
    const answer = await new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/healthz' }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (error) => resolve(`refused: ${error.message}`));
      req.end();
    });
    expect(answer).toMatch(/^refused: /);
  });

  it('sends HSTS and marks the session cookie Secure over HTTPS', async () => {
    const health = await https('GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['strict-transport-security']).toBe(HSTS);
    const login = await https('POST', '/v1/auth/login', {
      email: 'li.lei@yunshan.example',
      password: DEMO_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.headers['strict-transport-security']).toBe(HSTS);
    const cookies = login.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/;\s*Secure/i);
    expect(cookies[0]).toMatch(/;\s*HttpOnly/i);
  });

  it('keeps its self-signed certificate for localhost, the key readable by its owner only', async () => {
    const again = await ensureSelfSignedCertificate(dataDir);
    expect(again.created).toBe(false);
    expect((await stat(again.keyFile)).mode & 0o077).toBe(0);
    // An expired or foreign certificate is replaced.
    const later = await ensureSelfSignedCertificate(dataDir, Date.now() + 365 * 86_400_000);
    expect(later.created).toBe(true);
    expect(later.fingerprint).not.toBe(again.fingerprint);
  });
});

describe('TLS settings', () => {
  it('names the setting when a certificate file is missing or does not match its key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'custos-tls-'));
    try {
      const a = await ensureSelfSignedCertificate(join(dir, 'a'));
      const b = await ensureSelfSignedCertificate(join(dir, 'b'));
      await expect(
        readTlsFiles({ tlsCert: join(dir, 'none.pem'), tlsKey: a.keyFile }),
      ).rejects.toThrow(/^CUSTOS_TLS_CERT: cannot read the certificate file/);
      await expect(readTlsFiles({ tlsCert: a.certFile, tlsKey: b.keyFile })).rejects.toThrow(
        ConfigError,
      );
      await writeFile(join(dir, 'junk.pem'), 'not a key');
      await expect(
        readTlsFiles({ tlsCert: a.certFile, tlsKey: join(dir, 'junk.pem') }),
      ).rejects.toThrow(/^CUSTOS_TLS_KEY: /);
      expect(await readTlsFiles({ tlsCert: undefined, tlsKey: undefined })).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
