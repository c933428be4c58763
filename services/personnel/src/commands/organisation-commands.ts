// Catalogue writes an HR admin needs before hiring: units (instansi trees) and positions.
import { randomUUID } from 'node:crypto';
import { assertRole, type Viewer } from '@kinerja/kit/auth';
import type { EntityManager } from '@kinerja/kit/db';
import { badUserInput, forbidden } from '@kinerja/kit/errors';
import { isNationalViewer, regionCovers } from '@kinerja/kit/scoping';
import { isValidKelasJabatan } from '../domain/golongan.ts';
import { canAdministerRegion } from '../domain/visibility.ts';
import type { JenisJabatan } from '../domain/vocabulary.ts';
import { OrgUnit, Position, Region } from '../entities/index.ts';
import { requireId } from './employee-commands.ts';

export async function createOrgUnit(
  em: EntityManager,
  viewer: Viewer,
  input: { name: string; regionCode: string; parentId?: string | null },
): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const name = input.name.trim();
  if (name.length < 2 || name.length > 200) throw badUserInput('Nama unit harus 2–200 karakter', 'invalid_name', { field: 'name' });
  return em.transactional(async (tx) => {
    const region = await tx.findOne(Region, { code: input.regionCode });
    if (!region) throw badUserInput(`Kode wilayah ${input.regionCode} tidak dikenal`, 'region_not_found', { field: 'regionCode' });
    if (!canAdministerRegion(viewer, region.code)) {
      throw forbidden(`Wilayah ${region.code} di luar kewenangan Anda`, 'region_out_of_scope');
    }
    const id = randomUUID();
    let instansiId: string = id;
    if (input.parentId) {
      const parent = await tx.findOne(OrgUnit, { id: requireId(input.parentId, 'parentId') });
      if (!parent || !canAdministerRegion(viewer, parent.regionCode)) {
        throw badUserInput('Unit induk tidak ditemukan di wilayah Anda', 'parent_not_found', { field: 'parentId' });
      }
      if (!regionCovers(parent.regionCode, region.code)) {
        throw badUserInput('Wilayah unit harus berada di dalam wilayah unit induknya', 'region_outside_parent', { field: 'regionCode' });
      }
      instansiId = parent.instansiId;
    }
    tx.create(OrgUnit, { id, name, regionCode: region.code, parentId: input.parentId ? input.parentId.toLowerCase() : null, instansiId });
    return id;
  });
}

export async function createPosition(
  em: EntityManager,
  viewer: Viewer,
  input: { title: string; jenisJabatan: JenisJabatan; kelasJabatan: number },
): Promise<string> {
  assertRole(viewer, 'admin-kepegawaian');
  const title = input.title.trim();
  if (title.length < 2 || title.length > 200) throw badUserInput('Nama jabatan harus 2–200 karakter', 'invalid_title', { field: 'title' });
  if (!isValidKelasJabatan(input.kelasJabatan)) {
    throw badUserInput('Kelas jabatan harus bilangan bulat 1–17', 'invalid_kelas_jabatan', { field: 'kelasJabatan' });
  }
  // The position catalogue is national (one list of jabatan for every instansi): only a national admin adds to it.
  if (!isNationalViewer(viewer)) {
    throw forbidden('Katalog jabatan bersifat nasional; hanya admin kepegawaian nasional yang dapat menambah jabatan', 'national_scope_required');
  }
  const id = randomUUID();
  await em.transactional(async (tx) => {
    tx.create(Position, { id, title, jenisJabatan: input.jenisJabatan, kelasJabatan: input.kelasJabatan });
  });
  return id;
}
