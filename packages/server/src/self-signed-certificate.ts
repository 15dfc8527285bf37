import { X509Certificate } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** Where a self-signed certificate lives under a data dir. */
export const SELF_SIGNED_DIR = 'tls';

export interface SelfSignedCertificate {
  certFile: string;
  keyFile: string;
  /** SHA-256 fingerprint, to compare with what the browser shows. */
  fingerprint: string;
  /** True when it was made now (false: an earlier one was still valid). */
  created: boolean;
}

const DAY = 86_400_000;

/** The certificate at `certFile` when it is valid for localhost for at least another day. */
async function usable(certFile: string, now: number): Promise<X509Certificate | undefined> {
  try {
    const cert = new X509Certificate(await readFile(certFile));
    const valid = Date.parse(cert.validTo) - now > DAY && Date.parse(cert.validFrom) <= now;
    return valid && cert.checkHost('localhost') !== undefined ? cert : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A self-signed certificate for `localhost`, `127.0.0.1` and `::1` (ECDSA P-256, SHA-256, 90
 * days), kept in `<dir>/tls/` (`localhost-cert.pem`, `localhost-key.pem`, the key readable by its
 * owner only) and reused while valid: for `custos demo --https`, never for production.
 */
export async function ensureSelfSignedCertificate(
  dir: string,
  now: number = Date.now(),
): Promise<SelfSignedCertificate> {
  const tlsDir = join(dir, SELF_SIGNED_DIR);
  const certFile = join(tlsDir, 'localhost-cert.pem');
  const keyFile = join(tlsDir, 'localhost-key.pem');
  const existing = await usable(certFile, now);
  if (existing !== undefined)
    return { certFile, keyFile, fingerprint: existing.fingerprint256, created: false };
  const notBeforeDate = new Date(now - 60_000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(now + 90 * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(tlsDir, { recursive: true, mode: 0o700 });
  await writeFile(keyFile, pems.private, { mode: 0o600 });
  await writeFile(certFile, pems.cert, { mode: 0o644 });
  return {
    certFile,
    keyFile,
    fingerprint: new X509Certificate(pems.cert).fingerprint256,
    created: true,
  };
}
