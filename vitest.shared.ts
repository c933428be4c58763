// Defaults every workspace's vitest config starts from. Integration suites start real subgraph
// processes and talk to real PostgreSQL, Kafka and Keycloak on a 2-core CI machine shared by several
// workspaces' suites at once, so the per-test limits are generous: nothing here asserts on time
// (speed targets live in `npm run bench`), and a limit only stops a test that hangs.
export const testTimeouts = { testTimeout: 90_000, hookTimeout: 240_000 };
