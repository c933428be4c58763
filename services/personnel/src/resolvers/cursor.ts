// Page cursors of employees(): (name, id) of the last row, opaque to clients.
import { isUuid } from '@kinerja/kit/ids';

export interface EmployeeCursor {
  name: string;
  id: string;
}

export function encodeCursor(cursor: EmployeeCursor): string {
  return Buffer.from(JSON.stringify([cursor.name, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(value: string): EmployeeCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && isUuid(parsed[1])) {
      return { name: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through: not a cursor we issued
  }
  return null;
}
