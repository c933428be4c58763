// The browser suite's changes to the shared Keycloak, through the admin REST API (admin/admin on the
// master realm, development only): the web client `kinerja-web` gets a short access-token lifespan, so
// a token refresh happens within seconds, and the suite's web origin when it runs on other ports. Only
// what the suite added is taken back; other clients are never touched.
const webClientId = 'kinerja-web';
export const lifespanAttribute = 'access.token.lifespan';
/** Seconds; keycloak-js refreshes 30 s before expiry (web/src/auth/token-refresh.ts), so about every 15 s. */
export const testTokenLifespanSeconds = 45;

interface ClientRepresentation {
  id: string;
  clientId: string;
  redirectUris?: string[];
  webOrigins?: string[];
  attributes?: Record<string, string>;
}

export interface KeycloakAdmin {
  /** Applies the suite's settings and returns the function that takes them back. */
  prepareWebClient(webOrigin: string): Promise<() => Promise<void>>;
}

async function adminToken(keycloakUrl: string): Promise<string> {
  const response = await fetch(`${keycloakUrl}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: 'admin',
      password: 'admin',
    }),
  });
  if (!response.ok) throw new Error(`Keycloak admin login failed: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function keycloakAdmin(keycloakUrl: string, realm: string): KeycloakAdmin {
  const clientsUrl = `${keycloakUrl}/admin/realms/${realm}/clients`;
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${clientsUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${await adminToken(keycloakUrl)}`,
        'content-type': 'application/json',
      },
    });
    if (!response.ok)
      throw new Error(`Keycloak admin ${init.method ?? 'GET'} clients${path}: HTTP ${response.status}`);
    return response;
  };
  const readClient = async (): Promise<ClientRepresentation> => {
    const [client] = (await (await call(`?clientId=${webClientId}`)).json()) as ClientRepresentation[];
    if (!client) throw new Error(`client ${webClientId} not found in realm ${realm}`);
    return client;
  };
  const writeClient = (client: ClientRepresentation) =>
    call(`/${client.id}`, { method: 'PUT', body: JSON.stringify(client) });

  return {
    async prepareWebClient(webOrigin) {
      const before = await readClient();
      // A value equal to ours was left by an interrupted run: the realm file has no lifespan on the client.
      const previousLifespan = before.attributes?.[lifespanAttribute];
      const restoreLifespan =
        previousLifespan === String(testTokenLifespanSeconds) ? undefined : previousLifespan;
      const redirect = `${webOrigin}/*`;
      const addedRedirect = !(before.redirectUris ?? []).includes(redirect);
      const addedOrigin = !(before.webOrigins ?? []).includes(webOrigin);
      await writeClient({
        ...before,
        redirectUris: addedRedirect
          ? [...(before.redirectUris ?? []), redirect]
          : (before.redirectUris ?? []),
        webOrigins: addedOrigin ? [...(before.webOrigins ?? []), webOrigin] : (before.webOrigins ?? []),
        attributes: {
          ...before.attributes,
          [lifespanAttribute]: String(testTokenLifespanSeconds),
          'post.logout.redirect.uris': [before.attributes?.['post.logout.redirect.uris'], redirect]
            .filter(Boolean)
            .join('##'),
        },
      });
      return async () => {
        const now = await readClient();
        const attributes = { ...now.attributes };
        // Keycloak keeps attributes missing from a PUT; an empty value removes one (realm default again).
        attributes[lifespanAttribute] = restoreLifespan ?? '';
        const logoutUris = (attributes['post.logout.redirect.uris'] ?? '')
          .split('##')
          .filter((uri) => uri !== '' && (!addedRedirect || uri !== redirect));
        attributes['post.logout.redirect.uris'] = logoutUris.join('##');
        await writeClient({
          ...now,
          redirectUris: (now.redirectUris ?? []).filter((uri) => !addedRedirect || uri !== redirect),
          webOrigins: (now.webOrigins ?? []).filter((origin) => !addedOrigin || origin !== webOrigin),
          attributes,
        });
      };
    },
  };
}
