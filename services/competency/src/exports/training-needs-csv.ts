// GET /exports/training-needs.csv?regionCode=&unitId=&competency= : the rows of Query.trainingNeeds as
// CSV for spreadsheets, with the same bearer token, role and region scoping. Streams page by page
// (keyset), so a province-wide export never sits in memory.
import type { Express, Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { createLoaderRegistry, type Orm, type TokenVerifier } from '@kinerja/kit';
import type { Logger } from 'pino';
import { findCompetency } from '../domain/dictionary.ts';
import { findEmployees } from '../repositories/employee-rows.ts';
import { findProgrammes } from '../repositories/programme-rows.ts';
import { listTrainingNeeds, type NeedCursor } from '../repositories/training-need-rows.ts';
import type { Em } from '../repositories/sql.ts';
import { trainingNeedFilter } from '../resolvers/query.ts';
import type { Context } from '../resolvers/context.ts';

export const TRAINING_NEEDS_CSV_PATH = '/exports/training-needs.csv';
const PAGE = 1000;

const header = ['nip', 'employee_id', 'region_code', 'unit_id', 'competency_code', 'competency_name', 'required', 'assessed', 'gap', 'programme_code', 'programme_name', 'hours_jp'];

/** RFC 4180 quoting, and a leading apostrophe on text a spreadsheet would run as a formula. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const numeric = /^-?\d+(\.\d+)?$/.test(value);
  const safe = !numeric && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function queryText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function sendError(res: Response, status: number, error: GraphQLError): void {
  res.status(status).json({ errors: [{ message: error.message, extensions: error.extensions }] });
}

const statusOf: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

export function registerTrainingNeedsCsv(app: Express, options: { orm: Orm; verifyToken: TokenVerifier; logger: Logger }): void {
  app.get(TRAINING_NEEDS_CSV_PATH, async (req: Request, res: Response) => {
    const em = options.orm.em.fork() as Em;
    let filter;
    try {
      const viewer = await options.verifyToken(req.headers.authorization);
      const ctx = { viewer, em, log: options.logger, requestId: '', loaders: createLoaderRegistry() } as Context;
      filter = trainingNeedFilter(ctx, {
        regionCode: queryText(req.query['regionCode']),
        unitId: queryText(req.query['unitId']),
        competency: queryText(req.query['competency']),
      });
    } catch (error) {
      if (error instanceof GraphQLError) {
        sendError(res, statusOf[String(error.extensions['code'])] ?? 400, error);
        return;
      }
      throw error;
    }
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="kebutuhan-diklat-${filter.regionCode}.csv"`);
    res.write(`${header.join(',')}\r\n`);
    let after: NeedCursor | null = null;
    try {
      for (;;) {
        const rows = await listTrainingNeeds(em, filter, PAGE, after);
        if (rows.length === 0) break;
        const employees = new Map((await findEmployees(em, rows.map((r) => r.employeeId))).map((e) => [e.employeeId, e]));
        const programmeIds = rows.map((r) => r.programmeId).filter((id): id is string => id !== null);
        const programmes = new Map((await findProgrammes(em, [...new Set(programmeIds)])).map((p) => [p.id, p]));
        const lines = rows.map((row) => {
          const employee = employees.get(row.employeeId);
          const programme = row.programmeId === null ? undefined : programmes.get(row.programmeId);
          return [
            employee?.nip ?? null,
            row.employeeId,
            row.regionCode,
            employee?.unitId ?? null,
            row.competencyCode,
            findCompetency(row.competencyCode)?.name ?? null,
            row.required,
            row.assessed.toFixed(2),
            row.gap.toFixed(2),
            programme?.code ?? null,
            programme?.name ?? null,
            row.hours,
          ]
            .map((value) => csvField(value))
            .join(',');
        });
        if (!res.write(`${lines.join('\r\n')}\r\n`)) await new Promise((resolve) => res.once('drain', resolve));
        const last = rows.at(-1);
        if (rows.length < PAGE || last === undefined) break;
        after = { gap: last.gap, employeeId: last.employeeId, competencyCode: last.competencyCode };
      }
      res.end();
    } catch (error) {
      options.logger.error({ err: error }, 'training-needs CSV export failed');
      res.destroy(error as Error);
    }
  });
}
