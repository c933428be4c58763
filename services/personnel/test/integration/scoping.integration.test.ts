// Issue 3 "Scoping" and "Done means", against real PostgreSQL and real Keycloak tokens.
import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { malformedRegionClaims, malformedRegionKinds, malformedRegionToken } from '@kinerja/kit/testing-keycloak';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids, loadFixtures, nips } from '../support/fixtures.ts';
import { startHarness, type Harness } from '../support/harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('personnel_scoping');
  await loadFixtures(h);
}, 60_000);
afterAll(() => h?.stop());

const listQuery = `query($filter: EmployeeFilter, $first: Int, $after: String) {
  employees(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id nip name region { code } }
  }
}`;

interface ListResult {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { id: string; nip: string; name: string; region: { code: string } }[];
}

async function list(username: string, variables: Record<string, unknown> = {}) {
  const result = await h.gql(await h.token(username), listQuery, variables);
  return { ...result, list: result.data?.['employees'] as ListResult | undefined };
}

describe('authentication', () => {
  it('answers 401 without a token, with a tampered token, and with a token signed by another key', async () => {
    expect((await h.gql(null, '{ me { id } }')).status).toBe(401);
    const real = await h.token('jabar.analis');
    const [header, payload] = real.split('.');
    const tampered = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    const refused = await h.gql(tampered, '{ me { id } }');
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ region_code: 'ID', realm_access: { roles: ['pimpinan'] } })
      .setProtectedHeader({ alg: 'RS256', kid: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()).kid })
      .setSubject('intruder')
      .setIssuer('http://localhost:8180/realms/asn')
      .setAudience('kinerja-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    expect((await h.gql(forged, '{ employees { totalCount } }')).status).toBe(401);
  });

  // Issue 9: an account without a valid region_code was read as national; now every region-wide role is refused.
  it.each(malformedRegionKinds)('refuses region-wide roles whose Keycloak token has a region_code that is %s', async (kind) => {
    for (const username of ['jabar.analis', 'nasional.pimpinan', 'karawang.admin', 'karawang.asesor', 'karawang.diklat', 'nasional.auditor']) {
      const token = await malformedRegionToken(username, kind);
      expect(decodeJwt(token)['region_code']).toEqual(malformedRegionClaims[kind]);
      const refused = await h.gql(token, '{ employees { totalCount } }');
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'invalid_region_code' });
      expect(refused.errors?.[0]?.message).toContain('region_code');
    }
  });

  it('still serves a pegawai whose token has no region_code: they see by NIP', async () => {
    const token = await malformedRegionToken('karawang.pegawai', 'missing');
    const result = await h.gql(token, '{ me { nip } employees { nodes { nip } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data?.['me']).toEqual({ nip: nips.pegawai });
    expect((result.data?.['employees'] as { nodes: { nip: string }[] }).nodes.map((n) => n.nip).sort()).toEqual([nips.pegawai, nips.atasan].sort());
  });
});

