// TPP summaries per region and org unit, maintained incrementally (DESIGN.md "Federation": a national
// dashboard costs O(regions)): each new statement version adds its difference from the version it
// replaces to every region prefix of its region and every unit on its unit path.
import { regionAncestors } from '@kinerja/kit/scoping';

export interface SummaryFigures {
  /** Employees paid (gross > 0). */
  headcountPaid: number;
  gross: number;
  deductions: number;
  tax: number;
  net: number;
  cuts: Record<string, number>;
}

export interface SummaryContribution {
  regionCode: string;
  unitPath: readonly string[];
  figures: SummaryFigures;
}

export const emptyFigures = (): SummaryFigures => ({ headcountPaid: 0, gross: 0, deductions: 0, tax: 0, net: 0, cuts: {} });

export function figuresOf(statement: { gross: number; deductions: number; tax: number; net: number; cuts: Record<string, number> }): SummaryFigures {
  return { headcountPaid: statement.gross > 0 ? 1 : 0, gross: statement.gross, deductions: statement.deductions, tax: statement.tax, net: statement.net, cuts: { ...statement.cuts } };
}

function addInto(target: SummaryFigures, figures: SummaryFigures, sign: 1 | -1): void {
  target.headcountPaid += sign * figures.headcountPaid;
  target.gross += sign * figures.gross;
  target.deductions += sign * figures.deductions;
  target.tax += sign * figures.tax;
  target.net += sign * figures.net;
  for (const cause in figures.cuts) target.cuts[cause] = (target.cuts[cause] ?? 0) + sign * figures.cuts[cause]!;
}

/**
 * The deltas a batch of replacements makes, summed per scope (`REGION|32.15`, `UNIT|<id>`): the new
 * version's figures at its scopes minus the replaced version's at its own (a transfer moves between units).
 */
export function summaryDeltas(changes: readonly { before: SummaryContribution | null; after: SummaryContribution }[]): Map<string, SummaryFigures> {
  const deltas = new Map<string, SummaryFigures>();
  // A batch's employees share few regions and units: each place's scope entries are looked up once.
  const entriesByPlace = new Map<string, SummaryFigures[]>();
  const entriesOf = (contribution: SummaryContribution): SummaryFigures[] => {
    const place = `${contribution.regionCode}\u001f${contribution.unitPath.join('\u001f')}`;
    let entries = entriesByPlace.get(place);
    if (!entries) {
      const keys = [...regionAncestors(contribution.regionCode).map((c) => `REGION|${c}`), ...[...new Set(contribution.unitPath)].map((u) => `UNIT|${u}`)];
      entries = keys.map((key) => {
        let entry = deltas.get(key);
        if (!entry) deltas.set(key, (entry = emptyFigures()));
        return entry;
      });
      entriesByPlace.set(place, entries);
    }
    return entries;
  };
  const apply = (contribution: SummaryContribution, sign: 1 | -1) => {
    for (const entry of entriesOf(contribution)) addInto(entry, contribution.figures, sign);
  };
  for (const change of changes) {
    if (change.before) apply(change.before, -1);
    apply(change.after, 1);
  }
  return deltas;
}

/** Average cut per paid employee by cause, for the summary's reader. */
export function averageCuts(figures: SummaryFigures): { cause: string; amount: number }[] {
  if (figures.headcountPaid === 0) return [];
  return Object.entries(figures.cuts)
    .filter(([, amount]) => amount !== 0)
    .map(([cause, amount]) => ({ cause, amount: Math.round((amount / figures.headcountPaid) * 100) / 100 }))
    .sort((a, b) => b.amount - a.amount || (a.cause < b.cause ? -1 : 1));
}
