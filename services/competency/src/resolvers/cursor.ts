// Page cursors of trainingNeeds(): (gap, employee, competency) of the last row, opaque to clients.
import { badUserInput } from '@kinerja/kit/errors';
import type { NeedCursor } from '../repositories/training-need-rows.ts';

export function encodeCursor(cursor: NeedCursor): string {
  return Buffer.from(JSON.stringify([cursor.gap, cursor.employeeId, cursor.competencyCode])).toString('base64url');
}

export function decodeCursor(value: string): NeedCursor {
  try {
    const [gap, employeeId, competencyCode] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof gap === 'number' && typeof employeeId === 'string' && typeof competencyCode === 'string') return { gap, employeeId, competencyCode };
  } catch {
    // falls through to the error below
  }
  throw badUserInput('Kursor halaman tidak valid; mulai lagi dari halaman pertama', 'invalid_cursor');
}
