// Test-only set-up in the shared running Keycloak (realm `asn`) through its admin REST API (admin/admin on
// the master realm, development only), idempotent so every suite may call it:
// - `ensureRealmUser`: a user the realm file also declares (e.g. nasional.admin), for a Keycloak started
//   before the realm file had it;
// - `malformedRegionToken`: a real realm-signed token for kinerja-api whose `region_code` is missing,
//   empty, not a string or not a valid code. The realm's user profile refuses such attribute values (and
//   requires region_code), so no user can carry them; instead a test-only public client per case maps the
//   claim (or leaves it out), exactly as an account imported without the attribute or a misconfigured
//   mapper would produce it.
import { keycloakRealmUrl } from './testing.ts';

type Env = Record<string, string | undefined>;

function keycloakBase(env: Env): string {
  return (env['KEYCLOAK_URL'] ?? 'http://localhost:8180').replace(/\/+$/, '');
}

function realmName(env: Env): string {
  return env['KEYCLOAK_REALM'] ?? 'asn';
}

async function adminToken(env: Env): Promise<string> {
  const response = await fetch(`${keycloakBase(env)}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: env['KEYCLOAK_ADMIN'] ?? 'admin', password: env['KEYCLOAK_ADMIN_PASSWORD'] ?? 'admin' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`Keycloak admin login refused: ${response.status}`);
  return body.access_token;
}

async function admin<T>(env: Env, method: string, path: string, body?: unknown): Promise<{ status: number; json: T | null }> {
  const response = await fetch(`${keycloakBase(env)}/admin/realms/${realmName(env)}${path}`, {
    method,
    headers: { authorization: `Bearer ${await adminToken(env)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && response.status !== 409) throw new Error(`Keycloak admin ${method} ${path}: ${response.status} ${text}`);
  return { status: response.status, json: text === '' ? null : (JSON.parse(text) as T) };
}

export interface RealmUser {
  username: string;
  firstName: string;
  lastName: string;
  roles: string[];
  attributes: Record<string, string[]>;
  password?: string;
}

/** Creates the user (password `kinerja-demo` unless given) when missing and grants its realm roles. */
export async function ensureRealmUser(user: RealmUser, env: Env = process.env): Promise<void> {
  const find = async () =>
    (await admin<{ id: string }[]>(env, 'GET', `/users?exact=true&username=${encodeURIComponent(user.username)}`)).json?.[0];
  if (!(await find())) {
    await admin(env, 'POST', '/users', {
      username: user.username,
      enabled: true,
      emailVerified: true,
      firstName: user.firstName,
      lastName: user.lastName,
      email: `${user.username}@demo.kinerja.invalid`,
      attributes: user.attributes,
      credentials: [{ type: 'password', value: user.password ?? 'kinerja-demo', temporary: false }],
      requiredActions: [],
    });
  }
  const created = await find();
  if (!created) throw new Error(`Keycloak did not create ${user.username}`);
  const roles = await Promise.all(user.roles.map(async (name) => (await admin<{ id: string; name: string }>(env, 'GET', `/roles/${encodeURIComponent(name)}`)).json));
  await admin(env, 'POST', `/users/${created.id}/role-mappings/realm`, roles);
}

export const malformedRegionKinds = ['missing', 'empty', 'not-a-string', 'invalid'] as const;
export type MalformedRegionKind = (typeof malformedRegionKinds)[number];

/** What the claim holds in each case (undefined: no claim). */
export const malformedRegionClaims: Record<MalformedRegionKind, unknown> = { missing: undefined, empty: '', 'not-a-string': 32, invalid: '32.1' };

function claimMapper(kind: MalformedRegionKind): unknown[] {
  if (kind === 'missing') return [];
  const value = malformedRegionClaims[kind];
  return [
    {
      name: 'region_code',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-hardcoded-claim-mapper',
      config: {
        'claim.name': 'region_code',
        // JSON, not String: Keycloak leaves out a String claim whose value is empty.
        'claim.value': JSON.stringify(value),
        'jsonType.label': 'JSON',
        'access.token.claim': 'true',
        'id.token.claim': 'false',
        'userinfo.token.claim': 'false',
      },
    },
  ];
}

async function ensureMalformedRegionClient(kind: MalformedRegionKind, env: Env): Promise<string> {
  const clientId = `kinerja-test-region-claim-${kind}`;
  const existing = (await admin<{ id: string }[]>(env, 'GET', `/clients?clientId=${clientId}`)).json ?? [];
  if (existing.length > 0) return clientId;
  await admin(env, 'POST', '/clients', {
    clientId,
    name: `Test only: tokens whose region_code is ${kind}`,
    enabled: true,
    publicClient: true,
    standardFlowEnabled: false,
    directAccessGrantsEnabled: true,
    protocol: 'openid-connect',
    fullScopeAllowed: true,
    protocolMappers: [
      ...claimMapper(kind),
      {
        name: 'nip',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-usermodel-attribute-mapper',
        config: { 'user.attribute': 'nip', 'claim.name': 'nip', 'jsonType.label': 'String', 'access.token.claim': 'true' },
      },
      {
        name: 'kinerja-api-audience',
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: { 'included.client.audience': 'kinerja-api', 'access.token.claim': 'true', 'id.token.claim': 'false' },
      },
    ],
    defaultClientScopes: ['web-origins', 'acr', 'profile', 'roles', 'basic', 'email'],
  });
  return clientId;
}

/** A realm-signed access token of a demo user whose `region_code` claim is malformed as `kind` says. */
export async function malformedRegionToken(username: string, kind: MalformedRegionKind, env: Env = process.env): Promise<string> {
  const clientId = await ensureMalformedRegionClient(kind, env);
  const response = await fetch(`${keycloakRealmUrl(env)}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: clientId, username, password: 'kinerja-demo', scope: 'openid' }),
  });
  const body = (await response.json()) as { access_token?: string; error?: string };
  if (!response.ok || !body.access_token) throw new Error(`Keycloak refused a ${kind}-region token for ${username}: ${response.status} ${body.error ?? ''}`);
  return body.access_token;
}

/** nasional.admin (admin-kepegawaian, `ID`): the one demo account that keeps the national catalogues. */
export const nationalAdmin: RealmUser = {
  username: 'nasional.admin',
  firstName: 'Admin',
  lastName: 'Nasional',
  roles: ['admin-kepegawaian', 'default-roles-asn'],
  attributes: { region_code: ['ID'] },
};

export interface ServiceAccountClient {
  clientId: string;
  secret: string;
  /** Realm roles of the client's service account. */
  roles: string[];
  /** The service account's region_code attribute, mapped to the claim as for the demo users. */
  regionCode: string;
}

/**
 * A confidential client with a service account (client credentials grant) whose tokens are for kinerja-api
 * and carry the service account's `region_code` and realm roles, as the realm file declares kinerja-siasn-sync: for a
 * Keycloak started before the realm file had it. Idempotent.
 */
export async function ensureServiceAccountClient(client: ServiceAccountClient, env: Env = process.env): Promise<void> {
  const find = async () => (await admin<{ id: string }[]>(env, 'GET', `/clients?clientId=${encodeURIComponent(client.clientId)}`)).json?.[0];
  if (!(await find())) {
    await admin(env, 'POST', '/clients', {
      clientId: client.clientId,
      name: `Service account ${client.clientId}`,
      enabled: true,
      publicClient: false,
      secret: client.secret,
      clientAuthenticatorType: 'client-secret',
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      protocol: 'openid-connect',
      fullScopeAllowed: true,
      protocolMappers: [
        {
          name: 'region_code',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-usermodel-attribute-mapper',
          config: { 'user.attribute': 'region_code', 'claim.name': 'region_code', 'jsonType.label': 'String', 'access.token.claim': 'true', 'id.token.claim': 'false', 'userinfo.token.claim': 'false' },
        },
        {
          name: 'kinerja-api-audience',
          protocol: 'openid-connect',
          protocolMapper: 'oidc-audience-mapper',
          config: { 'included.client.audience': 'kinerja-api', 'access.token.claim': 'true', 'id.token.claim': 'false' },
        },
      ],
      defaultClientScopes: ['web-origins', 'acr', 'profile', 'roles', 'basic', 'email'],
    });
  }
  const created = await find();
  if (!created) throw new Error(`Keycloak did not create ${client.clientId}`);
  const account = (await admin<{ id: string; username: string }>(env, 'GET', `/clients/${created.id}/service-account-user`)).json;
  if (!account) throw new Error(`Keycloak gave ${client.clientId} no service account`);
  await admin(env, 'PUT', `/users/${account.id}`, { ...account, attributes: { region_code: [client.regionCode] } });
  const roles = await Promise.all(client.roles.map(async (name) => (await admin<{ id: string; name: string }>(env, 'GET', `/roles/${encodeURIComponent(name)}`)).json));
  await admin(env, 'POST', `/users/${account.id}/role-mappings/realm`, roles);
}

/** The SIASN sync tool's client (tools/siasn export), as deploy/keycloak/realm-asn.json declares it. */
export const siasnSyncClient: ServiceAccountClient = {
  clientId: 'kinerja-siasn-sync',
  secret: 'kinerja-siasn-sync-dev-secret',
  roles: ['admin-kepegawaian'],
  regionCode: 'ID',
};
