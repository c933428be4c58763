import { readFileSync } from 'node:fs';
import { Migration } from '@kinerja/kit/db';
import { NATIONAL_REGION_CODE } from '@kinerja/kit/scoping';
import { parseRegionsTsv } from '../domain/region.ts';

const regionsFile = new URL('../../data/regions-kemendagri-2025.tsv', import.meta.url);

// Reference data from data/regions-kemendagri-2025.tsv (source in data/README.md): the national row,
// 38 provinces and 514 regencies/cities. An upsert, so re-running it only refreshes names.
export class Migration0002SeedRegions extends Migration {
  override async up(): Promise<void> {
    const rows = [
      { code: NATIONAL_REGION_CODE, name: 'Indonesia', level: 'NATIONAL', parentCode: null },
      ...parseRegionsTsv(readFileSync(regionsFile, 'utf8')),
    ];
    // Parents first (national, provinces, regencies) so the self-reference holds row by row.
    await this.execute(
      `insert into region (code, name, level, parent_code)
       select code, name, level, parent_code
       from jsonb_to_recordset(?::jsonb) as r(code text, name text, level text, parent_code text)
       order by length(code)
       on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
      [JSON.stringify(rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })))],
    );
  }
}
