import { describe, expect, it } from 'vitest';
import { trainingNeedsCsvFileName, trainingNeedsCsvUrl } from '../src/training/csv-export.ts';
import { formatDate } from '../src/format/date.ts';

describe('training-needs CSV export URL', () => {
  it.each([
    ['', { regionCode: '32.15', competency: 'M.4' }, '/exports/training-needs.csv?regionCode=32.15&competency=M.4'],
    ['', { regionCode: null, competency: null }, '/exports/training-needs.csv'],
    ['http://localhost:4002/', { regionCode: '32', unitId: 'u-1', competency: null }, 'http://localhost:4002/exports/training-needs.csv?regionCode=32&unitId=u-1'],
    ['', { regionCode: '32', competency: 'SK.1&x=1' }, '/exports/training-needs.csv?regionCode=32&competency=SK.1%26x%3D1'],
  ])('base %j, filter %j', (base, filter, expected) => {
    expect(trainingNeedsCsvUrl(base, filter)).toBe(expected);
  });

  it('names the file after the filter', () => {
    expect(trainingNeedsCsvFileName({ regionCode: '32.15', competency: 'M.4' })).toBe('kebutuhan-diklat-32.15-M.4.csv');
    expect(trainingNeedsCsvFileName({ regionCode: null, competency: null })).toBe('kebutuhan-diklat-nasional.csv');
  });
});

describe('Indonesian dates', () => {
  it.each([
    ['2025-03-07', '7 Maret 2025'],
    ['2024-12-31', '31 Desember 2024'],
    ['2025-02-30', '2025-02-30'],
    ['kemarin', 'kemarin'],
    [null, '–'],
  ])('formatDate(%s) = %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });
});