describe('region-wide roles see their region prefix', () => {
  it('jabar.analis sees only region codes starting with 32', async () => {
    const { list: result } = await list('jabar.analis', { first: 100 });
    const codes = result?.nodes.map((n) => n.region.code) ?? [];
    expect(codes.length).toBe(8);
    expect(result?.totalCount).toBe(8);
    expect(codes.every((code) => code === '32' || code.startsWith('32.'))).toBe(true);
    expect(codes).toContain('32.04');
    expect(codes).toContain('32');
  });

  it('jabar.analis asking for 36 is FORBIDDEN; banten.analis asking for 32 is FORBIDDEN', async () => {
    const jabar = await list('jabar.analis', { filter: { regionCode: '36' } });
    expect(jabar.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
    const banten = await list('banten.analis', { filter: { regionCode: '32' } });
    expect(banten.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'region_out_of_scope' });
    expect(banten.list).toBeUndefined();
  });

  it('banten.analis sees only Banten, and cannot read a Jawa Barat employee by id or NIP', async () => {
    const { list: result } = await list('banten.analis');
    expect(result?.nodes.map((n) => n.nip)).toEqual([nips.banten]);
    const token = await h.token('banten.analis');
    const byId = await h.gql(token, 'query($id: ID) { employee(id: $id) { name } }', { id: ids.pegawai });
    expect(byId.data?.['employee']).toBeNull();
    const entities = await h.gql(token, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { name } } }', {
      r: [{ __typename: 'Employee', nip: nips.pegawai }, { __typename: 'Employee', id: ids.banten }],
    });
    expect(entities.data?.['_entities']).toEqual([null, { name: 'Rina Marlina' }]);
  });

  it('a regency filter narrows a provincial analis; national pimpinan sees all', async () => {
    const { list: karawang } = await list('jabar.analis', { filter: { regionCode: '32.15' }, first: 100 });
    expect(karawang?.nodes.every((n) => n.region.code === '32.15')).toBe(true);
    expect(karawang?.totalCount).toBe(6);
    const { list: national } = await list('nasional.pimpinan', { first: 100 });
    expect(national?.totalCount).toBe(9);
  });

  it('filters by jenis jabatan, golongan and name search', async () => {
    expect((await list('nasional.analis', { filter: { jenisJabatan: 'JPT_PRATAMA' } })).list?.nodes.map((n) => n.nip).sort()).toEqual([nips.head, nips.jabar].sort());
    expect((await list('nasional.analis', { filter: { golongan: 'VII' } })).list?.nodes.map((n) => n.nip)).toEqual([nips.pppk]);
    expect((await list('nasional.analis', { filter: { search: 'rahma' } })).list?.nodes.map((n) => n.nip)).toEqual([nips.pegawai]);
    expect((await list('nasional.analis', { filter: { search: '1978' } })).list?.nodes.map((n) => n.nip)).toEqual([nips.atasan]);
    expect((await list('nasional.analis', { filter: { unitId: ids.unitBandung } })).list?.nodes.map((n) => n.nip)).toEqual([nips.bandung]);
  });
});

