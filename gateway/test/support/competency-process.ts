// The real competency subgraph as a child process on a fresh database, reading personnel.employee.v1 from
// the topic's current end with a consumer group of its own (@kinerja/competency/testing).
export { startCompetencyProcess as startCompetency, type CompetencyProcess } from '@kinerja/competency/testing';
