import { Migration } from '@kinerja/kit/db';

// The top of the chain (issue 10): an employee without a supervisor (the instansi's head) is approved and
// rated by an admin-kepegawaian of the instansi's region. The history says in which capacity each step was
// taken; an SKP and an evaluation name the admin (a username: admins need not be employees) when no
// employee rater exists.
export class Migration0006TopOfChain extends Migration {
  override up(): void {
    this.addSql(`alter table skp_event add column acting_as text not null default 'PEGAWAI' check (acting_as in ('PEGAWAI', 'ATASAN', 'ADMIN_KEPEGAWAIAN'))`);
    this.addSql(`update skp_event set acting_as = 'ATASAN' where action in ('APPROVE', 'REJECT', 'GRANT_REVISION', 'REFUSE_REVISION')`);
    this.addSql('alter table skp_event alter column acting_as drop default');
    this.addSql('alter table skp add column rater_admin text null');
    this.addSql('alter table evaluation alter column rater_employee_id drop not null');
    this.addSql('alter table evaluation add column rater_admin text null');
    this.addSql('alter table evaluation add constraint evaluation_rater_check check (rater_employee_id is not null or rater_admin is not null)');
  }
}
