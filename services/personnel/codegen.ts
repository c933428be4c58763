// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift).
// Parents are the repositories' rows, so field resolvers are checked against what the queries return.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  overwrite: true,
  silent: true,
  generates: {
    'src/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        // Node's type stripping runs this file: no TypeScript enums.
        enumsAsTypes: true,
        contextType: '../resolvers/context.ts#PersonnelContext',
        mappers: {
          Employee: '../repositories/employee-rows.ts#EmployeeRow',
          Region: '../repositories/reference-rows.ts#RegionRow',
          OrgUnit: '../repositories/reference-rows.ts#OrgUnitRow',
          Position: '../repositories/reference-rows.ts#PositionRow',
          // totalCount is resolved lazily from what the parent says to count (resolvers/types.ts).
          EmployeeConnection: '../repositories/employee-rows.ts#EmployeeConnectionParent',
          SiasnImportJob: '../repositories/siasn-import-jobs.ts#SiasnImportJobRow',
          SiasnImportRow: '../commands/siasn-import.ts#ImportReportRow',
          SiasnDifference: '../repositories/siasn-diff.ts#Difference',
        },
      },
    },
  },
};

export default config;
