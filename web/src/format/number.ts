// Numbers are shown the Indonesian way (1.234.567 and 98,74%), whatever the browser's locale.
const locale = 'id-ID';

const integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedDecimalFormat = new Intl.NumberFormat(locale, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});

const missing = '–';

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function formatInteger(value: number | null | undefined): string {
  return isNumber(value) ? integerFormat.format(value) : missing;
}

export function formatDecimal(value: number | null | undefined): string {
  return isNumber(value) ? decimalFormat.format(value) : missing;
}

/** A gap keeps its sign so a development need (negative) is visible at a glance. */
export function formatGap(value: number | null | undefined): string {
  return isNumber(value) ? signedDecimalFormat.format(value) : missing;
}

/** `value` is already a percentage (JPM is reported as 98.74, not 0.9874), with two decimals (DOMAIN.md). */
export function formatPercent(value: number | null | undefined): string {
  return isNumber(value) ? `${decimalFormat.format(value)}%` : missing;
}

/** Share of `part` in `whole` as a percentage; no share when the whole is empty. */
export function formatShare(part: number | null | undefined, whole: number | null | undefined): string {
  if (!isNumber(part) || !isNumber(whole) || whole === 0) return missing;
  return formatPercent((part / whole) * 100);
}

const rupiahFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0, minimumFractionDigits: 0 });

/** Whole rupiah the Indonesian way (`Rp 1.234.567`, `-Rp 12.345`), with a plain space so texts can be searched. */
export function formatRupiah(value: number | null | undefined): string {
  return isNumber(value) ? rupiahFormat.format(value).replace(/\u00a0/g, ' ') : missing;
}

/** Basis points as a percentage (`50` → `0,5%`, `1250` → `12,5%`). */
export function formatBasisPoints(value: number | null | undefined): string {
  return isNumber(value) ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value / 100)}%` : missing;
}
