// Issue 14, chaos: "Keycloak stopped (existing tokens still verify from cached keys; new logins fail with
// a clear message)". The gateway and personnel reach Keycloak only through a proxy that is cut for 30 s:
// requests with a token issued before keep being answered (the realm's keys are cached); a new login
// (the token endpoint) is refused; and a gateway that never saw the keys says the sign-in service is
// unreachable (503 auth_unavailable, in Bahasa Indonesia), not "invalid token" and not an internal error.
import { passwordToken, type SubgraphProcess } from '@kinerja/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../../gateway/src/server/gateway-server.ts';
import { printCounts } from '../src/counts.ts';
import { gatewayOver } from '../src/gateway.ts';
import { postGraphql } from '../src/graphql.ts';
import { startPersonnel } from '../src/processes.ts';
import { startTcpProxy, type TcpProxy } from '../src/tcp-proxy.ts';

const OUTAGE_SECONDS = 30;
const keycloakUrl = new URL(process.env['KEYCLOAK_URL'] ?? 'http://localhost:8180');
const realm = process.env['KEYCLOAK_REALM'] ?? 'asn';
const issuer = `${keycloakUrl.origin}/realms/${realm}`;
const question = '{ region(code: "32.15") { code name } }';

describe('Keycloak stopped', () => {
  let proxy: TcpProxy;
  let personnel: SubgraphProcess;
  let gateway: RunningGateway;
  let coldGateway: RunningGateway | undefined;
  const behindProxy = () => ({ KEYCLOAK_URL: proxy.url, AUTH_ISSUER: issuer });

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: keycloakUrl.hostname, port: Number(keycloakUrl.port || 80) });
    personnel = await startPersonnel({ ...process.env, ...behindProxy() });
    gateway = await gatewayOver({ personnel: personnel.url }, behindProxy());
  });
  afterAll(async () => {
    await proxy?.restore();
    await coldGateway?.stop();
    await gateway?.stop();
    await personnel?.stop();
  });

  it('keeps serving signed-in users, refuses new logins and says why', async () => {
    const token = await passwordToken('karawang.pegawai');
    const before = await postGraphql(gateway.url, token, question);
    expect(before.kind === 'answer' && before.answer.errors).toBeUndefined();

    await proxy.cut();
    let answered = 0;
    let failed = 0;
    const until = Date.now() + OUTAGE_SECONDS * 1000;
    while (Date.now() < until) {
      const outcome = await postGraphql<{ region: { name: string } | null }>(gateway.url, token, question);
      if (outcome.kind === 'answer' && outcome.answer.status === 200 && outcome.answer.data?.region?.name === 'Kabupaten Karawang') answered++;
      else failed++;
      await new Promise((r) => setTimeout(r, 100));
    }
    const login = await passwordToken('karawang.atasan', 'kinerja-demo', { KEYCLOAK_URL: proxy.url, KEYCLOAK_REALM: realm }).then(
      () => 'accepted',
      (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message,
    );
    coldGateway = await gatewayOver({ personnel: personnel.url }, behindProxy());
    const cold = await postGraphql(coldGateway.url, token, question);
    const coldError = cold.kind === 'answer' ? cold.answer.errors?.[0] : undefined;
    await proxy.restore();

    const counts = {
      outageSeconds: OUTAGE_SECONDS,
      requestsWithExistingToken: answered + failed,
      answered,
      failed,
      newLogin: login,
      coldGatewayStatus: cold.kind === 'answer' ? cold.answer.status : 'no answer',
      coldGatewayReason: String(coldError?.extensions?.['reason'] ?? 'none'),
    };
    printCounts('keycloak-outage', counts);
    expect(failed).toBe(0);
    expect(answered).toBeGreaterThan(10);
    expect(login).not.toBe('accepted');
    expect(cold.kind === 'answer' && cold.answer.status).toBe(503);
    expect(coldError).toMatchObject({ message: 'Layanan autentikasi sedang tidak dapat dihubungi; coba lagi sebentar lagi', extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'auth_unavailable' } });
  });
});
