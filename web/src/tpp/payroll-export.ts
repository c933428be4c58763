// The treasurer's payroll list (remuneration's GET /exports/tpp-payroll.csv|.xlsx?instansiId=&month=),
// fetched with the bearer token like competency's CSV export. An empty base is the web app's own
// origin, where vite (dev) and nginx (image) proxy /exports/tpp-payroll to the remuneration service.
export const remunerationExportBase: string = import.meta.env.VITE_REMUNERATION_EXPORT_URL ?? '';

export type PayrollFormat = 'csv' | 'xlsx';

export function payrollUrl(base: string, instansiId: string, month: string, format: PayrollFormat): string {
  const query = new URLSearchParams({ instansiId, month });
  return `${base.replace(/\/$/, '')}/exports/tpp-payroll.${format}?${query.toString()}`;
}

export function payrollFileName(instansiName: string, month: string, format: PayrollFormat): string {
  const slug = instansiName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'instansi';
  return `tpp-${slug}-${month}.${format}`;
}