describe('pegawai and atasan', () => {
  it('karawang.pegawai gets me and cannot read another employee', async () => {
    const token = await h.token('karawang.pegawai');
    const me = await h.gql(token, '{ me { nip name gender birthDate tmtCpns golongan employmentType position { title jenisJabatan kelasJabatan } unit { name } region { code name } } }');
    expect(me.data?.['me']).toMatchObject({
      nip: nips.pegawai,
      gender: 'FEMALE',
      birthDate: '1990-01-15',
      tmtCpns: '2015-03',
      position: { jenisJabatan: 'PELAKSANA', kelasJabatan: 5 },
      region: { code: '32.15' },
    });
    const other = await h.gql(token, 'query($nip: String) { employee(nip: $nip) { name } }', { nip: nips.colleague });
    expect(other.data?.['employee']).toBeNull();
    // Herself and her own atasan langsung (domain/visibility.ts), in name order; no colleague.
    const { list: result } = await list('karawang.pegawai');
    expect(result?.nodes.map((n) => n.nip)).toEqual([nips.atasan, nips.pegawai]);
    expect(result?.totalCount).toBe(2);
  });

  it('karawang.pegawai sees her own direct supervisor through me, employee(id|nip) and _entities', async () => {
    const token = await h.token('karawang.pegawai');
    const me = await h.gql(token, '{ me { supervisor { nip name position { title } unit { name } supervisor { nip } subordinates { nip } } } }');
    expect(me.errors).toBeUndefined();
    // Only the direct supervisor: his own boss stays null and, under him, she sees only herself.
    expect(me.data?.['me']).toEqual({
      supervisor: { nip: nips.atasan, name: 'Agus Santoso', position: { title: expect.any(String) }, unit: { name: expect.any(String) }, supervisor: null, subordinates: [{ nip: nips.pegawai }] },
    });
    const byNip = await h.gql(token, 'query($nip: String) { employee(nip: $nip) { id name } }', { nip: nips.atasan });
    expect(byNip.data?.['employee']).toEqual({ id: ids.atasan, name: 'Agus Santoso' });
    const byId = await h.gql(token, 'query($id: ID) { employee(id: $id) { nip } }', { id: ids.atasan });
    expect(byId.data?.['employee']).toEqual({ nip: nips.atasan });
    const entities = await h.gql(token, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { nip } } }', {
      r: [{ __typename: 'Employee', id: ids.atasan }, { __typename: 'Employee', nip: nips.atasan }],
    });
    expect(entities.data?.['_entities']).toEqual([{ nip: nips.atasan }, { nip: nips.atasan }]);
  });

  it("karawang.pegawai still cannot read a peer under the same atasan, nor the atasan's own supervisor", async () => {
    const token = await h.token('karawang.pegawai');
    for (const nip of [nips.colleague, nips.pppk, nips.head, nips.indirect]) {
      const byNip = await h.gql(token, 'query($nip: String) { employee(nip: $nip) { name } }', { nip });
      expect(byNip.data?.['employee'], nip).toBeNull();
    }
    for (const id of [ids.colleague, ids.pppk, ids.head]) {
      const byId = await h.gql(token, 'query($id: ID) { employee(id: $id) { name } }', { id });
      expect(byId.data?.['employee'], id).toBeNull();
    }
    const entities = await h.gql(token, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Employee { nip } } }', {
      r: [{ __typename: 'Employee', id: ids.head }, { __typename: 'Employee', nip: nips.colleague }, { __typename: 'Employee', id: ids.pppk }],
    });
    expect(entities.data?.['_entities']).toEqual([null, null, null]);
  });

  it('karawang.atasan sees self, direct and indirect subordinates and their own direct supervisor, no one else', async () => {
    const { list: result } = await list('karawang.atasan', { first: 100 });
    expect(result?.nodes.map((n) => n.nip).sort()).toEqual([nips.head, nips.atasan, nips.pegawai, nips.colleague, nips.indirect, nips.pppk].sort());
    const me = await h.gql(await h.token('karawang.atasan'), '{ me { supervisor { name } subordinates { nip subordinates { nip } } } }');
    const meData = me.data?.['me'] as { supervisor: unknown; subordinates: { nip: string; subordinates: { nip: string }[] }[] };
    expect(meData.supervisor).toEqual({ name: 'Hendra Kusuma' });
    expect(meData.subordinates.map((s) => s.nip).sort()).toEqual([nips.pegawai, nips.colleague, nips.pppk].sort());
    expect(meData.subordinates.find((s) => s.nip === nips.colleague)?.subordinates).toEqual([{ nip: nips.indirect }]);
  });

  // Issue 9: an asesor assesses the employees of their region, so they can name them (name, NIP, position, unit).
  it('karawang.asesor sees the employees of 32.15 with name, NIP, position and unit, and nobody elsewhere', async () => {
    const result = await h.gql(await h.token('karawang.asesor'), `{ employees(first: 100) { totalCount nodes { nip name position { title } unit { name } region { code } } } }`);
    const page = result.data?.['employees'] as { totalCount: number; nodes: { nip: string; name: string; position: { title: string }; unit: { name: string }; region: { code: string } }[] };
    expect(page.nodes.map((n) => n.nip).sort()).toEqual([nips.head, nips.atasan, nips.pegawai, nips.colleague, nips.indirect, nips.pppk].sort());
    expect(page.totalCount).toBe(6);
    expect(page.nodes.every((n) => n.region.code === '32.15' && n.name !== '' && n.position.title !== '' && n.unit.name !== '')).toBe(true);
    expect((await h.gql(await h.token('karawang.asesor'), '{ employee(nip: "' + nips.bandung + '") { id } }')).data?.['employee']).toBeNull();
    expect((await h.gql(await h.token('karawang.asesor'), '{ me { id } }')).data?.['me']).toBeNull();
  });

  // Issue 9 / domain/visibility.ts assessorRestrictedEmployeeFields: the asesor names the people, nothing more.
  it('karawang.asesor reads no personal data, grade or reporting line: each such field null with FORBIDDEN employee_field_restricted', async () => {
    const token = await h.token('karawang.asesor');
    const restricted = ['gender', 'birthDate', 'tmtCpns', 'employmentType', 'golongan', 'supervisor { id }', 'subordinates { id }'];
    for (const field of restricted) {
      const result = await h.gql(token, `{ employee(nip: "${nips.pegawai}") { nip name status ${field} } }`);
      const name = field.split(' ')[0] as string;
      expect(result.data?.['employee'], field).toEqual({ nip: nips.pegawai, name: expect.any(String), status: 'ACTIVE', [name]: null });
      expect(result.errors?.map((e) => ({ path: (e as { path?: unknown }).path, ...e.extensions })), field).toEqual([
        expect.objectContaining({ path: ['employee', name], code: 'FORBIDDEN', reason: 'employee_field_restricted' }),
      ]);
    }
    // The same viewer's lists: every node keeps name and NIP, the restricted field is null on each.
    const page = await h.gql(token, '{ employees(first: 100) { nodes { nip golongan } } }');
    const nodes = (page.data?.['employees'] as { nodes: { nip: string; golongan: string | null }[] }).nodes;
    expect(nodes).toHaveLength(6);
    expect(nodes.every((n) => n.golongan === null)).toBe(true);
    expect(new Set(page.errors?.map((e) => e.extensions?.['reason']))).toEqual(new Set(['employee_field_restricted']));
  });

  it('an analis of the same region still reads the full record', async () => {
    const result = await h.gql(await h.token('jabar.analis'), `{ employee(nip: "${nips.pegawai}") { gender birthDate employmentType golongan supervisor { nip } subordinates { nip } } }`);
    expect(result.errors).toBeUndefined();
    const employee = result.data?.['employee'] as Record<string, unknown>;
    expect(employee['golongan']).toEqual(expect.any(String));
    expect(employee['birthDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(employee['supervisor']).toEqual({ nip: nips.atasan });
  });
});

