import { UsageError } from '@kinerja/cli';
import { describe, expect, it } from 'vitest';
import { infraArguments } from '../../src/cli.ts';

describe('npm run infra -- <command>', () => {
  it.each([
    [['up'], { subcommand: 'up', command: [] }],
    [['status'], { subcommand: 'status', command: [] }],
    [['down'], { subcommand: 'down', command: [] }],
    // npm test: everything after -- belongs to the command, its options included.
    [['run', '--', 'turbo', 'run', 'test', '--continue=never'], { subcommand: 'run', command: ['turbo', 'run', 'test', '--continue=never'] }],
    [['run', 'npx', 'vitest', '--run'], { subcommand: 'run', command: ['npx', 'vitest', '--run'] }],
    [['--help'], { help: true }],
    [['run', '--help'], { help: true }],
    [['status', '-h'], { help: true }],
  ])('%j → %j', (argv, expected) => {
    expect(infraArguments(argv)).toEqual(expected);
  });

  it.each([
    [[], 'a command is needed: up, down, status or run'],
    [['restart'], "unknown command 'restart' (up, down, status or run)"],
    [['--verbose', 'up'], 'unknown option --verbose'],
    [['up', 'now'], "up takes no arguments, got 'now'"],
    [['down', '--', 'x'], "down takes no arguments, got '-- x'"],
    [['run'], 'run needs a command: npm run infra -- run -- <command…>'],
    [['run', '--'], 'run needs a command: npm run infra -- run -- <command…>'],
    [['run', '--quiet', 'ls'], 'unknown option --quiet'],
  ])('refuses %j', (argv, message) => {
    expect(() => infraArguments(argv)).toThrow(new UsageError(message));
  });
});
