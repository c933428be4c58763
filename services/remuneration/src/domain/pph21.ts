// PPh 21 on TPP by golongan (DOMAIN.md "TPP": IV 15%, III 5%, I–II 0%; the final rates on allowances
// paid from the APBD, PMK 262/2010), rates as rule data. PNS golongan carry a ruang (`III/b`) and take
// their group's rate; PPPK golongan (`I`…`XVII`) have their own table.
import { isOneOf, pnsGolongan, pppkGolongan } from '@kinerja/kit/vocabulary';
import type { TppRuleData } from './tpp-rule.ts';

export type TaxRate = { ok: true; rateBp: number; group: string } | { ok: false };

export function pph21RateFor(rule: TppRuleData, golongan: string): TaxRate {
  if (isOneOf(pnsGolongan, golongan)) {
    const group = golongan.split('/')[0] as keyof TppRuleData['pph21']['pns'];
    return { ok: true, rateBp: rule.pph21.pns[group], group: `PNS golongan ${group}` };
  }
  if (isOneOf(pppkGolongan, golongan)) return { ok: true, rateBp: rule.pph21.pppk[golongan], group: `PPPK golongan ${golongan}` };
  return { ok: false };
}
