import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole, InstallationRole } from '../accounts/accounts.table.js';
import { canAssess, canReopenAssessment, canSeeCityAssessment } from './assessment.policy.js';

const actor = (installationRole: InstallationRole | null, roles: AgencyRole[] = []): Actor => ({
  userId: 'u',
  name: 'Uji',
  email: 'uji@example.go.id',
  installationRole,
  memberships: roles.map((role) => ({ agencyId: 'dinkes', role })),
  twoFactorEnabled: false,
});

describe('canAssess and canSeeCityAssessment', () => {
  const cases: [who: string, a: Actor, assess: boolean, city: boolean][] = [
    ['the super admin', actor('super_admin'), true, true],
    ['the OPD admin', actor(null, ['admin']), true, false],
    ['an editor of the OPD', actor(null, ['editor']), false, false],
    ['an author of the OPD', actor(null, ['author']), false, false],
    ['a complaint officer of the OPD', actor(null, ['complaint_officer']), false, false],
    ['the complaint coordinator', actor('coordinator'), false, false],
  ];
  for (const [who, a, assess, city] of cases) {
    it(`${assess ? 'lets' : 'does not let'} ${who} assess Dinkes, ${city ? 'and' : 'nor'} see the city`, () => {
      assert.equal(canAssess(a, 'dinkes'), assess);
      assert.equal(canSeeCityAssessment(a), city);
      assert.equal(canReopenAssessment(a), city, 'reopening a closed year goes with the city view');
    });
  }
  it('does not let an admin of one OPD assess another', () => {
    assert.equal(canAssess(actor(null, ['admin']), 'dishub'), false);
  });
});
