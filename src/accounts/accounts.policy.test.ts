import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  canCreateAgency,
  canManageAgency,
  canSeeAgency,
  canListAllUsers,
  type Actor,
} from './accounts.policy.js';
import type { AgencyRole, InstallationRole } from './accounts.table.js';

const A = 'agency-a';
const B = 'agency-b';

function actor(installationRole: InstallationRole | null, roles: [string, AgencyRole][] = []): Actor {
  return {
    userId: 'u',
    name: 'U',
    email: 'u@example.go.id',
    installationRole,
    memberships: roles.map(([agencyId, role]) => ({ agencyId, role })),
    twoFactorEnabled: false,
  };
}

const table: [
  string,
  Actor,
  { seeA: boolean; manageA: boolean; seeB: boolean; create: boolean; allUsers: boolean },
][] = [
  [
    'super admin',
    actor('super_admin'),
    { seeA: true, manageA: true, seeB: true, create: true, allUsers: true },
  ],
  [
    'coordinator',
    actor('coordinator'),
    { seeA: false, manageA: false, seeB: false, create: false, allUsers: false },
  ],
  [
    'admin of A',
    actor(null, [[A, 'admin']]),
    { seeA: true, manageA: true, seeB: false, create: false, allUsers: false },
  ],
  [
    'editor of A',
    actor(null, [[A, 'editor']]),
    { seeA: true, manageA: false, seeB: false, create: false, allUsers: false },
  ],
  [
    'author of A',
    actor(null, [[A, 'author']]),
    { seeA: true, manageA: false, seeB: false, create: false, allUsers: false },
  ],
  [
    'complaint officer of A',
    actor(null, [[A, 'complaint_officer']]),
    { seeA: true, manageA: false, seeB: false, create: false, allUsers: false },
  ],
  [
    'editor of A, admin of B',
    actor(null, [
      [A, 'editor'],
      [B, 'admin'],
    ]),
    { seeA: true, manageA: false, seeB: true, create: false, allUsers: false },
  ],
];

describe('agency policies', () => {
  for (const [who, a, expected] of table) {
    it(`decides for the ${who}`, () => {
      assert.deepEqual(
        {
          seeA: canSeeAgency(a, A),
          manageA: canManageAgency(a, A),
          seeB: canSeeAgency(a, B),
          create: canCreateAgency(a),
          allUsers: canListAllUsers(a),
        },
        expected,
      );
    });
  }
});
