import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole, InstallationRole } from '../accounts/accounts.table.js';
import { canManageMedia, canUploadMedia } from './media.policy.js';

const A = 'agency-a';
const B = 'agency-b';

function actor(installationRole: InstallationRole | null, roles: AgencyRole[] = [], agencyId = A): Actor {
  return {
    userId: 'me',
    name: 'Saya',
    email: 'saya@example.go.id',
    installationRole,
    memberships: roles.map((role) => ({ agencyId, role })),
    twoFactorEnabled: false,
  };
}

const mine = { agencyId: A, createdBy: 'me' };
const someoneElses = { agencyId: A, createdBy: 'other' };
const orphaned = { agencyId: A, createdBy: null };
const inB = { agencyId: B, createdBy: 'me' };

const table: [
  string,
  Actor,
  { upload: boolean; mine: boolean; others: boolean; orphaned: boolean; inB: boolean },
][] = [
  [
    'super admin',
    actor('super_admin'),
    { upload: true, mine: true, others: true, orphaned: true, inB: true },
  ],
  ['admin', actor(null, ['admin']), { upload: true, mine: true, others: true, orphaned: true, inB: false }],
  ['editor', actor(null, ['editor']), { upload: true, mine: true, others: true, orphaned: true, inB: false }],
  [
    'author',
    actor(null, ['author']),
    { upload: true, mine: true, others: false, orphaned: false, inB: false },
  ],
  [
    'complaint officer',
    actor(null, ['complaint_officer']),
    { upload: false, mine: false, others: false, orphaned: false, inB: false },
  ],
  [
    'coordinator',
    actor('coordinator'),
    { upload: false, mine: false, others: false, orphaned: false, inB: false },
  ],
  [
    'author of B only',
    actor(null, ['author'], B),
    { upload: false, mine: false, others: false, orphaned: false, inB: true },
  ],
];

describe('media policy', () => {
  for (const [who, a, expected] of table) {
    it(`${who}: upload ${expected.upload}, own ${expected.mine}, others' ${expected.others}`, () => {
      assert.equal(canUploadMedia(a, A), expected.upload, 'upload to A');
      assert.equal(canManageMedia(a, mine), expected.mine, 'own photo in A');
      assert.equal(canManageMedia(a, someoneElses), expected.others, "someone else's photo in A");
      assert.equal(canManageMedia(a, orphaned), expected.orphaned, 'photo of a removed account in A');
      assert.equal(canManageMedia(a, inB), expected.inB, 'photo in B');
    });
  }
});
