import { describe, expect, it } from 'vitest';
import { integerOption, listOption, parseCommandLine, usageErrorLine, UsageError } from '../src/command-line.ts';

const spec = {
  name: 'demo',
  helpCommand: 'npm run demo -- --help',
  usage: 'usage: npm run demo -- [--count <n>] [--dry-run]',
  options: { count: { type: 'string', default: '3' }, 'dry-run': { type: 'boolean', default: false } },
} as const;

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no UsageError thrown');
}

describe('parseCommandLine', () => {
  it.each([
    [['--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['--count', '5', '--help'], { kind: 'help' }],
    [[], { kind: 'run', values: { count: '3', 'dry-run': false }, positionals: [] }],
    [['--count=7', '--dry-run'], { kind: 'run', values: { count: '7', 'dry-run': true }, positionals: [] }],
  ])('%j → %j', (args, expected) => {
    expect(parseCommandLine(spec, args)).toEqual(expected);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-x'], 'unknown option -x'],
    [['stray'], 'unexpected argument stray'],
    [['--count'], "option '--count <value>' argument missing"],
    [['--dry-run=yes'], "option '--dry-run' does not take an argument"],
  ])('refuses %j with one line: %s', (args, message) => {
    const text = usageError(() => parseCommandLine(spec, args));
    expect(text).toBe(message);
    expect(text).not.toContain('\n');
  });

  it('accepts positionals only when the spec says so', () => {
    expect(parseCommandLine({ ...spec, positionals: true }, ['up', '--dry-run'])).toEqual({
      kind: 'run',
      values: { count: '3', 'dry-run': true },
      positionals: ['up'],
    });
  });

  it('names the program and how to get its usage in the error line', () => {
    expect(usageErrorLine(spec, 'unknown option --bogus')).toBe('demo: unknown option --bogus (npm run demo -- --help lists the options)');
  });
});

describe('integerOption and listOption', () => {
  it.each([
    ['10', { min: 1 }, 10],
    ['1', { min: 1, max: 5 }, 1],
    ['5', { min: 1, max: 5 }, 5],
  ])('reads %s within %j as %d', (raw, range, expected) => {
    expect(integerOption('count', raw, range)).toBe(expected);
  });

  it.each([
    ['abc', { min: 1 }, "--count must be a whole number ≥ 1, not 'abc'"],
    ['', { min: 1 }, "--count must be a whole number ≥ 1, not ''"],
    ['1.5', { min: 1 }, "--count must be a whole number ≥ 1, not '1.5'"],
    ['0', { min: 1 }, "--count must be a whole number ≥ 1, not '0'"],
    ['6', { min: 1, max: 5 }, "--count must be a whole number from 1 to 5, not '6'"],
  ])('refuses %j within %j', (raw, range, message) => {
    expect(usageError(() => integerOption('count', raw, range))).toBe(message);
  });

  it('keeps the listed items in order and refuses the unknown ones by name', () => {
    expect(listOption('services', ' competency, personnel ', ['personnel', 'competency'])).toEqual(['competency', 'personnel']);
    expect(usageError(() => listOption('services', 'personnel,payroll,hr', ['personnel', 'competency']))).toBe(
      "--services: unknown 'payroll', 'hr' (choose from personnel, competency)",
    );
    expect(usageError(() => listOption('services', ',', ['personnel', 'competency']))).toBe('--services needs at least one of personnel, competency');
  });
});
