import { outboxMigrationSql } from '@kinerja/kit/events';
import { Migration } from '@kinerja/kit/db';

// The personnel schema. Values are checked in the database too, so bulk loaders writing SQL directly
// cannot store a golongan, level or jenis jabatan the API would refuse.
export class Migration0001Schema extends Migration {
  override up(): void {
    this.addSql(`create table region (
      code text primary key,
      name text not null,
      level text not null check (level in ('NATIONAL', 'PROVINCE', 'REGENCY')),
      parent_code text null references region (code)
    )`);
    this.addSql('create index region_parent_code_idx on region (parent_code)');
    this.addSql('create index region_level_idx on region (level)');

    this.addSql(`create table org_unit (
      id uuid primary key,
      name text not null,
      region_code text not null references region (code),
      parent_id uuid null references org_unit (id),
      instansi_id uuid not null references org_unit (id) deferrable initially deferred,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index org_unit_parent_id_idx on org_unit (parent_id)');
    this.addSql('create index org_unit_region_code_idx on org_unit (region_code text_pattern_ops)');

    this.addSql(`create table position (
      id uuid primary key,
      title text not null,
      jenis_jabatan text not null check (jenis_jabatan in ('JPT_UTAMA', 'JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR',
        'PENGAWAS', 'PELAKSANA', 'AHLI_UTAMA', 'AHLI_MADYA', 'AHLI_MUDA', 'AHLI_PERTAMA', 'PENYELIA', 'MAHIR',
        'TERAMPIL', 'PEMULA')),
      kelas_jabatan int not null check (kelas_jabatan between 1 and 17)
    )`);

    this.addSql(`create table employee (
      id uuid primary key,
      nip char(18) not null unique check (nip ~ '^[0-9]{18}$'),
      name text not null,
      gender text not null check (gender in ('MALE', 'FEMALE')),
      birth_date date not null,
      tmt_cpns date null,
      employment_type text not null check (employment_type in ('PNS', 'PPPK')),
      golongan text not null,
      position_id uuid not null references position (id),
      unit_id uuid not null references org_unit (id),
      region_code text not null references region (code),
      supervisor_id uuid null references employee (id),
      status text not null default 'ACTIVE' check (status in ('ACTIVE', 'RETIRED')),
      retired_on date null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint employee_golongan_matches_type check (
        (employment_type = 'PNS' and golongan in ('I/a','I/b','I/c','I/d','II/a','II/b','II/c','II/d',
          'III/a','III/b','III/c','III/d','IV/a','IV/b','IV/c','IV/d','IV/e'))
        or (employment_type = 'PPPK' and golongan in ('I','II','III','IV','V','VI','VII','VIII','IX','X',
          'XI','XII','XIII','XIV','XV','XVI','XVII'))),
      constraint employee_not_own_supervisor check (supervisor_id is distinct from id)
    )`);
    // Scoping is a prefix match on region_code (text_pattern_ops serves LIKE '32.%'); headcounts count
    // active employees per prefix, so the partial index keeps those counts index-only.
    this.addSql('create index employee_region_code_idx on employee (region_code text_pattern_ops) where status = \'ACTIVE\'');
    this.addSql('create index employee_region_code_all_idx on employee (region_code text_pattern_ops)');
    this.addSql('create index employee_supervisor_id_idx on employee (supervisor_id)');
    this.addSql('create index employee_unit_id_idx on employee (unit_id)');
    this.addSql('create index employee_name_id_idx on employee (name, id)');

    for (const sql of outboxMigrationSql) this.addSql(sql);
  }
}
