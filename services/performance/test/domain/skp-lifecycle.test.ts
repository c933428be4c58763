// The SKP lifecycle (PermenPANRB 6/2022 planning; BKN e-Kinerja; DOMAIN.md "Lifecycle"): konsep → diajukan
// by the employee → disetujui or ditolak (with a note) by the direct supervisor; an approved SKP reopens
// only through a revision request the supervisor grants or refuses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSkpTransition, skpActingOf, skpActions, skpActorOf, skpStatuses, type SkpAction, type SkpActor, type SkpStatus } from '../../src/domain/skp-lifecycle.ts';

describe('allowed transitions', () => {
  const cases: { from: SkpStatus; action: SkpAction; actor: SkpActor; note?: string; to: SkpStatus }[] = [
    { from: 'DRAFT', action: 'EDIT', actor: 'OWNER', to: 'DRAFT' },
    { from: 'REJECTED', action: 'EDIT', actor: 'OWNER', to: 'REJECTED' },
    { from: 'DRAFT', action: 'SUBMIT', actor: 'OWNER', to: 'SUBMITTED' },
    { from: 'REJECTED', action: 'SUBMIT', actor: 'OWNER', to: 'SUBMITTED' },
    { from: 'SUBMITTED', action: 'APPROVE', actor: 'SUPERVISOR', to: 'APPROVED' },
    { from: 'SUBMITTED', action: 'REJECT', actor: 'SUPERVISOR', note: 'Target belum terukur', to: 'REJECTED' },
    { from: 'APPROVED', action: 'REQUEST_REVISION', actor: 'OWNER', note: 'Pindah tugas', to: 'REVISION_REQUESTED' },
    { from: 'REVISION_REQUESTED', action: 'GRANT_REVISION', actor: 'SUPERVISOR', to: 'DRAFT' },
    { from: 'REVISION_REQUESTED', action: 'REFUSE_REVISION', actor: 'SUPERVISOR', note: 'Tidak perlu', to: 'APPROVED' },
  ];
  it.each(cases)('$from --$action by $actor--> $to', ({ from, action, actor, note, to }) => {
    expect(checkSkpTransition(from, action, actor, note ?? null)).toEqual({ ok: true, to });
  });
});

describe('refused transitions', () => {
  const cases: { from: SkpStatus; action: SkpAction; actor: SkpActor | null; note?: string; code: string; reason: string }[] = [
    { from: 'DRAFT', action: 'SUBMIT', actor: 'SUPERVISOR', code: 'FORBIDDEN', reason: 'not_skp_owner' },
    { from: 'DRAFT', action: 'SUBMIT', actor: null, code: 'FORBIDDEN', reason: 'not_skp_owner' },
    { from: 'SUBMITTED', action: 'APPROVE', actor: 'OWNER', code: 'FORBIDDEN', reason: 'not_direct_supervisor' },
    { from: 'SUBMITTED', action: 'APPROVE', actor: null, code: 'FORBIDDEN', reason: 'not_direct_supervisor' },
    { from: 'DRAFT', action: 'APPROVE', actor: 'SUPERVISOR', code: 'CONFLICT', reason: 'invalid_skp_transition' },
    { from: 'APPROVED', action: 'EDIT', actor: 'OWNER', code: 'CONFLICT', reason: 'invalid_skp_transition' },
    { from: 'SUBMITTED', action: 'EDIT', actor: 'OWNER', code: 'CONFLICT', reason: 'invalid_skp_transition' },
    { from: 'APPROVED', action: 'SUBMIT', actor: 'OWNER', code: 'CONFLICT', reason: 'invalid_skp_transition' },
    { from: 'SUBMITTED', action: 'REJECT', actor: 'SUPERVISOR', note: '   ', code: 'BAD_USER_INPUT', reason: 'note_required' },
    { from: 'APPROVED', action: 'REQUEST_REVISION', actor: 'OWNER', code: 'BAD_USER_INPUT', reason: 'note_required' },
    { from: 'REVISION_REQUESTED', action: 'REFUSE_REVISION', actor: 'SUPERVISOR', code: 'BAD_USER_INPUT', reason: 'note_required' },
    { from: 'SUBMITTED', action: 'APPROVE', actor: 'SUPERVISOR', note: 'x'.repeat(2001), code: 'BAD_USER_INPUT', reason: 'note_too_long' },
    { from: 'DRAFT', action: 'GRANT_REVISION', actor: 'SUPERVISOR', code: 'CONFLICT', reason: 'invalid_skp_transition' },
  ];
  it.each(cases)('$from --$action by $actor--> $code $reason', ({ from, action, actor, note, code, reason }) => {
    expect(checkSkpTransition(from, action, actor, note ?? null)).toMatchObject({ ok: false, code, reason });
  });
});

