import { Migration } from '@kinerja/kit/db';

// Maintained headcounts (DESIGN.md "Federation": dashboard aggregates cost O(regions), not
// O(employees)). Before this, Region.headcount counted employee rows on every read, so the national
// dashboard grew from 0.86 s at 10k employees to 4.5 s at 100k (bench/README.md).
//
// region_headcount: ACTIVE employees per region code at EVERY ancestor level (`ID`, the province `32`,
// the regency `32.15`), so reading any region is one primary-key lookup and 38 provinces are 38 rows.
// unit_headcount: ACTIVE direct members per unit; OrgUnit.headcount sums a unit's subtree over the
// small unit tree at read time (repositories/reference-rows.ts says why).
//
// Why triggers rather than updates in each command: every writer of `employee` goes through them in
// its own transaction, whatever it is — the API commands (hire, transfer, retire, through MikroORM's
// flush), the bulk loader (src/bulk, `INSERT … ON CONFLICT DO NOTHING`: the NEW TABLE transition
// holds only the rows the statement actually inserted, so a re-run adds nothing), and fixtures or
// repairs written as plain SQL (the gateway's integration fixtures do that). A summary kept by
// application code would silently drift the first time one of those forgot it.
//
// Statement-level triggers with transition tables: one aggregate per statement, not per row, so a
// bulk batch of 10 000 employees costs one grouped upsert. Deltas are summed per key and applied in
// key order, so concurrent writers lock the summary rows in the same order and cannot deadlock; the
// `ID` row is updated by every hire, which serialises hires nationally for the (short) rest of their
// transactions — hires are rare compared with dashboard reads. (No `>= 0` check on the counters:
// PostgreSQL checks the proposed row of INSERT … ON CONFLICT before it resolves the conflict, so a -1
// delta would trip it; test/headcount.integration.test.ts compares every level with a recount instead.)
export class Migration0003HeadcountSummary extends Migration {
  override up(): void {
    this.addSql(`create table region_headcount (
      region_code text primary key references region (code),
      active_employees integer not null
    )`);
    this.addSql(`create table unit_headcount (
      unit_id uuid primary key references org_unit (id),
      active_employees integer not null
    )`);

    // '32.15' -> ID, 32, 32.15; '32' -> ID, 32; 'ID' -> ID. Whole segments, like the scoping prefix match.
    this.addSql(`create function region_ancestors(code text) returns setof text
      language sql immutable strict parallel safe as $$
        select 'ID'
        union all
        select array_to_string((string_to_array(code, '.'))[1:n], '.')
        from generate_series(1, cardinality(string_to_array(code, '.'))) as n
        where code <> 'ID'
      $$`);

    this.addSql(`create function apply_headcount_changes(region_codes text[], unit_ids uuid[], deltas int[]) returns void
      language sql as $$
        insert into region_headcount as h (region_code, active_employees)
        select a.code, sum(c.delta)::int
        from unnest(region_codes, deltas) as c(region_code, delta)
        cross join lateral region_ancestors(c.region_code) as a(code)
        group by a.code having sum(c.delta) <> 0
        order by a.code
        on conflict (region_code) do update set active_employees = h.active_employees + excluded.active_employees;

        insert into unit_headcount as h (unit_id, active_employees)
        select c.unit_id, sum(c.delta)::int
        from unnest(unit_ids, deltas) as c(unit_id, delta)
        group by c.unit_id having sum(c.delta) <> 0
        order by c.unit_id
        on conflict (unit_id) do update set active_employees = h.active_employees + excluded.active_employees;
      $$`);

    // One function for the three triggers: PostgreSQL allows transition tables only on single-event
    // triggers, and plpgsql resolves old_rows/new_rows only in the branch that runs.
    this.addSql(`create function employee_headcount_changed() returns trigger language plpgsql as $$
      declare
        region_codes text[];
        unit_ids uuid[];
        deltas int[];
      begin
        if tg_op = 'INSERT' then
          select array_agg(region_code), array_agg(unit_id), array_agg(1) into region_codes, unit_ids, deltas
          from new_rows where status = 'ACTIVE';
        elsif tg_op = 'DELETE' then
          select array_agg(region_code), array_agg(unit_id), array_agg(-1) into region_codes, unit_ids, deltas
          from old_rows where status = 'ACTIVE';
        else
          select array_agg(region_code), array_agg(unit_id), array_agg(delta) into region_codes, unit_ids, deltas
          from (select region_code, unit_id, -1 as delta from old_rows where status = 'ACTIVE'
                union all
                select region_code, unit_id, 1 as delta from new_rows where status = 'ACTIVE') as changes;
        end if;
        if deltas is not null then
          perform apply_headcount_changes(region_codes, unit_ids, deltas);
        end if;
        return null;
      end
    $$`);
    this.addSql(`create trigger employee_headcount_insert after insert on employee
      referencing new table as new_rows for each statement execute function employee_headcount_changed()`);
    this.addSql(`create trigger employee_headcount_update after update on employee
      referencing old table as old_rows new table as new_rows for each statement execute function employee_headcount_changed()`);
    this.addSql(`create trigger employee_headcount_delete after delete on employee
      referencing old table as old_rows for each statement execute function employee_headcount_changed()`);

    // Backfill. CREATE TRIGGER above took a SHARE ROW EXCLUSIVE lock on employee that this (one)
    // migration transaction keeps until commit, so no write can fall between the count and the triggers.
    this.addSql(`insert into region_headcount (region_code, active_employees)
      select a.code, count(*)::int
      from employee e cross join lateral region_ancestors(e.region_code) as a(code)
      where e.status = 'ACTIVE'
      group by a.code`);
    this.addSql(`insert into unit_headcount (unit_id, active_employees)
      select e.unit_id, count(*)::int from employee e where e.status = 'ACTIVE' group by e.unit_id`);
  }
}