describe('pagination', () => {
  it('walks pages by cursor without overlap, in name order', async () => {
    const first = (await list('nasional.analis', { first: 4 })).list;
    expect(first?.nodes).toHaveLength(4);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = (await list('nasional.analis', { first: 4, after: first?.pageInfo.endCursor })).list;
    const third = (await list('nasional.analis', { first: 4, after: second?.pageInfo.endCursor })).list;
    expect(third?.pageInfo.hasNextPage).toBe(false);
    const names = [...(first?.nodes ?? []), ...(second?.nodes ?? []), ...(third?.nodes ?? [])].map((n) => n.name);
    expect(names).toHaveLength(9);
    expect(new Set(names).size).toBe(9);
    expect(names).toEqual([...names].sort());
    expect(third?.totalCount).toBe(9);
  });

  it.each([
    [{ first: 0 }, 'invalid_page_size'],
    [{ first: 101 }, 'invalid_page_size'],
    [{ after: 'bm90LWEtY3Vyc29y' }, 'invalid_cursor'],
    [{ filter: { unitId: 'not-a-uuid' } }, 'invalid_id'],
  ])('refuses %j', async (variables, reason) => {
    const result = await list('nasional.analis', variables);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
  });

  it('defaults to 20 and allows 100', async () => {
    expect((await list('nasional.analis', { first: 100 })).errors).toBeUndefined();
  });
});

describe('regions, units and headcounts', () => {
  it('lists 38 provinces and the 27 regencies/cities of Jawa Barat', async () => {
    const token = await h.token('karawang.pegawai');
    const provinces = await h.gql(token, '{ regions(level: PROVINCE) { code } }');
    expect((provinces.data?.['regions'] as unknown[]).length).toBe(38);
    const jabar = await h.gql(token, '{ regions(level: REGENCY, parentCode: "32") { code parent { name } } }');
    const regencies = jabar.data?.['regions'] as { code: string; parent: { name: string } }[];
    expect(regencies).toHaveLength(27);
    expect(regencies.every((r) => r.code.startsWith('32.') && r.parent.name === 'Jawa Barat')).toBe(true);
  });

  it('counts active employees under a region prefix and under a unit tree', async () => {
    const token = await h.token('nasional.pimpinan');
    const result = await h.gql(token, `{
      id: region(code: "ID") { headcount level }
      jabar: region(code: "32") { headcount children { code headcount } }
      banten: region(code: "36") { headcount }
      karawang: orgUnit(id: "${ids.unitKarawang}") { headcount children { name headcount } instansi { name } region { code } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.['id']).toEqual({ headcount: 9, level: 'NATIONAL' });
    const jabar = result.data?.['jabar'] as { headcount: number; children: { code: string; headcount: number }[] };
    expect(jabar.headcount).toBe(8);
    expect(jabar.children.find((c) => c.code === '32.15')?.headcount).toBe(6);
    expect(jabar.children.find((c) => c.code === '32.04')?.headcount).toBe(1);
    expect(result.data?.['banten']).toEqual({ headcount: 1 });
    expect(result.data?.['karawang']).toMatchObject({ headcount: 6, children: [{ headcount: 5 }], instansi: { name: 'Pemerintah Kabupaten Karawang' }, region: { code: '32.15' } });
  });
});
