// Defaults every workspace's vitest config starts from. Integration suites start real subgraph
// processes and talk to real PostgreSQL, Kafka and Keycloak on a 2-core CI machine shared by several
// workspaces' suites at once, so the per-test limits are generous: nothing here asserts on time
// (speed targets live in `npm run bench`), and a limit only stops a test that hangs.
// A CI run on a clean clone (load 17 on 2 cores) took a test past 90 s that needs ~15 s alone (the seed's
// 35,000-row determinism check) and another that kills and restarts a subgraph: both limits are 240 s.
export const testTimeouts = { testTimeout: 240_000, hookTimeout: 240_000 };
