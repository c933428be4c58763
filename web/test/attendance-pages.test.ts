// Helpers of the attendance pages: the month calendar, the distance shown before a check-in, the recap export.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AttendanceDayView, RecapRow } from '../src/graphql/documents/attendance.ts';
import { calendarWeeks, currentMonth, daysToExplain, isMonth, shiftMonth, statusTone } from '../src/attendance/month-calendar.ts';
import { greatCircleMeters, nearestFence } from '../src/attendance/geofence-distance.ts';
import { countedDays, recapCsv, recapFileName, recapLines, recapXlsx } from '../src/attendance/recap-export.ts';
import { formatMonth } from '../src/attendance/month-label.ts';
import { formatClockIn } from '../src/attendance/clock.ts';

const day = (date: string, codes: string[], reason = ''): AttendanceDayView => ({
  date, status: codes[0] ?? 'HADIR', codes, lateMinutes: 0, earlyMinutes: 0, reason, provisional: false, firstIn: null, lastOut: null,
});

describe('month calendar', () => {
  it('lays October 2026 out Monday first: the 1st is a Thursday, five weeks, blanks around', () => {
    const weeks = calendarWeeks('2026-10', [day('2026-10-01', ['HADIR']), day('2026-10-05', ['TL1'])]);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]?.[3]).toMatchObject({ date: '2026-10-01', dayOfMonth: 1, day: { status: 'HADIR' } });
    expect(weeks[1]?.[0]).toMatchObject({ date: '2026-10-05', day: { codes: ['TL1'] } });
    expect(weeks[4]?.[5]).toMatchObject({ date: '2026-10-31', day: null });
    expect(weeks[4]?.[6]).toBeNull();
  });

  it.each([
    ['HADIR', 'present'], ['TL3', 'late'], ['PSW1', 'early'], ['TK', 'absent'], ['CUTI', 'leave'], ['DINAS_LUAR', 'leave'], ['LIBUR', 'off'], ['BELUM_PRESENSI', 'pending'],
  ])('colours %s as %s', (status, tone) => {
    expect(statusTone(status)).toBe(tone);
  });

  it('explains TL, PSW and TK days only (a TL with a PSW once)', () => {
    const days = [day('2026-10-01', ['HADIR']), day('2026-10-02', ['TL2', 'PSW1']), day('2026-10-05', ['TK']), day('2026-10-06', ['CUTI']), day('2026-10-07', ['PSW4'])];
    expect(daysToExplain(days).map((d) => d.date)).toEqual(['2026-10-02', '2026-10-05', '2026-10-07']);
  });

  it('moves between months across years, reads the month in WIB and names it in Indonesian', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(currentMonth(new Date('2026-10-31T18:00:00Z'))).toBe('2026-11');
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-10')).toBe(true);
    expect(formatMonth('2026-10')).toBe('Oktober 2026');
    expect(formatClockIn('2026-10-05T00:47:00Z', 'Asia/Jakarta')).toBe('07:47');
    expect(formatClockIn('2026-10-05T00:47:00Z', 'Asia/Jayapura')).toBe('09:47');
  });
});

describe('distance to the office before checking in', () => {
  const fences = [
    { id: 'a', name: 'Halaman kantor', latitude: -6.3048, longitude: 107.3036, radiusMeters: 50 },
    { id: 'b', name: 'Gedung B', latitude: -6.31, longitude: 107.31, radiusMeters: 50 },
  ];
  it('measures 120 m north of a fence as about 120 m and picks the nearest fence', () => {
    const north = { latitude: -6.3048 + 120 / 111_195, longitude: 107.3036 };
    expect(Math.round(greatCircleMeters(north, fences[0]!))).toBe(120);
    expect(nearestFence(north, fences)).toMatchObject({ fence: { id: 'a' }, meters: 120 });
    expect(nearestFence(north, [])).toBeNull();
  });
});

describe('unit recap export', () => {
  const rows: RecapRow[] = [
    { id: '1', nip: '199001152015032001', name: 'Siti Rahmawati, S.Kom.', unit: { id: 'u', name: 'Bidang "Mutasi", Karawang' }, attendance: { counts: [{ code: 'HADIR', count: 19 }, { code: 'TL1', count: 1 }, { code: 'CUTI', count: 1 }, { code: 'PSW1', count: 1 }] } },
    { id: '2', nip: '196501012000031001', name: 'Atasan Lain', unit: null, attendance: null },
  ];
  const headers = { nip: 'NIP', name: 'Nama', unit: 'Unit kerja' };

  it('counts the codes per employee and marks rows the viewer may not see', () => {
    const lines = recapLines(rows);
    expect(lines[0]?.counts).toMatchObject({ HADIR: 19, TL1: 1, CUTI: 1, PSW1: 1, TK: 0 });
    expect(countedDays(lines[0]?.counts ?? {})).toBe(22);
    expect(lines[1]?.counts).toBeNull();
  });

  it('writes CSV with a BOM, CRLF and quoted cells, leaving out rows not visible', () => {
    const csv = recapCsv(recapLines(rows), headers);
    expect(csv.startsWith('\uFEFFNIP,Nama,Unit kerja,HADIR,TL1,')).toBe(true);
    expect(csv).toContain('\r\n199001152015032001,"Siti Rahmawati, S.Kom.","Bidang ""Mutasi"", Karawang",19,1,0,0,0,1,0,0,0,0,1,');
    expect(csv).not.toContain('Atasan Lain');
    expect(recapFileName('2026-10', 'csv')).toBe('rekap-kehadiran-2026-10.csv');
  });

  it('writes an XLSX whose NIP stays text and whose counts are numbers', async () => {
    const blob = await recapXlsx(recapLines(rows), headers, 'Rekap');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet('Rekap');
    expect(sheet?.getRow(1).getCell(4).value).toBe('HADIR');
    expect(sheet?.getRow(2).getCell(1).value).toBe('199001152015032001');
    expect(sheet?.getRow(2).getCell(4).value).toBe(19);
    expect(sheet?.rowCount).toBe(2);
    // exceljs is a large module: loading it alone outlasts the default limit on a busy CI machine.
  }, 60_000);
});
