import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole, InstallationRole } from '../accounts/accounts.table.js';
import { canEditPages } from './pages.policy.js';

const actor = (installationRole: InstallationRole | null, roles: AgencyRole[], agencyId = 'a'): Actor => ({
  userId: 'u',
  name: 'Uji',
  email: 'uji@example.go.id',
  installationRole,
  memberships: roles.map((role) => ({ agencyId, role })),
  twoFactorEnabled: false,
});

describe('canEditPages', () => {
  const table: [string, Actor, boolean][] = [
    ['an admin of the agency', actor(null, ['admin']), true],
    ['an editor of the agency', actor(null, ['editor']), true],
    ['an author of the agency', actor(null, ['author']), false],
    ['a complaint officer of the agency', actor(null, ['complaint_officer']), false],
    ['an admin of another agency', actor(null, ['admin'], 'b'), false],
    ['a super admin', actor('super_admin', []), true],
    ['a coordinator with no agency role', actor('coordinator', []), false],
  ];
  for (const [who, a, expected] of table) {
    it(`${expected ? 'lets' : 'does not let'} ${who} edit the pages`, () => {
      assert.equal(canEditPages(a, 'a'), expected);
    });
  }
});
