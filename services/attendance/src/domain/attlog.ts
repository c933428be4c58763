// ATTLOG lines of the ZKTeco ADMS ("iclock") push protocol: one record per line, tab-separated
// `PIN, YYYY-MM-DD HH:MM:SS (device local time), status, verify, workcode, reserved…`. A malformed line is
// counted and reported without failing the batch; the same PIN and time twice is one capture.
import { instantAt, isValidDate } from './office-time.ts';

export interface AttlogRecord {
  readonly pin: string;
  readonly at: Date;
  /** Device punch state: 0 check-in, 1 check-out, 2 break-out, 3 break-in, 4 overtime-in, 5 overtime-out. */
  readonly status: number;
  /** How the person was verified: 1 fingerprint, 15 face, 4 card, 0 password, … */
  readonly verify: number;
  readonly lineNumber: number;
}

export interface MalformedLine {
  readonly lineNumber: number;
  readonly line: string;
  readonly problem: string;
}

export interface ParsedAttlog {
  readonly records: readonly AttlogRecord[];
  readonly malformed: readonly MalformedLine[];
  /** Lines repeating a PIN and time already in this batch. */
  readonly duplicates: number;
}

const TIME_PATTERN = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const PIN_PATTERN = /^[0-9A-Za-z]{1,24}$/;
const MAX_LINE_LENGTH = 512;

function parseLine(line: string, lineNumber: number, zone: string): AttlogRecord | string {
  if (line.length > MAX_LINE_LENGTH) return 'baris terlalu panjang';
  const fields = line.split('\t').map((field) => field.trim());
  if (fields.length < 2) return 'kurang dari 2 kolom (PIN, waktu)';
  const [pin = '', time = '', status = '0', verify = '0'] = fields;
  if (!PIN_PATTERN.test(pin)) return `PIN tidak valid: ${pin.slice(0, 30)}`;
  const match = TIME_PATTERN.exec(time);
  const hours = Number(match?.[2]);
  const minutes = Number(match?.[3]);
  const seconds = Number(match?.[4]);
  if (match === null || !isValidDate(match[1] as string) || hours > 23 || minutes > 59 || seconds > 59) return `waktu tidak valid: ${time.slice(0, 30)}`;
  const statusCode = status === '' ? 0 : Number(status);
  const verifyCode = verify === '' ? 0 : Number(verify);
  if (!Number.isInteger(statusCode) || statusCode < 0 || statusCode > 255) return `status tidak valid: ${status.slice(0, 10)}`;
  if (!Number.isInteger(verifyCode) || verifyCode < 0 || verifyCode > 255) return `verifikasi tidak valid: ${verify.slice(0, 10)}`;
  const at = new Date(instantAt(match[1] as string, hours * 60 + minutes, zone).getTime() + seconds * 1000);
  return { pin, at, status: statusCode, verify: verifyCode, lineNumber };
}

/** Parses an ATTLOG body whose times are wall-clock times of the device's office zone. */
export function parseAttlog(body: string, zone: string): ParsedAttlog {
  const records: AttlogRecord[] = [];
  const malformed: MalformedLine[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  body.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parsed = parseLine(line, index + 1, zone);
    if (typeof parsed === 'string') {
      malformed.push({ lineNumber: index + 1, line: line.slice(0, 120), problem: parsed });
      return;
    }
    const key = `${parsed.pin}\u0000${parsed.at.getTime()}`;
    if (seen.has(key)) {
      duplicates += 1;
      return;
    }
    seen.add(key);
    records.push(parsed);
  });
  return { records, malformed, duplicates };
}

/** Devices mark check-out with status 1 and 5 (overtime out); everything else reads as in or unknown. */
export function kindOfPunch(status: number): 'IN' | 'OUT' | 'UNKNOWN' {
  if (status === 0 || status === 4) return 'IN';
  if (status === 1 || status === 5) return 'OUT';
  return 'UNKNOWN';
}
