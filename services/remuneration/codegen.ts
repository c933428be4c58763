// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift). Parents
// are the shapes src/resolvers/shapes.ts builds from the domain and the repositories' rows.
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
        contextType: '../resolvers/context.ts#RemunerationContext',
        mappers: {
          TppRule: '../repositories/rule-rows.ts#RuleRow',
          TppRun: '../repositories/statement-rows.ts#RunRow',
          Employee: '../resolvers/parents.ts#EmployeeParent',
          Region: '../resolvers/parents.ts#RegionParent',
          OrgUnit: '../resolvers/parents.ts#OrgUnitParent',
        },
      },
    },
  },
};

export default config;
