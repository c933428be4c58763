// The five operations of the benchmark (issue "dataset generator … and the benchmark harness"), each as
// the gateway receives it and as the subgraph fetches the gateway would make, so the gateway's
// overhead can be measured against the sum of its subgraphs. When a new subgraph adds fields, add them
// to the gateway query and one more `_entities` step here.

export type SubgraphName = 'personnel' | 'competency' | 'performance' | 'attendance' | 'remuneration';

export interface DirectStep {
  subgraph: SubgraphName;
  query: string;
  /** Variables from the data of the steps before (representations of the entities to resolve). */
  variables?: (previous: readonly unknown[]) => Record<string, unknown>;
}

export interface Scenario {
  name: string;
  title: string;
  /** Demo user (docs/conventions.md) whose token the scenario runs with. */
  user: string;
  query: string;
  variables?: Record<string, unknown>;
  direct: DirectStep[];
}

/** Demo employees the scenarios look at (always in the seeded data). */
export const DEMO_PEGAWAI_NIP = '199001152015032001';

const gapFields = 'competency { code } assessedEmployees employeesBelowStandard averageGap byNeedLevel { level employees }';

/** Every object in `data` with `__typename` = typename, as a federation representation keyed by `key`. */
export function representations(data: unknown, typename: string, key: string): Record<string, unknown>[] {
  const found = new Map<string, Record<string, unknown>>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record['__typename'] === typename && typeof record[key] === 'string') {
        found.set(record[key] as string, { __typename: typename, [key]: record[key] });
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(data);
  return [...found.values()];
}

