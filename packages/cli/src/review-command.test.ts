/**
 * `custos review` on the database (no server): start a campaign (a mistyped scope refused naming
 * the field), follow its progress, export signed CSV and PDF evidence with progress, and verify
 * them — one changed byte makes `verify` exit 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { keyringFromConfig, loadDemo } from '@custos/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, TEST_NOW, type CliSandbox } from './cli-test-support.ts';

const DAY = 86_400_000;
const SECRET = { CUSTOS_SECRET: 'review-test-secret-0123456789abcdefghijklmnop' };

describe('custos review', () => {
  let box: CliSandbox;
  beforeAll(async () => {
    box = await cliSandbox();
    const keyring = await keyringFromConfig({
      secret: SECRET.CUSTOS_SECRET,
      kekFile: undefined,
      shredLedger: undefined,
    });
    await box.withDatabase((database) =>
      loadDemo(database, { keyring, customers: 20, now: TEST_NOW, sharedPasswordHash: 'unused' }),
    );
  });
  afterAll(async () => {
    await box.remove();
  });

  it('starts, follows, exports and verifies a campaign', async () => {
    const deadline = new Date(TEST_NOW + 14 * DAY).toISOString();
    const base = [
      'review',
      'start',
      '--name',
      'Q3',
      '--reviewers',
      'manager',
      '--deadline',
      deadline,
    ];
    const bad = await box.run([...base, '--scope', 'role:no-such-role', '--as', 'zhoumin']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('body/scope/roleId');
    const noOwner = await box.run([...base, '--scope', 'role:finance']);
    expect(noOwner.code).toBe(2);

    const started = await box.run([
      ...base,
      '--scope',
      'role:finance',
      '--remind',
      '7,1',
      '--as',
      'zhoumin',
    ]);
    expect(started.code, started.err).toBe(0);
    const id = /Started (rc-[\w-]+): (\d+) item/.exec(started.out);
    expect(id).not.toBeNull();
    expect(Number(id![2])).toBe(5);
    expect(started.out).toMatch(/Snapshot SHA-256: [0-9a-f]{64}/);

    const status = await box.run(['review', 'status']);
    expect(status.out).toContain(`${id![1]}  open`);
    expect(status.out).toContain('0/5 decided');
    const one = await box.run(['review', 'status', id![1]!]);
    expect(one.out).toMatch(/shenlijuan\s+0\/4 decided/);

    for (const format of ['csv', 'pdf']) {
      const out = `evidence.${format}`;
      const exported = await box.run(
        ['review', 'export', id![1]!, '--format', format, '--out', out],
        { env: SECRET },
      );
      expect(exported.code, exported.err).toBe(0);
      expect(exported.err).toContain(`evidence ${id![1]}`);
      const ok = await box.run(['review', 'verify', out], { env: SECRET });
      expect(ok.code, ok.err).toBe(0);
      expect(ok.out).toContain('VALID');
      const bytes = await readFile(join(box.dir, out));
      bytes[100] = (bytes[100] as number) ^ 0x20;
      await writeFile(join(box.dir, `tampered.${format}`), bytes);
      const tampered = await box.run(['review', 'verify', `tampered.${format}`], { env: SECRET });
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain('INVALID');
      // Another server's key does not verify it either.
      const otherKey = await box.run(['review', 'verify', out], {
        env: { CUSTOS_SECRET: 'another-secret-0123456789abcdefghijklmnopqrstuv' },
      });
      expect(otherKey.code).toBe(1);
    }
  });
});
