// CSV import of device logs for devices that were offline (issue 11 "Capture" 3): one capture per line,
// `serial,pin,YYYY-MM-DD HH:MM:SS[,status]` in the office's local time, an optional header line. Each
// serial's lines become an ATTLOG body, so the import and the device endpoint share one line parser.

export interface CsvDeviceLines {
  /** ATTLOG body: `pin\ttime\tstatus` per line. */
  readonly body: string;
  /** CSV line number of each body line (1-based), in order. */
  readonly lineNumbers: readonly number[];
}

export interface SplitCaptureCsv {
  readonly bySerial: ReadonlyMap<string, CsvDeviceLines>;
  readonly malformed: readonly { lineNumber: number; problem: string }[];
  readonly lines: number;
}

export const MAX_IMPORT_LINES = 50_000;
const HEADER = /^\s*serial\s*,\s*pin\s*,/i;

export function splitCaptureCsv(csv: string): SplitCaptureCsv {
  const groups = new Map<string, { rows: string[]; lineNumbers: number[] }>();
  const malformed: { lineNumber: number; problem: string }[] = [];
  let lines = 0;
  csv.split(/\r?\n/).forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === '' || (lineNumber === 1 && HEADER.test(line))) return;
    lines += 1;
    const fields = line.split(',').map((field) => field.trim());
    if (fields.length < 3 || fields.length > 4) {
      malformed.push({ lineNumber, problem: 'harus 3 atau 4 kolom: serial,pin,waktu[,status]' });
      return;
    }
    const [serial = '', pin = '', time = '', status = '0'] = fields;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(serial)) {
      malformed.push({ lineNumber, problem: `nomor seri tidak valid: ${serial.slice(0, 30)}` });
      return;
    }
    const group = groups.get(serial) ?? { rows: [], lineNumbers: [] };
    // Tabs inside a field would shift the ATTLOG columns; the ATTLOG parser then reports the line.
    group.rows.push([pin, time, status].join('\t'));
    group.lineNumbers.push(lineNumber);
    groups.set(serial, group);
  });
  return {
    bySerial: new Map([...groups].map(([serial, group]) => [serial, { body: group.rows.join('\n'), lineNumbers: group.lineNumbers }])),
    malformed,
    lines,
  };
}
