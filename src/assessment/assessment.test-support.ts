// Data for the self-assessment suites: service standards through src/standards, complaints answered
// in time and late through the complaint centre's own steps.
import type { FastifyInstance } from 'fastify';
import { actOnComplaint, type Caller } from '../complaints/complaints.actions.js';
import { getAgencyBySlug } from '../agencies/agencies.repository.js';
import { createService, savePledge } from '../standards/standards.service.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import { todayIn } from '../time/zone.js';

export const TIME_ZONE = 'Asia/Pontianak';
/** The assessment year the pages open on: this year in Pontianak. */
export const YEAR = Number(todayIn(TIME_ZONE).slice(0, 4));

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * One complete published service (all six public components, SK, reviewed a month ago), one draft
 * with nothing filled in, and the maklumat published.
 */
export async function makeStandards(app: FastifyInstance, slug: string) {
  const agency = await getAgencyBySlug(app.db, slug);
  const complete = await createService(
    app.db,
    agency,
    {
      name: 'Penerbitan Surat Keterangan Sehat',
      status: 'published',
      components: {
        requirements: ['KTP-el', 'Formulir permohonan'],
        procedure: ['Mengambil nomor antrean', 'Pemeriksaan', 'Penerbitan surat'],
        timeframe: { value: 1, unit: 'hari_kerja' },
        fees: { free: true },
        products: ['Surat keterangan sehat'],
        complaint_handling: 'Melalui Pusat Aduan Balairung dan kotak saran di loket.',
      },
      decree: { number: '440/123/DINKES/2026', date: daysAgo(60) },
      reviewed_on: daysAgo(30),
    },
    TIME_ZONE,
  );
  const draft = await createService(app.db, agency, { name: 'Izin Praktik Bidan' }, TIME_ZONE);
  await savePledge(app.db, agency, {
    body: 'Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan.',
    signedBy: 'dr. Contoh',
    signerPosition: 'Kepala Dinas',
    signedOn: daysAgo(60),
    published: true,
  });
  return { agency, complete, draft };
}

/** Two complaints for PUPR this year: one answered within its deadline, one after it. */
export async function makeAnsweredComplaints(app: FastifyInstance) {
  const act = (caller: Caller, code: string, input: Parameters<typeof actOnComplaint>[3]) =>
    actOnComplaint(app.db, caller, code, input, { baseUrl: app.config.baseUrl });
  const coord: Caller = { kind: 'staff', actor: await coordinator(app) };
  const officer: Caller = {
    kind: 'staff',
    actor: (await makeMember(app, 'pupr', 'complaint_officer')).actor,
  };
  const made = [];
  for (const title of [
    'Laporan jalan berlubang di Jalan Gajah Mada',
    'Laporan drainase tersumbat di Siantan',
  ]) {
    const filed = await makeComplaint(app, { title });
    await act(coord, filed.complaint.trackingCode, { action: 'assign', agency: 'pupr' });
    await act(officer, filed.complaint.trackingCode, { action: 'answer', message: 'Sudah ditangani.' });
    made.push(filed.complaint);
  }
  // The first answered a day before its deadline, the second a day after.
  const day = 86_400_000;
  const answered = new Date(Date.now() - 5 * day);
  for (const [complaint, dueOffset] of [
    [made[0]!, day],
    [made[1]!, -day],
  ] as const) {
    await app.db
      .updateTable('complaints')
      .set({
        firstAnsweredAt: answered.toISOString(),
        firstAnswerDueAt: new Date(answered.getTime() + dueOffset).toISOString(),
      })
      .where('id', '=', complaint.id)
      .execute();
  }
}
