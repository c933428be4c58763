import { Migration } from '@kinerja/kit/db';

// Read model of competency.assessment.v1 (AssessmentFinalised): each employee's latest finalised
// assessment, whose mapping category gives the potential axis of the talent 9-box.
export class Migration0005TalentPotential extends Migration {
  override up(): void {
    this.addSql(`create table employee_potential (
      employee_id text primary key,
      assessment_id text not null,
      version int not null,
      assessed_on date not null,
      jpm numeric not null,
      category text not null,
      last_event_at timestamptz not null
    )`);
  }
}
