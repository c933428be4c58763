// Event contracts generated from kinerja/**/*.proto by `npm run build -w @kinerja/proto` (buf generate → gen/).
export * from '../gen/kinerja/personnel/v1/employee_pb.js';
export * from '../gen/kinerja/competency/v1/assessment_pb.js';
export { create, toBinary, fromBinary, clone, equals } from '@bufbuild/protobuf';
export type { MessageShape, MessageInitShape } from '@bufbuild/protobuf';
