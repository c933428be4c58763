// The real personnel subgraph as a child process on a fresh database (its test/support/process.ts,
// exported as @kinerja/personnel/testing).
export { startPersonnelProcess as startPersonnel, type PersonnelProcess } from '@kinerja/personnel/testing';
