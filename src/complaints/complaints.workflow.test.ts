import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../accounts/accounts.policy.js';
import type { AgencyRole, InstallationRole } from '../accounts/accounts.table.js';
import { canSeeComplaint, canSeeReporter, complaintScope, isPublic } from './complaints.policy.js';
import type { ComplaintAction } from './complaints.schemas.js';
import type { ComplaintStatus } from './complaints.table.js';
import { allowedComplaintActions, nextStatus, type Party } from './complaints.workflow.js';

/*
 * The workflow as a table: for each status, which actions each party may take and where they lead.
 * A change to TRANSITIONS that this table does not expect fails here, on purpose.
 */
const EXPECTED: Record<
  ComplaintStatus,
  Partial<Record<Party, Partial<Record<ComplaintAction, ComplaintStatus>>>>
> = {
  received: {
    coordinator: {
      verify: 'verified',
      assign: 'assigned',
      hold: 'on_hold',
      not_authority: 'not_authority',
      archive: 'archived',
      merge: 'archived',
      note: 'received',
      reclassify: 'received',
    },
    // no OPD holds it in this status, but the table would let one write a note
    lead: { note: 'received' },
    co: { note: 'received' },
    citizen: { add_info: 'received' },
  },
  verified: {
    coordinator: {
      assign: 'assigned',
      hold: 'on_hold',
      not_authority: 'not_authority',
      archive: 'archived',
      merge: 'archived',
      note: 'verified',
      reclassify: 'verified',
    },
    // no OPD holds it in this status, but the table would let one write a note
    lead: { note: 'verified' },
    co: { note: 'verified' },
    citizen: { add_info: 'verified' },
  },
  on_hold: {
    coordinator: {
      assign: 'assigned',
      not_authority: 'not_authority',
      archive: 'archived',
      merge: 'archived',
      note: 'on_hold',
      reclassify: 'on_hold',
    },
    lead: { note: 'on_hold' },
    co: { note: 'on_hold' },
    citizen: { add_info: 'verified' }, // back to where it was held from (here: verified)
  },
  assigned: {
    coordinator: { assign: 'assigned', note: 'assigned', reclassify: 'assigned' },
    lead: { acknowledge: 'in_progress', answer: 'answered', return: 'received', note: 'assigned' },
    co: { note: 'assigned' },
    citizen: { add_info: 'assigned' },
  },
  in_progress: {
    coordinator: { assign: 'assigned', note: 'in_progress', reclassify: 'in_progress' },
    lead: { answer: 'answered', return: 'received', note: 'in_progress' },
    co: { note: 'in_progress' },
    citizen: { add_info: 'in_progress' },
  },
  answered: {
    coordinator: { close: 'closed', note: 'answered', reclassify: 'answered' },
    lead: { note: 'answered' },
    co: { note: 'answered' },
    citizen: { add_info: 'answered', accept: 'closed', reopen: 'in_progress', rate: 'answered' },
    system: { auto_close: 'closed' },
  },
  closed: { citizen: { rate: 'closed' } },
  not_authority: {},
  archived: {},
};

const PARTIES: Party[] = ['coordinator', 'lead', 'co', 'citizen', 'system'];

describe('complaint workflow table', () => {
  for (const [status, byParty] of Object.entries(EXPECTED) as [
    ComplaintStatus,
    (typeof EXPECTED)[ComplaintStatus],
  ][]) {
    for (const party of PARTIES) {
      const expected = byParty[party] ?? {};
      it(`${party} in ${status}: ${Object.keys(expected).join(', ') || 'nothing'}`, () => {
        const allowed = allowedComplaintActions([party], status);
        assert.deepEqual([...allowed].sort(), Object.keys(expected).sort());
        for (const action of allowed) {
          const heldFrom: ComplaintStatus | null = status === 'on_hold' ? 'verified' : null;
          assert.equal(nextStatus({ status, heldFrom }, action), expected[action], action);
        }
      });
    }
  }
});

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

describe('complaint policy', () => {
  const assigned = ['pupr', 'dlh'];
  const cases: [
    string,
    Actor,
    { see: boolean; reporter: boolean; anonReporter: boolean; scope: 'all' | string[] },
  ][] = [
    ['coordinator', actor('coordinator'), { see: true, reporter: true, anonReporter: true, scope: 'all' }],
    ['super admin', actor('super_admin'), { see: true, reporter: true, anonReporter: true, scope: 'all' }],
    [
      'lead OPD officer',
      actor(null, [['pupr', 'complaint_officer']]),
      { see: true, reporter: true, anonReporter: false, scope: ['pupr'] },
    ],
    [
      'co-assigned OPD admin',
      actor(null, [['dlh', 'admin']]),
      { see: true, reporter: true, anonReporter: false, scope: ['dlh'] },
    ],
    [
      'editor of the lead OPD',
      actor(null, [['pupr', 'editor']]),
      { see: false, reporter: false, anonReporter: false, scope: [] },
    ],
    [
      'officer of another OPD',
      actor(null, [['dinkes', 'complaint_officer']]),
      { see: false, reporter: false, anonReporter: false, scope: ['dinkes'] },
    ],
  ];
  for (const [name, who, expected] of cases) {
    it(`${name}: sees ${expected.see}, reporter ${expected.reporter}, anonim reporter ${expected.anonReporter}`, () => {
      assert.equal(canSeeComplaint(who, assigned), expected.see);
      assert.equal(canSeeReporter(who, { anonymous: 0 }, assigned), expected.reporter);
      assert.equal(canSeeReporter(who, { anonymous: 1 }, assigned), expected.anonReporter);
      assert.deepEqual(complaintScope(who), expected.scope);
    });
  }
  it('keeps a rahasia complaint out of public view', () => {
    assert.equal(isPublic({ confidential: 1 }), false);
    assert.equal(isPublic({ confidential: 0 }), true);
  });
});
