import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { auditContext } from './audit-context.ts';

const request = (custos: unknown, agent?: string): FastifyRequest =>
  ({
    id: 'req-7',
    ip: '203.0.113.9',
    headers: agent === undefined ? {} : { 'user-agent': agent },
    custos,
  }) as unknown as FastifyRequest;

describe('auditContext', () => {
  it('names the signed-in user, the address, agent and request id', () => {
    expect(auditContext(request({ userId: 'lilei' }, 'Mozilla/5.0'))).toEqual({
      actorId: 'lilei',
      actingAsId: null,
      requestId: 'req-7',
      ip: '203.0.113.9',
      userAgent: 'Mozilla/5.0',
    });
  });

  it('under view as, the viewer is the actor and the viewed user is acted as', () => {
    const context = auditContext(request({ userId: 'lilei', viewAs: { actorId: 'zhoumin' } }));
    expect(context).toMatchObject({ actorId: 'zhoumin', actingAsId: 'lilei', userAgent: null });
  });

  it('before sign-in there is no actor; a long user agent is cut to 512 characters', () => {
    const context = auditContext(request(null, 'x'.repeat(2000)));
    expect(context.actorId).toBeNull();
    expect(context.userAgent).toHaveLength(512);
  });
});
