// Statements in their GraphQL shape: a computed one (simulation) or a stored version with its history.
import type { TppStatement as DomainStatement } from '../domain/tpp-statement.ts';
import type { TppStatement, TppStatementVersion } from '../generated/resolvers-types.ts';
import type { StatementRow } from '../repositories/statement-rows.ts';

type Computed = Pick<DomainStatement, 'month' | 'base' | 'gross' | 'deductions' | 'tax' | 'net' | 'lines' | 'cuts' | 'predikat' | 'ruleVersion'> & {
  taxRateBp: number;
  attendanceVersion: number | null;
};

export function statementShape(
  statement: Computed,
  stored: { version: number | null; locked: boolean; stale?: boolean; computedAt?: string; computedBy?: string; reason?: string; history?: TppStatementVersion[] },
): TppStatement {
  return {
    month: statement.month,
    base: statement.base,
    gross: statement.gross,
    deductions: statement.deductions,
    taxRateBasisPoints: statement.taxRateBp,
    tax: statement.tax,
    net: statement.net,
    lines: statement.lines.map((l) => ({ kind: l.kind, label: l.label, amount: l.amount, source: l.source, code: l.code, count: l.count, rateBasisPoints: l.rateBp, days: l.days, inGross: l.inGross })),
    cuts: Object.entries(statement.cuts).map(([cause, amount]) => ({ cause, amount })),
    predikat: statement.predikat,
    attendanceVersion: statement.attendanceVersion,
    ruleVersion: statement.ruleVersion,
    version: stored.version,
    locked: stored.locked,
    stale: stored.stale ?? false,
    computedAt: stored.computedAt ?? null,
    computedBy: stored.computedBy ?? null,
    reason: stored.reason ?? null,
    history: stored.history ?? [],
  };
}

export function storedStatementShape(current: StatementRow, history: StatementRow[], locked: boolean): TppStatement {
  const tax = current.lines.find((l) => l.kind === 'TAX');
  return statementShape(
    { ...current, taxRateBp: tax?.rateBp ?? 0 },
    {
      version: current.version,
      locked,
      stale: current.stale,
      computedAt: current.computedAt,
      computedBy: current.computedBy,
      reason: current.reason,
      history: history.map((h) => ({ version: h.version, computedAt: h.computedAt, computedBy: h.computedBy, reason: h.reason, ruleVersion: h.ruleVersion, gross: h.gross, deductions: h.deductions, tax: h.tax, net: h.net })),
    },
  );
}
