/**
 * HTTP throughput of `POST /v1/authz/check`: the server app on PGlite (in memory) with the demo
 * company, listening on an ephemeral loopback port, driven by autocannon with batches of 1 and of
 * 100 checks (about half allowed). The subject is the signed-in user (no `authz_query` needed).
 */
import { decide, type CrmRecord } from '@custos/engine';
import { buildApp, hashPassword, loadDemo, SESSION_COOKIE } from '@custos/server';
import { randomBytes } from 'node:crypto';
import { DEMO_PASSWORD, createKeyring, openPgliteDatabase } from '@custos/store';
import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';

export interface HttpOptions {
  customers: number;
  seconds: number;
  connections: number;
  /** autocannon worker threads (0: in this thread, competing with the server). */
  workers: number;
  now: number;
  log: (line: string) => void;
}

export interface HttpRow {
  batch: number;
  allowedShare: number;
  result: AutocannonResult;
}

export interface HttpReport {
  subject: string;
  email: string;
  setupMs: number;
  rows: HttpRow[];
}

interface Item {
  subject: string;
  action: 'read';
  object: CrmRecord['object'];
  recordId: string;
}

export async function runHttpBench(options: HttpOptions): Promise<HttpReport> {
  const t0 = performance.now();
  const database = await openPgliteDatabase();
  try {
    const keyring = createKeyring({ kek: randomBytes(32) });
    const demo = await loadDemo(database, {
      keyring,
      customers: options.customers,
      now: options.now,
      sharedPasswordHash: await hashPassword(DEMO_PASSWORD),
    });
    const model = demo.company.model;
    const records = demo.company.records;
    const customers = new Map(records.filter((r) => r.object === 'customer').map((r) => [r.id, r]));
    const withParent = (r: CrmRecord): CrmRecord =>
      r.object === 'customer' ? r : { ...r, parent: customers.get(r.customerId) };
    // A login that can read some customers but not most: the checks mix allowed and denied.
    const candidates = demo.logins
      .map((login) => {
        let allowed = 0;
        for (const c of customers.values())
          if (decide(model, login.userId, 'read', c, options.now)) allowed++;
        return { login, share: allowed / customers.size };
      })
      .filter((c) => c.share > 0.01 && c.share < 0.5)
      .sort((a, b) => (a.login.userId < b.login.userId ? -1 : 1));
    const chosen = candidates[0];
    if (chosen === undefined) throw new Error('no demo login sees between 1% and 50% of customers');
    const subject = chosen.login.userId;
    const allowedItems: Item[] = [];
    const deniedItems: Item[] = [];
    for (const r of records) {
      const item: Item = { subject, action: 'read', object: r.object, recordId: r.id };
      (decide(model, subject, 'read', withParent(r), options.now)
        ? allowedItems
        : deniedItems
      ).push(item);
    }
    if (allowedItems.length === 0 || deniedItems.length === 0) {
      throw new Error(`${subject} needs both allowed and denied records`);
    }

    const app = await buildApp({ database, clock: () => options.now, logger: false, keyring });
    try {
      const url = await app.listen({ host: '127.0.0.1', port: 0 });
      const login = await fetch(`${url}/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: chosen.login.email, password: DEMO_PASSWORD }),
      });
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0] ?? '')
        .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (login.status !== 200 || cookie === undefined) {
        throw new Error(`login as ${chosen.login.email} failed: ${login.status}`);
      }
      const headers = { 'content-type': 'application/json', cookie };
      const request = (items: Item[]): AutocannonRequest => ({
        method: 'POST',
        path: '/v1/authz/check',
        headers,
        body: JSON.stringify({ items }),
      });
      // Batch of 1: alternately an allowed and a denied check. Batch of 100: 50 of each,
      // interleaved, from several slices of the records so consecutive requests differ.
      const singles: AutocannonRequest[] = [];
      for (let i = 0; i < 50; i++) {
        singles.push(request([allowedItems[i % allowedItems.length] as Item]));
        singles.push(request([deniedItems[i % deniedItems.length] as Item]));
      }
      const batches: AutocannonRequest[] = [];
      for (let b = 0; b < 8; b++) {
        const items: Item[] = [];
        for (let i = 0; i < 50; i++) {
          items.push(allowedItems[(b * 50 + i) % allowedItems.length] as Item);
          items.push(deniedItems[(b * 50 + i) % deniedItems.length] as Item);
        }
        batches.push(request(items));
      }
      // Check one request of each kind before loading the server with them.
      for (const r of [singles[0], batches[0]] as AutocannonRequest[]) {
        const response = await fetch(`${url}${r.path}`, {
          method: 'POST',
          headers,
          ...(r.body === undefined ? {} : { body: r.body }),
        });
        if (response.status !== 200) {
          throw new Error(`authz/check answered ${response.status}: ${await response.text()}`);
        }
      }
      const setupMs = performance.now() - t0;
      const rows: HttpRow[] = [];
      for (const [batch, requests] of [
        [1, singles],
        [100, batches],
      ] as const) {
        options.log(`  autocannon: batch ${batch}, ${options.seconds} s…`);
        const result = await autocannon({
          url,
          connections: options.connections,
          duration: options.seconds,
          workers: options.workers,
          requests: [...requests],
        });
        rows.push({ batch, allowedShare: 0.5, result });
      }
      return { subject, email: chosen.login.email, setupMs, rows };
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
