// The Kafka topics of Kinerja ASN: the one place their names are written (docs/conventions.md "Events").
// Producers, consumers, tests and tools import these constants instead of repeating the strings, and
// tools/deploy-check's tests fail when deploy/kafka/topics.yaml (what gets created) and this list
// disagree. `npm run new-service -- <name> <port> --topic <aggregate>` adds a line here.
//
// Naming: <service>.<aggregate>.v<major>, key = employee id; the payload is the protobuf message named
// in the comment (proto/kinerja/<service>/v1/*.proto). Every topic has `<topic>.dlq` beside it.

export const topics = {
  /** EmployeeChanged (personnel/v1/employee.proto): the employee's full snapshot after every change. */
  personnelEmployee: 'personnel.employee.v1',
  /** AssessmentFinalised (competency/v1/assessment.proto). */
  competencyAssessment: 'competency.assessment.v1',
  /** PredikatFinalised (performance/v1/rating.proto). */
  performanceRating: 'performance.rating.v1',
  /** CheckInCaptured (attendance/v1/checkin.proto). */
  attendanceCheckin: 'attendance.checkin.v1',
  /** AttendanceRecapClosed (attendance/v1/recap.proto). */
  attendanceRecap: 'attendance.recap.v1',
  /** TppComputed (remuneration/v1/tpp.proto). */
  remunerationTpp: 'remuneration.tpp.v1',
} as const;

export type Topic = (typeof topics)[keyof typeof topics];

/** Every event topic, in the order above. */
export const allTopics: readonly Topic[] = Object.values(topics);

/** docs/conventions.md "Events": the dead-letter topic beside each topic. */
export const deadLetterSuffix = '.dlq';

/** `personnel.employee.v1` → `personnel.employee.v1.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}${deadLetterSuffix}`;
}
