import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.ts';
import {
  adminPage,
  ADMIN_MAX_PAGE_SIZE,
  ADMIN_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  entityIndex,
} from './admin-page.ts';

const roles = Array.from({ length: 120 }, (_, i) => ({
  id: `role-${String(119 - i).padStart(3, '0')}`,
  name: i % 3 === 0 ? `East Sales ${i}` : `华北销售 ${i}`,
}));
const inIdOrder = [...roles].sort((a, b) => (a.id < b.id ? -1 : 1));

function walk(query: { limit?: number; q?: string }): { ids: string[]; pages: number } {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 1; pages < 1000; pages++) {
    const page = adminPage(roles, 'role', {
      ...query,
      ...(cursor === undefined ? {} : { cursor }),
    });
    ids.push(...page.items.map((r) => r.id));
    if (page.nextCursor === null) return { ids, pages };
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

describe('adminPage', () => {
  it('serves 50 in id order by default, and walks every entity once by cursor', () => {
    const first = adminPage(roles, 'role', {});
    expect(first.items).toEqual(inIdOrder.slice(0, ADMIN_PAGE_SIZE));
    expect(first.nextCursor).not.toBeNull();
    const all = walk({ limit: 7 });
    expect(all.ids).toEqual(inIdOrder.map((r) => r.id));
    expect(all.pages).toBe(Math.ceil(roles.length / 7));
  });

  it('caps the page size and ends with a null cursor', () => {
    const big = Array.from({ length: ADMIN_MAX_PAGE_SIZE + 10 }, (_, i) => ({ id: `u${i}` }));
    const page = adminPage(big, 'user', { limit: 10_000 });
    expect(page.items).toHaveLength(ADMIN_MAX_PAGE_SIZE);
    const rest = adminPage(big, 'user', { cursor: page.nextCursor!, limit: 500 });
    expect(rest.items).toHaveLength(10);
    expect(rest.nextCursor).toBeNull();
  });

  it('filters by name, case-insensitively, across pages', () => {
    const east = inIdOrder.filter((r) => r.name.includes('East')).map((r) => r.id);
    expect(walk({ q: 'east sales', limit: 9 }).ids).toEqual(east);
    expect(walk({ q: '华北', limit: 500 }).ids).toHaveLength(roles.length - east.length);
    expect(adminPage(roles, 'role', { q: 'nobody' })).toEqual({ items: [], nextCursor: null });
    // A last page that exactly fills the limit says it is the last.
    expect(adminPage(roles, 'role', { q: 'east', limit: east.length }).nextCursor).toBeNull();
  });

  it('matches an entity without a name on its id', () => {
    const grants = [{ id: 'grant-a' }, { id: 'grant-B' }, { id: 'other' }];
    expect(adminPage(grants, 'grant', { q: 'GRANT' }).items.map((g) => g.id)).toEqual([
      'grant-B',
      'grant-a',
    ]);
  });

  it('refuses a forged cursor or one of another list, naming the field', () => {
    expect(decodeCursor('role', encodeCursor('role', 'role-007'))).toBe('role-007');
    for (const cursor of ['not a cursor', encodeCursor('user', 'role-007'), 'e30']) {
      let error: unknown;
      try {
        adminPage(roles, 'role', { cursor });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({
        code: 'REQUEST_INVALID',
        details: { field: 'querystring/cursor' },
      });
    }
  });

  it('builds the id index once per list', () => {
    expect(entityIndex(roles)).toBe(entityIndex(roles));
    expect(entityIndex(roles).byId.get('role-042')?.id).toBe('role-042');
  });
});
