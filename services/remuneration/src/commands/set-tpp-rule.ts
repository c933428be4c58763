// setTppRule: validate → domain (rule data, timeline) → one transaction (the new version, the closing of
// the open-ended one before it). Nothing is written when anything is refused.
import { randomUUID } from 'node:crypto';
import { badUserInput, conflict } from '@kinerja/kit/errors';
import type { EntityManager } from '@kinerja/kit/db';
import type { Viewer } from '@kinerja/kit';
import { isMonth } from '../domain/month.ts';
import { planRuleAddition } from '../domain/rule-timeline.ts';
import { validateTppRuleData } from '../domain/tpp-rule.ts';
import { TppRuleVersion } from '../entities/tpp-rule.ts';
import { findLockedMonths, findRules, findRulesByIds, type RuleRow } from '../repositories/rule-rows.ts';
import { assertInstansiAdmin } from '../resolvers/scope.ts';

export interface SetTppRuleCommand {
  instansiId: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  legalBasis: string;
  /** Rule data as received; validated here. */
  data: unknown;
}

export async function setTppRule(em: EntityManager, viewer: Viewer, command: SetTppRuleCommand): Promise<RuleRow> {
  for (const [name, month] of [['effectiveFrom', command.effectiveFrom], ['effectiveUntil', command.effectiveUntil]] as const) {
    if (month !== null && !isMonth(month)) throw badUserInput(`${name} ${month} tidak valid; gunakan YYYY-MM`, 'invalid_month');
  }
  const legalBasis = command.legalBasis.trim();
  if (legalBasis === '' || legalBasis.length > 300) throw badUserInput('Dasar hukum wajib diisi (paling banyak 300 karakter)', 'invalid_legal_basis');
  const validation = validateTppRuleData(command.data);
  if (!validation.ok) throw badUserInput(validation.message, validation.reason, { path: validation.path });
  await assertInstansiAdmin(em, viewer, command.instansiId);

  const id = randomUUID();
  await em.transactional(async (tx) => {
    // One writer per instansi at a time, so two admins cannot both pass the overlap check.
    await tx.execute(`select pg_advisory_xact_lock(hashtext('tpp_rule:' || ?::text))`, [command.instansiId]);
    const existing = await findRules(tx, command.instansiId);
    const plan = planRuleAddition(existing, { effectiveFrom: command.effectiveFrom, effectiveUntil: command.effectiveUntil });
    if (!plan.ok) {
      if (plan.reason === 'invalid_effective_range') throw badUserInput('effectiveUntil tidak boleh sebelum effectiveFrom', plan.reason);
      const other = existing.find((r) => r.id === plan.conflictingId);
      throw conflict(`Masa berlaku bertumpang tindih dengan aturan versi ${other?.version} (${other?.effectiveFrom} s.d. ${other?.effectiveUntil ?? 'seterusnya'})`, plan.reason);
    }
    const locked = await findLockedMonths(tx, command.instansiId, command.effectiveFrom, command.effectiveUntil);
    if (locked.length > 0) throw conflict(`Bulan ${locked.join(', ')} sudah dikunci; buka kunci dengan alasan sebelum mengubah aturannya`, 'month_locked');
    if (plan.close) {
      await tx.execute(`update "tpp_rule" set "effective_until" = ?, "closed_by" = ?, "closed_at" = now() where "id" = ?`, [plan.close.effectiveUntil, viewer.username, plan.close.id]);
    }
    tx.create(TppRuleVersion, {
      id,
      instansiId: command.instansiId,
      version: existing.reduce((max, r) => Math.max(max, r.version), 0) + 1,
      effectiveFrom: command.effectiveFrom,
      effectiveUntil: command.effectiveUntil,
      legalBasis,
      data: validation.data,
      createdBy: viewer.username,
      createdAt: new Date(),
    });
  });
  const [row] = await findRulesByIds(em, [id]);
  return row!;
}
