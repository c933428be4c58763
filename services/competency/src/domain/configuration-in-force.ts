// Standards that come into force later (DOMAIN.md "Competency": standards are configurable per instansi
// with an effective date). When one does, exactly the employees it can apply to are re-derived: holders
// of its position (an override), or everyone of its jenis jabatan in its instansi, or nationwide for a
// national default. This turns a batch of such standards into the fewest non-overlapping predicates.

export interface StandardScope {
  readonly instansiId: string | null;
  readonly jenisJabatan: string | null;
  readonly positionId: string | null;
}

export interface EmployeeTargets {
  /** Holders of these positions. */
  readonly positionIds: string[];
  /** Everyone of these jenis jabatan, whatever their instansi (national defaults). */
  readonly nationalJenisJabatan: string[];
  /** Everyone of the jenis jabatan in the instansi, unless the national list already covers that jenis. */
  readonly instansiJenisJabatan: { instansiId: string; jenisJabatan: string }[];
}

export function employeeTargets(standards: readonly StandardScope[]): EmployeeTargets {
  const positionIds = new Set<string>();
  const national = new Set<string>();
  const byInstansi = new Map<string, { instansiId: string; jenisJabatan: string }>();
  for (const standard of standards) {
    if (standard.positionId !== null) positionIds.add(standard.positionId);
    else if (standard.jenisJabatan === null) continue;
    else if (standard.instansiId === null) national.add(standard.jenisJabatan);
    else byInstansi.set(`${standard.instansiId}\u0000${standard.jenisJabatan}`, { instansiId: standard.instansiId, jenisJabatan: standard.jenisJabatan });
  }
  const instansiJenisJabatan = [...byInstansi.values()]
    .filter((pair) => !national.has(pair.jenisJabatan))
    .sort((a, b) => a.instansiId.localeCompare(b.instansiId) || a.jenisJabatan.localeCompare(b.jenisJabatan));
  return { positionIds: [...positionIds].sort(), nationalJenisJabatan: [...national].sort(), instansiJenisJabatan };
}

export function hasTargets(targets: EmployeeTargets): boolean {
  return targets.positionIds.length + targets.nationalJenisJabatan.length + targets.instansiJenisJabatan.length > 0;
}
