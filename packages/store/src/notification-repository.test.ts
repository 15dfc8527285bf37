import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { listUnsentMessages } from './outbox-repository.ts';
import {
  countUnreadNotifications,
  listNotifications,
  markNotificationsRead,
  notifyUser,
} from './notification-repository.ts';
import { TEST_BACKENDS } from './test-backends.ts';

describe.each(TEST_BACKENDS)('notifications on $name', (backend) => {
  let database: Database;
  const tenantId = 't1';
  beforeAll(async () => {
    database = await backend.open();
    await database.db.insertInto('tenants').values({ id: tenantId, name: 'T1' }).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  it('notifies, lists newest first, counts and marks read per user', async () => {
    const db = database.db;
    const now = Date.UTC(2026, 10, 30);
    const first = await notifyUser(db, {
      tenantId,
      userId: 'lilei',
      kind: 'request.approved',
      params: { requestId: '1' },
      link: '/requests/1',
      now,
    });
    await notifyUser(db, {
      tenantId,
      userId: 'lilei',
      kind: 'review.reminder',
      params: { campaign: 'Q4' },
      now: now + 1000,
      email: { to: 'li.lei@yunshan.example', subject: '复核提醒', body: '请复核' },
    });
    await notifyUser(db, { tenantId, userId: 'zhoumin', kind: 'x', params: {}, now });

    const mine = await listNotifications(db, tenantId, 'lilei');
    expect(mine.map((n) => n.kind)).toEqual(['review.reminder', 'request.approved']);
    expect(mine[1]).toMatchObject({
      params: { requestId: '1' },
      link: '/requests/1',
      readAt: null,
    });
    expect(await countUnreadNotifications(db, tenantId, 'lilei')).toBe(2);
    const outbox = await listUnsentMessages(db, { tenantId });
    expect(outbox.some((m) => m.subject === '复核提醒')).toBe(true);

    expect(await markNotificationsRead(db, tenantId, 'lilei', [first], now + 2000)).toBe(1);
    expect(await markNotificationsRead(db, tenantId, 'lilei', [first], now + 3000)).toBe(0);
    expect(await countUnreadNotifications(db, tenantId, 'lilei')).toBe(1);
    const unread = await listNotifications(db, tenantId, 'lilei', { unreadOnly: true });
    expect(unread.map((n) => n.kind)).toEqual(['review.reminder']);
    const older = await listNotifications(db, tenantId, 'lilei', { beforeId: unread[0]!.id });
    expect(older.map((n) => n.id)).toEqual([first]);
    // Another user's notifications are not touched by "all".
    expect(await markNotificationsRead(db, tenantId, 'lilei', 'all', now + 4000)).toBe(1);
    expect(await countUnreadNotifications(db, tenantId, 'zhoumin')).toBe(1);
  });
});
