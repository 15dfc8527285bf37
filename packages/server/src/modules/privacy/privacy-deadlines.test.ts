import { describe, expect, it } from 'vitest';
import { deadlineState, extendedDeadline, firstDeadline } from './privacy-deadlines.ts';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();

describe('legal deadlines of data-subject requests', () => {
  it('GDPR Art. 12(3): one calendar month from receipt, the last day of a shorter month', () => {
    expect(iso(firstDeadline('gdpr', at('2026-03-10T09:30:00Z')))).toBe('2026-04-10T09:30:00.000Z');
    expect(iso(firstDeadline('gdpr', at('2026-01-31T12:00:00Z')))).toBe('2026-02-28T12:00:00.000Z');
    expect(iso(firstDeadline('gdpr', at('2028-01-31T12:00:00Z')))).toBe('2028-02-29T12:00:00.000Z');
  });

  it('GDPR Art. 12(3): extendable by two further months', () => {
    expect(iso(extendedDeadline('gdpr', at('2026-03-10T09:30:00Z')))).toBe(
      '2026-06-10T09:30:00.000Z',
    );
  });

  it('CCPA §1798.130: 45 days, extendable once by 45 more', () => {
    expect(iso(firstDeadline('ccpa', at('2026-03-10T00:00:00Z')))).toBe('2026-04-24T00:00:00.000Z');
    expect(iso(extendedDeadline('ccpa', at('2026-03-10T00:00:00Z')))).toBe(
      '2026-06-08T00:00:00.000Z',
    );
  });

  it('says overdue after the deadline and due soon within seven days of it', () => {
    const due = at('2026-06-10T00:00:00Z');
    expect(deadlineState(due, at('2026-06-01T00:00:00Z'))).toBe('on_time');
    expect(deadlineState(due, at('2026-06-04T00:00:00Z'))).toBe('due_soon');
    expect(deadlineState(due, at('2026-06-10T00:00:01Z'))).toBe('overdue');
  });
});
