// The real personnel subgraph as a child process on a fresh database (@kinerja/kit/testing).
export { startPersonnelProcess as startPersonnel, type SubgraphProcess as PersonnelProcess } from '@kinerja/kit/testing';
