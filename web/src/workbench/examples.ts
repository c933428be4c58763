// Saved example operations the workbench opens with (one GraphiQL tab each), chosen by the signed-in
// user's roles and region: a dashboard of their region, a regency's training needs (roles that may read
// them) and an employee profile. test/workbench-examples.test.ts validates them against the supergraph.
import { hasAnyRole, seesEmployees, trainingRoles } from '../auth/viewer.ts';
import type { Viewer } from '../auth/viewer.ts';
import { levelOfRegionCode } from '../format/region-level.ts';

export interface ExampleOperation {
  readonly title: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

/** A regency inside the viewer's region with demo data, for the training-needs example. */
const sampleRegency: Record<string, string> = { ID: '32.15', '32': '32.15', '36': '36.03' };
/** An employee inside the viewer's region (demo data: Karawang's pegawai, a Tangerang employee). */
const sampleNip: Record<string, string> = { ID: '199001152015032001', '32': '199001152015032001', '36': '198205072004101001' };

const dashboardQuery = `# Dasbor: jumlah pegawai dan kesenjangan kompetensi wilayah Anda dan wilayah di bawahnya
query DasborWilayah($code: String!, $childLevel: RegionLevel!, $parentCode: String) {
  region(code: $code) {
    code
    name
    headcount
    competencyGaps {
      competency { code name }
      assessedEmployees
      employeesBelowStandard
      averageGap
    }
  }
  regions(level: $childLevel, parentCode: $parentCode) {
    code
    name
    headcount
  }
}
`;

const trainingQuery = `# Kebutuhan diklat satu kabupaten/kota: ringkasan dan 20 kebutuhan terbesar
query KebutuhanDiklatKabupaten($regionCode: String) {
  trainingNeedsSummary(regionCode: $regionCode) {
    people
    needs
    hours
    byCompetency { competency { code name } people needs hours }
  }
  trainingNeeds(regionCode: $regionCode, first: 20) {
    edges {
      node {
        employee { nip name }
        competency { code name }
        gap
        programme { name }
        hours
      }
    }
  }
}
`;

const profileQuery = `# Profil pegawai: data kepegawaian dan profil kompetensi
query ProfilPegawai($nip: String!) {
  employee(nip: $nip) {
    nip
    name
    golongan
    position { title jenisJabatan kelasJabatan }
    unit { name }
    region { code name }
    supervisor { nip name }
    competencyProfile {
      jpm
      categoryLabel
      gaps { competency { code name } required assessed gap }
    }
  }
}
`;

export function exampleOperations(viewer: Viewer): ExampleOperation[] {
  const code = viewer.regionCode;
  const level = levelOfRegionCode(code);
  const province = code.split('.')[0] ?? code;
  const examples: ExampleOperation[] = [
    {
      title: 'Dasbor wilayah',
      query: dashboardQuery,
      variables:
        level === 'NATIONAL'
          ? { code: 'ID', childLevel: 'PROVINCE', parentCode: null }
          : { code, childLevel: 'REGENCY', parentCode: province },
    },
  ];
  if (hasAnyRole(viewer, trainingRoles)) {
    const regionCode = level === 'REGENCY' ? code : (sampleRegency[level === 'NATIONAL' ? 'ID' : code] ?? code);
    examples.push({ title: 'Kebutuhan diklat kabupaten', query: trainingQuery, variables: { regionCode } });
  }
  if (seesEmployees(viewer)) {
    const nip = viewer.nip ?? sampleNip[level === 'NATIONAL' ? 'ID' : province] ?? '199001152015032001';
    examples.push({ title: 'Profil pegawai', query: profileQuery, variables: { nip } });
  }
  return examples;
}
