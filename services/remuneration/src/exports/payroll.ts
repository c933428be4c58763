// GET /exports/tpp-payroll.csv and /exports/tpp-payroll.xlsx ?instansiId=&month= : the payroll list with
// the same bearer token (admin-kepegawaian or auditor of the instansi's region). An instansi's month is
// at most tens of thousands of rows, read in one statement; XLSX through exceljs.
import type { Express, Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { forbidden, hasRole, type Orm, type TokenVerifier } from '@kinerja/kit';
import { viewerCovers } from '@kinerja/kit/scoping';
import { badUserInput, notFound } from '@kinerja/kit/errors';
import { isMonth } from '../domain/month.ts';
import { findInstansiRegion } from '../repositories/instansi-rows.ts';
import { findPayroll } from '../repositories/statement-rows.ts';
import { payrollTable, type PayrollTable } from './payroll-table.ts';

export const PAYROLL_PATH = '/exports/tpp-payroll';

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

async function payrollFor(options: { orm: Orm; verifyToken: TokenVerifier }, req: Request): Promise<{ table: PayrollTable; name: string }> {
  const viewer = await options.verifyToken(req.headers.authorization);
  const instansiId = typeof req.query['instansiId'] === 'string' ? req.query['instansiId'] : '';
  const month = typeof req.query['month'] === 'string' ? req.query['month'] : '';
  if (instansiId === '' || !isMonth(month)) throw badUserInput('Isi instansiId dan month (YYYY-MM)', 'invalid_export_request');
  if (!hasRole(viewer, 'admin-kepegawaian', 'auditor')) throw forbidden('Daftar pembayaran TPP hanya untuk admin kepegawaian dan auditor', 'not_payroll_reader');
  const em = options.orm.em.fork();
  const region = await findInstansiRegion(em, instansiId);
  if (region === null) throw notFound(`Instansi ${instansiId} belum dikenal`, 'unknown_instansi');
  if (!viewerCovers(viewer, region)) throw forbidden(`Instansi ${instansiId} di luar wilayah Anda`, 'region_out_of_scope');
  return { table: payrollTable(await findPayroll(em, instansiId, month)), name: `tpp-${instansiId}-${month}` };
}

export function registerPayrollExport(app: Express, options: { orm: Orm; verifyToken: TokenVerifier; logger: Logger }): void {
  const handle = (format: 'csv' | 'xlsx') => async (req: Request, res: Response) => {
    let payroll;
    try {
      payroll = await payrollFor(options, req);
    } catch (error) {
      if (error instanceof GraphQLError) {
        res.status(statusOf[String(error.extensions['code'])] ?? 400).json({ errors: [{ message: error.message, extensions: error.extensions }] });
        return;
      }
      options.logger.error({ err: error }, 'payroll export failed');
      res.status(500).json({ errors: [{ message: 'Terjadi kesalahan pada server' }] });
      return;
    }
    const { table, name } = payroll;
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
      res.send([table.header, ...table.rows, table.totals].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n');
      return;
    }
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('TPP');
    sheet.addRow(table.header).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.addRow(table.totals).font = { bold: true };
    // NIP as text so 18 digits never turn into a rounded number.
    sheet.getColumn(1).numFmt = '@';
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="${name}.xlsx"`);
    res.send(Buffer.from(await workbook.xlsx.writeBuffer()));
  };
  app.get(`${PAYROLL_PATH}.csv`, handle('csv'));
  app.get(`${PAYROLL_PATH}.xlsx`, handle('xlsx'));
}