const entitiesStep = (subgraph: SubgraphName, typename: string, key: string, selection: string): DirectStep => ({
  subgraph,
  query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`,
  variables: (previous) => ({ representations: representations(previous, typename, key) }),
});

/**
 * The periods the all-domain dashboard shows on `today`: last year's annual predikat (the year that is
 * finalised) and the previous calendar month's TPP (the month that is computed), as the seed loads them.
 */
export function dashboardPeriods(today: Date): { year: number; month: string } {
  const previousMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return { year: today.getUTCFullYear() - 1, month: previousMonth.toISOString().slice(0, 7) };
}

export function scenarios(options: { employeePageSize?: number; today?: Date } = {}): Scenario[] {
  const pageSize = options.employeePageSize ?? 100;
  const { year, month } = dashboardPeriods(options.today ?? new Date());
  // Issue 13: one operation for the national dashboard across all five domains, each part from maintained aggregates.
  const domainFields = {
    performance: `predikatDistribution(year: ${year}) { total counts { predikat employees share } }`,
    attendance: 'attendanceToday { present late absent onLeave off }',
    remuneration: `tppSummary(month: "${month}") { headcountPaid gross deductions net }`,
  };
  const allDomains = `headcount competencyGaps { ${gapFields} } ${domainFields.performance} ${domainFields.attendance} ${domainFields.remuneration}`;
  const domainSteps = (['performance', 'attendance', 'remuneration'] as const).map((subgraph) => entitiesStep(subgraph, 'Region', 'code', domainFields[subgraph]));
  const employeeFields = 'id nip name golongan employmentType position { title jenisJabatan kelasJabatan } unit { name } region { name } supervisor { name }';
  return [
    {
      name: 'national-dashboard',
      title: 'National dashboard: headcount and competency gap summary per province',
      user: 'nasional.pimpinan',
      query: `{ regions(level: PROVINCE) { code name headcount competencyGaps { ${gapFields} } } }`,
      direct: [
        { subgraph: 'personnel', query: '{ regions(level: PROVINCE) { __typename code name headcount } }' },
        entitiesStep('competency', 'Region', 'code', `competencyGaps { ${gapFields} }`),
      ],
    },
    {
      name: 'provincial-drilldown',
      title: 'Provincial drill-down: Jawa Barat by regency',
      user: 'jabar.analis',
      query: `{ region(code: "32") { code name headcount children { code name headcount competencyGaps { ${gapFields} } } } }`,
      direct: [
        { subgraph: 'personnel', query: '{ region(code: "32") { code name headcount children { __typename code name headcount } } }' },
        entitiesStep('competency', 'Region', 'code', `competencyGaps { ${gapFields} }`),
      ],
    },
    {
      name: 'national-dashboard-all',
      title: 'National dashboard in one operation across all five domains: per province headcount, competency gaps, predikat distribution, attendance today, TPP paid',
      user: 'nasional.pimpinan',
      query: `{ regions(level: PROVINCE) { code name ${allDomains} } }`,
      direct: [
        { subgraph: 'personnel', query: '{ regions(level: PROVINCE) { __typename code name headcount } }' },
        entitiesStep('competency', 'Region', 'code', `competencyGaps { ${gapFields} }`),
        ...domainSteps,
      ],
    },
    {
      name: 'provincial-drilldown-all',
      title: 'Provincial drill-down across all five domains: Jawa Barat by regency',
      user: 'jabar.analis',
      query: `{ region(code: "32") { code name headcount children { code name ${allDomains} } } }`,
      direct: [
        { subgraph: 'personnel', query: '{ region(code: "32") { code name headcount children { __typename code name headcount } } }' },
        entitiesStep('competency', 'Region', 'code', `competencyGaps { ${gapFields} }`),
        ...domainSteps,
      ],
    },
    {
      name: 'employee-profile',
      title: "One employee's cross-domain profile (the atasan looks at the pegawai)",
      user: 'karawang.atasan',
      query: `query($nip: String!) { employee(nip: $nip) { ${employeeFields} competencyProfile { jpm category gaps { competency { code name } required assessed gap } trainingNeeds { competency { code } gap hours programme { code name hours } } } competencyAssessments { id assessedOn status jpm } } }`,
      variables: { nip: DEMO_PEGAWAI_NIP },
      direct: [
        { subgraph: 'personnel', query: `query { employee(nip: "${DEMO_PEGAWAI_NIP}") { __typename ${employeeFields} } }` },
        entitiesStep(
          'competency',
          'Employee',
          'id',
          'competencyProfile { jpm category gaps { competency { code name } required assessed gap } trainingNeeds { competency { code } gap hours programme { code name hours } } } competencyAssessments { id assessedOn status jpm }',
        ),
      ],
    },
    {
      name: 'training-needs',
      title: 'Training-needs page for Kabupaten Karawang (50 rows and totals)',
      user: 'karawang.diklat',
      query: '{ trainingNeeds(regionCode: "32.15", first: 50) { edges { node { employee { nip name position { title } unit { name } } competency { code name } required assessed gap hours programme { name hours } } } pageInfo { hasNextPage endCursor } } trainingNeedsSummary(regionCode: "32.15") { people needs hours } }',
      direct: [
        {
          subgraph: 'competency',
          query: '{ trainingNeeds(regionCode: "32.15", first: 50) { edges { node { employee { __typename id } competency { code name } required assessed gap hours programme { name hours } } } pageInfo { hasNextPage endCursor } } trainingNeedsSummary(regionCode: "32.15") { people needs hours } }',
        },
        entitiesStep('personnel', 'Employee', 'id', 'nip name position { title } unit { name }'),
      ],
    },
    {
      name: 'employee-list',
      title: `Employee list, ${pageSize} per page, with fields from every subgraph`,
      user: 'jabar.analis',
      query: `{ employees(filter: { regionCode: "32" }, first: ${pageSize}) { totalCount pageInfo { hasNextPage endCursor } nodes { ${employeeFields} competencyProfile { jpm category } } } }`,
      direct: [
        { subgraph: 'personnel', query: `{ employees(filter: { regionCode: "32" }, first: ${pageSize}) { totalCount pageInfo { hasNextPage endCursor } nodes { __typename ${employeeFields} } } }` },
        entitiesStep('competency', 'Employee', 'id', 'competencyProfile { jpm category }'),
      ],
    },
  ];
}
