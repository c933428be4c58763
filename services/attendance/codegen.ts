// Resolver types generated from schema.graphql (DESIGN.md: the SDL and the code cannot drift).
// Parents are the repositories' rows and the shapes resolvers/parents.ts names, so field resolvers are
// checked against what the parent really holds.
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
        contextType: '../resolvers/context.ts#Context',
        mappers: {
          Employee: '../resolvers/parents.ts#EmployeeParent',
          Region: '../resolvers/parents.ts#RegionParent',
          OrgUnit: '../resolvers/parents.ts#OrgUnitParent',
          AttendanceMonth: '../resolvers/parents.ts#MonthParent',
          AttendanceDay: '../resolvers/parents.ts#DayParent',
          Capture: '../repositories/capture-rows.ts#CaptureRow',
          AttendanceOffice: '../repositories/office-rows.ts#OfficeRow',
          Geofence: '../repositories/office-rows.ts#GeofenceRow',
          FingerprintDevice: '../repositories/office-rows.ts#DeviceRow',
          AbsenceRequest: '../repositories/request-rows.ts#AbsenceRow',
          CorrectionRequest: '../repositories/request-rows.ts#CorrectionRow',
          WorkSchedule: '../domain/schedule.ts#Schedule as DomainSchedule',
        },
      },
    },
  },
};

export default config;
