// README.md stays true to the files it describes: the demo users of the realm, the two commands,
// and the folders of its layout.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/workspaces.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

interface RealmUser {
  username: string;
  realmRoles?: string[];
  attributes?: Record<string, string[]>;
  credentials?: { value?: string }[];
}
const realm = JSON.parse(readFileSync(join(repoRoot, 'deploy/keycloak/realm-asn.json'), 'utf8')) as {
  users?: RealmUser[];
};

/** README table rows keyed by their first cell. */
function readmeRows(): Map<string, string[]> {
  return new Map(
    readme
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      )
      .map((cells) => [cells[0] ?? '', cells]),
  );
}

describe('README.md', () => {
  it('lists every demo user of the realm with its roles, region and NIP, and their password', () => {
    const rows = readmeRows();
    const users = realm.users ?? [];
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      const row = rows.get(user.username);
      expect(row, user.username).toBeDefined();
      const [, roles = '', region = '', nip = ''] = row ?? [];
      const realmRoles = (user.realmRoles ?? []).filter((role) => !role.startsWith('default-roles-'));
      expect(
        roles
          .split(',')
          .map((r) => r.trim())
          .sort(),
        user.username,
      ).toEqual(realmRoles.sort());
      expect(region.split(' ')[0], user.username).toBe(user.attributes?.region_code?.[0]);
      expect(nip, user.username).toBe(user.attributes?.nip?.[0] ?? '');
      for (const credential of user.credentials ?? []) expect(readme).toContain(`\`${credential.value}\``);
    }
  });

  it('gives the two commands a newcomer runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/^npm test\s/m);
  });

  it('shows only folders that exist in its layout, except the ones marked planned', () => {
    const layout = /## Repository layout\n+```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    let parent = '';
    const missing: string[] = [];
    const checked: string[] = [];
    for (const line of layout.split('\n')) {
      const match = /^(\s*)([\w.-]+\/)\s/.exec(`${line} `);
      if (!match) continue;
      const folder = (match[1] ?? '').length === 0 ? (match[2] ?? '') : `${parent}${match[2] ?? ''}`;
      if ((match[1] ?? '').length === 0) parent = folder;
      if (line.includes('(planned)')) continue;
      checked.push(folder);
      if (!existsSync(join(repoRoot, folder))) missing.push(folder);
    }
    expect(checked).toEqual(
      expect.arrayContaining(['gateway/', 'services/kit/', 'deploy/k8s/', 'tools/deploy-check/']),
    );
    expect(missing).toEqual([]);
  });
});
