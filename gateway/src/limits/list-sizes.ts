// How many elements each list field of the supergraph can return, for the cost check (cost.ts). One
// table so a new list field, or a subgraph changing its page sizes, is one line here; test/limits.test.ts
// fails when a list field of the composed supergraph has no line.

/** A field paged by a `first` argument: the subgraph applies `defaultSize` when `first` is omitted and refuses more than `maxSize`. */
export interface PagedListSize {
  kind: 'paged';
  defaultSize: number;
  maxSize: number;
  /** Where the subgraph enforces the default and the maximum. */
  enforcedBy: string;
}

/** A list without paging: bounded by the data, so the cost check assumes a size. */
export interface BoundedListSize {
  kind: 'bounded';
  assumedSize: number;
  /** Why the list stays around that size. */
  bound: string;
  /** A narrower size when an argument narrows the list (e.g. `regions(level: PROVINCE)`). */
  sizeFor?: (args: Readonly<Record<string, unknown>>) => number | undefined;
}

/** The elements of a connection: the connection field (PagedListSize) already multiplied by the page. */
export interface PageElements {
  kind: 'page-elements';
}

export type ListSize = PagedListSize | BoundedListSize | PageElements;

const nineCompetencies = 'the nine managerial competencies (DOMAIN.md "Competency")';

/** Keyed by `Type.field` in the supergraph. */
export const listSizes: Readonly<Record<string, ListSize>> = {
  // Paged fields: the `first` argument, its default when omitted, capped at the subgraph's maximum.
  'Query.employees': {
    kind: 'paged',
    defaultSize: 20,
    maxSize: 100,
    enforcedBy: 'services/personnel/src/resolvers/query.ts (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)',
  },
  'Query.trainingNeeds': {
    kind: 'paged',
    defaultSize: 50,
    maxSize: 500,
    enforcedBy: 'services/competency/src/resolvers/query.ts (trainingNeeds, MAX_PAGE_SIZE)',
  },
  'EmployeeConnection.nodes': { kind: 'page-elements' },
  'EmployeeConnection.edges': { kind: 'page-elements' },
  'TrainingNeedConnection.edges': { kind: 'page-elements' },

  // Personnel: regions, units, positions, teams.
  'Query.regions': {
    kind: 'bounded',
    assumedSize: 514,
    bound:
      '38 provinces, 416 kabupaten + 98 kota (DOMAIN.md "Region codes"); a parentCode lists one province\'s regencies',
    sizeFor: (args) => {
      if (args['level'] === 'NATIONAL') return 1;
      if (args['level'] === 'PROVINCE') return 38;
      return typeof args['parentCode'] === 'string' ? 38 : undefined;
    },
  },
  'Region.children': {
    kind: 'bounded',
    assumedSize: 38,
    bound: 'a province has at most 38 regencies (Jawa Timur); the nation has 38 provinces',
  },
  'Query.orgUnits': {
    kind: 'bounded',
    assumedSize: 50,
    bound: "root units of a region, or one unit's children",
  },
  'OrgUnit.children': { kind: 'bounded', assumedSize: 20, bound: 'bidang/seksi under one unit' },
  'Query.positions': { kind: 'bounded', assumedSize: 200, bound: 'the position catalogue (jabatan)' },
  'Employee.subordinates': {
    kind: 'bounded',
    assumedSize: 10,
    bound:
      'a team: direct subordinates of one atasan; this is what makes supervisor/subordinates round trips costly',
  },
  'RetireEmployeePayload.reassignedSubordinates': {
    kind: 'bounded',
    assumedSize: 10,
    bound: "the retiree's active direct subordinates, moved up by retireEmployee: one team, like Employee.subordinates",
  },

  // Competency: bounded by the nine competencies and their five levels.
  'Query.competencies': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
  'Competency.levels': { kind: 'bounded', assumedSize: 5, bound: 'levels 1–5' },
  'CompetencyLevel.indicators': {
    kind: 'bounded',
    assumedSize: 5,
    bound: 'behavioural indicators of one level',
  },
  'Query.competencyStandards': {
    kind: 'bounded',
    assumedSize: 50,
    bound: 'one standard per jenis jabatan plus instansi/position overrides',
  },
  'CompetencyStandard.levels': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
  'MappingScheme.bands': {
    kind: 'bounded',
    assumedSize: 10,
    bound: 'mapping categories of one scheme (setMappingRule refuses more than 10: services/competency/src/domain/mapping-rule.ts)',
  },
  'Query.trainingProgrammes': { kind: 'bounded', assumedSize: 100, bound: 'the training catalogue' },
  'TrainingNeed.programmes': { kind: 'bounded', assumedSize: 5, bound: 'programmes closing one gap' },
  'Employee.competencyAssessments': {
    kind: 'bounded',
    assumedSize: 10,
    bound: "an employee's assessments and their corrected versions over the years",
  },
  'CompetencyAssessment.scores': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
  'CompetencyAssessment.missingCompetencies': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
  'CompetencyProfile.gaps': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
  'CompetencyProfile.trainingNeeds': { kind: 'bounded', assumedSize: 9, bound: 'one need per negative gap' },
  'Region.competencyGaps': {
    kind: 'bounded',
    assumedSize: 9,
    bound: nineCompetencies,
    sizeFor: (args) => (typeof args['competency'] === 'string' ? 1 : undefined),
  },
  'OrgUnit.competencyGaps': {
    kind: 'bounded',
    assumedSize: 9,
    bound: nineCompetencies,
    sizeFor: (args) => (typeof args['competency'] === 'string' ? 1 : undefined),
  },
  'CompetencyGapSummary.byNeedLevel': { kind: 'bounded', assumedSize: 5, bound: 'levels 1–5' },
  'TrainingNeedsSummary.byCompetency': { kind: 'bounded', assumedSize: 9, bound: nineCompetencies },
};

/** A list field missing from the table (another schema, a field added since): paged by `first` if it has one, else this size. */
export const unlistedListSize = 10;

/** `first` beyond this on a list field missing from the table still counts as this many. */
export const unlistedMaxPageSize = 1000;
