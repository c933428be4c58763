// Event contracts generated from kinerja/**/*.proto by `npm run build -w @kinerja/proto` (buf generate → gen/).
export * from '../gen/kinerja/personnel/v1/employee_pb.js';
export * from '../gen/kinerja/competency/v1/assessment_pb.js';
export * from '../gen/kinerja/performance/v1/rating_pb.js';
export * from '../gen/kinerja/attendance/v1/checkin_pb.js';
export * from '../gen/kinerja/attendance/v1/recap_pb.js';
export * from '../gen/kinerja/remuneration/v1/tpp_pb.js';
export { create, toBinary, fromBinary, clone, equals } from '@bufbuild/protobuf';
export type { MessageShape, MessageInitShape } from '@bufbuild/protobuf';
// For hot paths that encode one message shape many times by hand (remuneration's monthly run).
export { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
export { topics, allTopics, deadLetterSuffix, deadLetterTopic, type Topic } from './topics.ts';
