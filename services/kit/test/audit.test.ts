// The audit scope the kit's server gives each Mutation field (audit.ts): the operation, the caller, the
// request and the reason argument reach whatever the resolver calls, and only mutations get one.
import { describe, expect, it } from 'vitest';
import { auditedResolvers, currentAuditScope, reasonFromArguments } from '../src/audit.ts';
import type { Viewer } from '../src/auth.ts';

const viewer: Viewer = { subject: 's-1', username: 'karawang.admin', nip: null, roles: new Set(['admin-kepegawaian']), regionCode: '32.15' };

describe('reasonFromArguments', () => {
  it.each([
    ['reason at the top level', { id: '1', reason: 'Koreksi TK' }, 'Koreksi TK'],
    ['a note', { skpId: '1', note: 'Target belum terukur' }, 'Target belum terukur'],
    ['a reason inside an input object', { input: { date: '2026-11-02', reason: 'Mesin mati' } }, 'Mesin mati'],
    ['a blank reason', { reason: '   ' }, null],
    ['no reason', { id: '1', approve: true }, null],
  ])('%s', (_name, args, expected) => {
    expect(reasonFromArguments(args)).toBe(expected);
  });
});

describe('auditedResolvers', () => {
  it('runs each Mutation field inside its audit scope and leaves queries alone', async () => {
    const seen: unknown[] = [];
    const resolvers = auditedResolvers({
      Query: { note: () => currentAuditScope() ?? null },
      Mutation: {
        closeMonth: async () => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          seen.push(currentAuditScope());
          return true;
        },
      },
    });
    const context = { viewer, requestId: 'req-9' };
    const mutation = resolvers.Mutation as Record<string, (p: unknown, a: Record<string, unknown>, c: unknown, i: { fieldName: string }) => Promise<unknown>>;
    await mutation['closeMonth']?.(null, { month: '2026-10', reason: 'Akhir bulan' }, context, { fieldName: 'closeMonth' });
    expect(seen).toEqual([{ viewer, operation: 'closeMonth', requestId: 'req-9', reason: 'Akhir bulan' }]);
    expect((resolvers.Query as Record<string, () => unknown>)['note']?.()).toBeNull();
    expect(currentAuditScope()).toBeUndefined();
  });
});
