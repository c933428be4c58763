import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const RealmUsers = z.object({
  users: z.array(
    z.object({
      username: z.string(),
      realmRoles: z.array(z.string()).default([]),
      attributes: z.record(z.string(), z.array(z.string())).default({}),
      /** Set on a client's service account (e.g. the SIASN export's): no person signs in as it. */
      serviceAccountClientId: z.string().optional(),
    }),
  ),
});

export interface DemoUser {
  username: string;
  roles: string[];
  regionCode: string;
  nip: string;
}

/** The demo users as the realm file defines them, so the printed table never drifts from the realm. */
export async function readDemoUsers(realmFile: string): Promise<DemoUser[]> {
  const realm = RealmUsers.parse(JSON.parse(await readFile(realmFile, 'utf8')));
  return realm.users.filter((user) => user.serviceAccountClientId === undefined).map((user) => ({
    username: user.username,
    roles: user.realmRoles.filter((role) => !role.startsWith('default-roles-')),
    regionCode: user.attributes['region_code']?.[0] ?? '',
    nip: user.attributes['nip']?.[0] ?? '',
  }));
}

export function formatDemoUsers(users: DemoUser[], password: string): string {
  const width = Math.max(...users.map((user) => user.username.length));
  const lines = users.map(
    (user) => `  ${user.username.padEnd(width)}  ${user.roles.join(', ').padEnd(26)} ${user.regionCode.padEnd(6)} ${user.nip}`.trimEnd(),
  );
  return [`demo users (password "${password}", development only):`, ...lines].join('\n');
}
