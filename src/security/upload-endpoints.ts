// Every upload endpoint of the app, as the hostile-uploads suite drives it: one hostile file per call.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { actOnComplaint } from '../complaints/complaints.actions.js';
import { fileForm, valid } from '../complaints/filing.fixtures.js';
import { apiUpload, member } from '../media/media.test-support.js';
import { signedIn, TestClient } from '../test/client.js';
import { coordinator, makeComplaint, makeMember } from '../test/factories.js';
import type { HostileFile } from '../test/hostile-files.js';
import { todayIn } from '../time/zone.js';

export interface UploadEndpoint {
  name: string;
  send: (file: HostileFile) => Promise<LightMyRequestResponse>;
}

const ADMIN = 'admin1@dinkes.pontianak.go.id';
const DECREE_FORM = '/admin/opd/disdukcapil/layanan/penerbitan-ktp-el';
const EVIDENCE_FORM = `/admin/opd/dinkes/penilaian/${todayIn('Asia/Pontianak').slice(0, 4)}`;

/** A complaint assigned to PUPR and acknowledged by it, so its officer may answer with a proof photo. */
async function answerableComplaint(app: FastifyInstance, officer: TestClient): Promise<string> {
  const { complaint } = await makeComplaint(app);
  const code = complaint.trackingCode;
  const staff = { kind: 'staff' as const, actor: await coordinator(app) };
  await actOnComplaint(
    app.db,
    staff,
    code,
    { action: 'assign', agency: 'pupr' },
    { baseUrl: app.config.baseUrl },
  );
  await officer.get(`/admin/aduan/${code}`);
  await officer.post(`/admin/aduan/${code}/tindakan`, { action: 'acknowledge' });
  return code;
}

/** The citizen's private page of a new complaint, whose form takes added information with files. */
async function citizenOfNewComplaint(app: FastifyInstance) {
  const { complaint, accessKey } = await makeComplaint(app);
  const citizen = new TestClient(app);
  const code = complaint.trackingCode;
  const arrival = await citizen.get(`/aduan/lacak?kode=${code}&kunci=${encodeURIComponent(accessKey)}`);
  await citizen.get(arrival.headers.location as string);
  return { citizen, code, accessKey };
}

export async function uploadEndpoints(app: FastifyInstance): Promise<UploadEndpoint[]> {
  const admin = await signedIn(app, ADMIN);
  const apiMember = await member(app, 'dinkes', 'editor');
  // Each client keeps the CSRF token of the first form it loads; any of its forms accepts it.
  await admin.get('/admin/opd/dinkes/media');
  const sk = await signedIn(app, 'admin1@disdukcapil.pontianak.go.id');
  await sk.get(DECREE_FORM);
  const pupr = await makeMember(app, 'pupr', 'admin', { email: 'unggah.pupr@example.go.id' });
  const officer = await signedIn(app, pupr.email, pupr.password);
  const part = (field: string, f: HostileFile) => [
    { field, filename: f.filename, data: f.data, type: f.type },
  ];
  let filed = 0;
  return [
    {
      name: 'media library form',
      send: (f) => admin.postMultipart('/admin/opd/dinkes/media', { alt: 'Foto uji' }, part('file', f)),
    },
    {
      name: 'media API',
      send: (f) =>
        apiUpload(
          app,
          apiMember.token,
          'dinkes',
          { data: f.data, filename: f.filename, contentType: f.type },
          { alt: 'Foto uji' },
        ),
    },
    {
      name: 'quick post photo',
      send: (f) => admin.postMultipart('/admin/opd/dinkes/kegiatan-baru/foto', { alt: '' }, part('file', f)),
    },
    {
      name: 'complaint filing',
      send: async (f) =>
        (await fileForm(new TestClient(app), valid((filed += 1)), part('attachments', f), { pow: false }))
          .res,
    },
    {
      name: 'complaint tracking add-file',
      send: async (f) => {
        const { citizen, code, accessKey } = await citizenOfNewComplaint(app);
        const fields = { kode: code, kunci: accessKey, action: 'add_info', message: 'Berkas terlampir.' };
        return citizen.postMultipart('/aduan/lacak/tindakan', fields, part('attachments', f));
      },
    },
    {
      name: 'staff answer proof',
      send: async (f) => {
        const code = await answerableComplaint(app, officer);
        const fields = { action: 'answer', message: 'Sudah ditangani.', internal_note: '' };
        return officer.postMultipart(`/admin/aduan/${code}/tindakan`, fields, part('proof', f));
      },
    },
    {
      name: 'standards decree PDF',
      send: (f) => sk.postMultipart(`${DECREE_FORM}/sk`, {}, part('file', f)),
    },
    {
      name: 'assessment evidence',
      send: (f) => admin.postMultipart(`${EVIDENCE_FORM}/bukti/sarana_rentan`, {}, part('file', f)),
    },
  ];
}
