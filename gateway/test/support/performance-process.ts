// The real performance subgraph as a child process on a fresh database, reading personnel.employee.v1 and
// competency.assessment.v1 from the topics' current ends with consumer groups of its own
// (@kinerja/performance/testing), and its test-only unit head in Keycloak.
export { ensureKepalaUser, KEPALA_USER, startPerformanceProcess as startPerformance, type PerformanceProcess } from '@kinerja/performance/testing';
