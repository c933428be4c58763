// The SKP lifecycle (PermenPANRB 6/2022 planning stage; BKN e-Kinerja and regional apps; DOMAIN.md
// "Lifecycle"): the employee drafts and submits (diajukan); the direct supervisor approves (disetujui) or
// rejects with a note (ditolak, back to the employee). An approved SKP reopens only through a revision
// request the supervisor grants (back to DRAFT) or refuses (stays APPROVED).

export const skpStatuses = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'REVISION_REQUESTED'] as const;
export type SkpStatus = (typeof skpStatuses)[number];

export const skpActions = ['EDIT', 'SUBMIT', 'APPROVE', 'REJECT', 'REQUEST_REVISION', 'GRANT_REVISION', 'REFUSE_REVISION'] as const;
export type SkpAction = (typeof skpActions)[number];

/** Who acts on an SKP: its employee, or the employee's direct supervisor (atasan langsung). */
export type SkpActor = 'OWNER' | 'SUPERVISOR';

interface TransitionRule {
  readonly from: readonly SkpStatus[];
  /** null: the status does not change (editing a draft). */
  readonly to: SkpStatus | null;
  readonly actor: SkpActor;
  readonly noteRequired: boolean;
}

export const skpTransitions: Readonly<Record<SkpAction, TransitionRule>> = {
  EDIT: { from: ['DRAFT', 'REJECTED'], to: null, actor: 'OWNER', noteRequired: false },
  SUBMIT: { from: ['DRAFT', 'REJECTED'], to: 'SUBMITTED', actor: 'OWNER', noteRequired: false },
  APPROVE: { from: ['SUBMITTED'], to: 'APPROVED', actor: 'SUPERVISOR', noteRequired: false },
  REJECT: { from: ['SUBMITTED'], to: 'REJECTED', actor: 'SUPERVISOR', noteRequired: true },
  REQUEST_REVISION: { from: ['APPROVED'], to: 'REVISION_REQUESTED', actor: 'OWNER', noteRequired: true },
  GRANT_REVISION: { from: ['REVISION_REQUESTED'], to: 'DRAFT', actor: 'SUPERVISOR', noteRequired: false },
  REFUSE_REVISION: { from: ['REVISION_REQUESTED'], to: 'APPROVED', actor: 'SUPERVISOR', noteRequired: true },
};

const statusLabels: Readonly<Record<SkpStatus, string>> = {
  DRAFT: 'konsep',
  SUBMITTED: 'diajukan',
  APPROVED: 'disetujui',
  REJECTED: 'ditolak',
  REVISION_REQUESTED: 'menunggu keputusan revisi',
};

const actionLabels: Readonly<Record<SkpAction, string>> = {
  EDIT: 'diubah',
  SUBMIT: 'diajukan',
  APPROVE: 'disetujui',
  REJECT: 'ditolak',
  REQUEST_REVISION: 'dimintakan revisi',
  GRANT_REVISION: 'dibuka untuk revisi',
  REFUSE_REVISION: 'ditolak permintaan revisinya',
};

export const MAX_NOTE_LENGTH = 2000;

export type TransitionResult =
  | { ok: true; to: SkpStatus }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT' | 'BAD_USER_INPUT'; reason: string; message: string };

/**
 * Whether `actor` (null: neither the employee nor the direct supervisor) may take `action` on an SKP in
 * `status`, with `note` (trimmed). Authority is checked first, so a stranger learns nothing of the status.
 */
export function checkSkpTransition(status: SkpStatus, action: SkpAction, actor: SkpActor | null, note: string | null = null): TransitionResult {
  const rule = skpTransitions[action];
  if (actor !== rule.actor) {
    const who = rule.actor === 'OWNER' ? 'pegawai pemilik SKP' : 'atasan langsung pegawai';
    return { ok: false, code: 'FORBIDDEN', reason: rule.actor === 'OWNER' ? 'not_skp_owner' : 'not_direct_supervisor', message: `SKP hanya dapat ${actionLabels[action]} oleh ${who}` };
  }
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'CONFLICT', reason: 'invalid_skp_transition', message: `SKP berstatus ${statusLabels[status]} tidak dapat ${actionLabels[action]}` };
  }
  const trimmed = note?.trim() ?? '';
  if (rule.noteRequired && trimmed.length === 0) {
    return { ok: false, code: 'BAD_USER_INPUT', reason: 'note_required', message: `Catatan wajib diisi ketika SKP ${actionLabels[action]}` };
  }
  if (trimmed.length > MAX_NOTE_LENGTH) {
    return { ok: false, code: 'BAD_USER_INPUT', reason: 'note_too_long', message: `Catatan paling banyak ${MAX_NOTE_LENGTH} karakter` };
  }
  return { ok: true, to: rule.to ?? status };
}

/** OWNER when the viewer is the SKP's employee, SUPERVISOR when the viewer is that employee's direct supervisor. */
export function skpActorOf(viewerEmployeeId: string | null, owner: { employeeId: string; supervisorId: string | null }): SkpActor | null {
  if (viewerEmployeeId === null) return null;
  if (viewerEmployeeId === owner.employeeId) return 'OWNER';
  if (owner.supervisorId !== null && viewerEmployeeId === owner.supervisorId) return 'SUPERVISOR';
  return null;
}

/** What the history records: the creation and every status change (editing a draft is not a transition). */
export type SkpHistoryAction = 'CREATE' | Exclude<SkpAction, 'EDIT'>;

/**
 * In what capacity someone acts on an SKP, as the history records it: the employee (pegawai), the direct
 * supervisor (atasan), or, at the top of the chain, an admin-kepegawaian of the instansi's region.
 */
export const skpActingAsValues = ['PEGAWAI', 'ATASAN', 'ADMIN_KEPEGAWAIAN'] as const;
export type SkpActingAs = (typeof skpActingAsValues)[number];

export interface SkpActing {
  readonly actor: SkpActor;
  readonly actingAs: SkpActingAs;
}

/**
 * Who acts on an SKP. An employee without a supervisor in the read model (the instansi's head, the top of
 * the chain) still needs an approver and a rater (BKN e-Kinerja: the pejabat penilai of a head is the
 * official above the instansi, who is outside it): an admin-kepegawaian whose region covers the instansi
 * (`adminCoversOwner`) acts in the supervisor's place. The employee never approves their own SKP, and an
 * admin never stands in for an employee who has a supervisor.
 */
export function skpActingOf(viewerEmployeeId: string | null, owner: { employeeId: string; supervisorId: string | null }, adminCoversOwner: boolean): SkpActing | null {
  const actor = skpActorOf(viewerEmployeeId, owner);
  if (actor === 'OWNER') return { actor, actingAs: 'PEGAWAI' };
  if (actor === 'SUPERVISOR') return { actor, actingAs: 'ATASAN' };
  if (owner.supervisorId === null && adminCoversOwner) return { actor: 'SUPERVISOR', actingAs: 'ADMIN_KEPEGAWAIAN' };
  return null;
}
