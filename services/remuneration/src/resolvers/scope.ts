// Who may read and write what (DESIGN.md "Identity and scoping"): region prefix match with the kit's one
// implementation (the kit's server already refuses a request without a valid token); only admin-kepegawaian of the instansi's region writes TPP rules and runs.
import { forbidden, hasRole, notFound, type Viewer } from '@kinerja/kit';
import { viewerCovers } from '@kinerja/kit/scoping';
import type { EntityManager } from '@kinerja/kit/db';
import { findInstansiRegion } from '../repositories/instansi-rows.ts';

/** An admin-kepegawaian whose region covers the instansi; the instansi must be known from personnel's events. */
export async function assertInstansiAdmin(em: EntityManager, viewer: Viewer, instansiId: string): Promise<string> {
  if (!hasRole(viewer, 'admin-kepegawaian')) throw forbidden('Hanya admin kepegawaian yang dapat mengubah aturan dan perhitungan TPP', 'not_admin');
  const region = await findInstansiRegion(em, instansiId);
  if (region === null) throw notFound(`Instansi ${instansiId} belum dikenal (belum ada pegawainya dari layanan kepegawaian)`, 'unknown_instansi');
  if (!viewerCovers(viewer, region)) throw forbidden(`Instansi ${instansiId} di luar wilayah Anda`, 'region_out_of_scope');
  return region;
}
