import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { testTimeouts } from '../../vitest.shared.ts';

/**
 * The files share one stack with the demo data, and the flows change it (a recomputed TPP month, an SKP
 * draft, a check-in, a SIASN import, a colleague hired for the public feedback page), while the role table
 * and the dashboard tests assert the seeded figures. So the read-only files run first, then the flows in
 * an order where none changes what a later one counts: TPP (Karawang's 68 employees) before the hire.
 */
const order = [
  'roles',
  'dashboard-workbench',
  'session',
  'tpp',
  'skp-flow',
  'attendance-flow',
  'siasn-import',
  'public-feedback',
];
const rank = (file: TestSpecification): number => {
  const index = order.indexOf(basename(file.moduleId).replace(/\.e2e\.test\.ts$/, ''));
  return index === -1 ? order.length : index;
};

class StackOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// One stack (started once in the global setup) and one browser per file; the files run one after the
// other so two Chromium instances never compete for the two CI cores.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    globalSetup: ['./src/stack.ts'],
    fileParallelism: false,
    sequence: { sequencer: StackOrder },
    // Roles sign in side by side (test/roles.e2e.test.ts): the browser mostly waits for the servers.
    maxConcurrency: 3,
    ...testTimeouts,
  },
});