describe('properties over any sequence of attempts', () => {
  const attempt = fc.record({ action: fc.constantFrom(...skpActions), actor: fc.constantFrom<SkpActor | null>('OWNER', 'SUPERVISOR', null), note: fc.constantFrom<string | null>(null, 'catatan') });
  it('reaches APPROVED only by a supervisor, and an approved SKP becomes editable only through a granted revision', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 30 }), (attempts) => {
        let status: SkpStatus = 'DRAFT';
        for (const { action, actor, note } of attempts) {
          const result = checkSkpTransition(status, action, actor, note);
          if (!result.ok) continue;
          if (result.to === 'APPROVED' && status !== 'APPROVED') expect(actor).toBe('SUPERVISOR');
          if (status === 'APPROVED' && result.to !== 'APPROVED') expect(result.to).toBe('REVISION_REQUESTED');
          if (status === 'REVISION_REQUESTED' && result.to === 'DRAFT') expect(action).toBe('GRANT_REVISION');
          expect(skpStatuses).toContain(result.to);
          status = result.to;
        }
      }),
    );
  });
});

describe('who acts (employee by their own token nip; supervisor by the read model)', () => {
  const owner = { employeeId: 'emp-pegawai', supervisorId: 'emp-atasan' };
  it.each([
    ['emp-pegawai', 'OWNER'],
    ['emp-atasan', 'SUPERVISOR'],
    ['emp-lain', null],
    [null, null],
  ] as const)('%s → %s', (viewer, actor) => {
    expect(skpActorOf(viewer, owner)).toBe(actor);
  });
  it('an employee without a supervisor has no supervisor actor', () => {
    expect(skpActorOf('emp-atasan', { employeeId: 'emp-kepala', supervisorId: null })).toBeNull();
  });
});

describe('top of the chain: an admin-kepegawaian of the instansi region stands in for the missing supervisor (BKN e-Kinerja pejabat penilai)', () => {
  const head = { employeeId: 'emp-kepala', supervisorId: null };
  const staff = { employeeId: 'emp-pegawai', supervisorId: 'emp-atasan' };
  it.each([
    { viewer: 'emp-kepala', owner: head, adminCovers: true, acting: { actor: 'OWNER', actingAs: 'PEGAWAI' } },
    { viewer: null, owner: head, adminCovers: true, acting: { actor: 'SUPERVISOR', actingAs: 'ADMIN_KEPEGAWAIAN' } },
    { viewer: 'emp-lain', owner: head, adminCovers: true, acting: { actor: 'SUPERVISOR', actingAs: 'ADMIN_KEPEGAWAIAN' } },
    { viewer: null, owner: head, adminCovers: false, acting: null },
    { viewer: 'emp-atasan', owner: staff, adminCovers: false, acting: { actor: 'SUPERVISOR', actingAs: 'ATASAN' } },
    { viewer: 'emp-pegawai', owner: staff, adminCovers: true, acting: { actor: 'OWNER', actingAs: 'PEGAWAI' } },
    // An admin never stands in for a supervisor who exists.
    { viewer: null, owner: staff, adminCovers: true, acting: null },
    { viewer: 'emp-lain', owner: staff, adminCovers: true, acting: null },
  ] as const)('$viewer on $owner.employeeId (admin covers: $adminCovers) → $acting', ({ viewer, owner, adminCovers, acting }) => {
    expect(skpActingOf(viewer, owner, adminCovers)).toEqual(acting);
  });
});
