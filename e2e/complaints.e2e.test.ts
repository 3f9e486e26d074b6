import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { photoJpeg } from '../src/media/media.fixtures.js';
import {
  DEMO_PASSWORD,
  PHONE_VIEWPORT,
  browserSkipReason,
  checkA11y,
  currentPath,
  useBrowser,
  mainHeading,
  newPage,
} from './browser.js';
import {
  ComplaintDetail,
  ComplaintForm,
  ComplaintQueue,
  ComplaintReceipt,
  PublicComplaintList,
  TrackingPage,
  type ComplaintReport,
} from './complaint-pages.js';
import { signInAs, signOut, statusText } from './news.pages.js';

const COORDINATOR = 'aduan@pontianak.go.id';
const OPD_ADMIN = 'admin1@pupr.pontianak.go.id';
const OPD_NAME = 'Dinas Pekerjaan Umum dan Penataan Ruang';
const DESKTOP = { viewport: { width: 1280, height: 900 } };

const REPORT: ComplaintReport = {
  classLabel: 'Pengaduan',
  title: 'Jalan berlubang di depan SD Negeri 14 Pal Lima',
  description:
    'Sejak dua minggu jalan di depan sekolah berlubang besar dan tergenang saat hujan. Anak-anak harus memutar ke badan jalan.',
  categoryLabel: 'Jalan dan jembatan',
  kelurahanLabel: 'Pal Lima',
  name: 'Siti Rahmawati Kapuasputri',
  email: 'siti.rahmawati.kapuas@example.com',
  phone: '0812 9876 5432',
  anonymous: true,
};
const ASSIGN_MESSAGE = 'Laporan Anda kami teruskan kepada Dinas PUPR.';
const ANSWER = 'Lubang sudah ditambal tim pemeliharaan jalan Dinas PUPR pada hari Kamis.';
const INTERNAL_NOTE = 'Dikerjakan regu pemeliharaan wilayah barat.';
const COMMENT = 'Cepat sekali, terima kasih.';

/**
 * Every trace of the reporter the pages could leak: the name (and its rarest word), the email and
 * its local part, and the phone number's digits in the forms a page might print them.
 */
const SENDER_TRACES = [
  REPORT.name,
  'Kapuasputri',
  REPORT.email,
  'siti.rahmawati.kapuas',
  REPORT.phone,
  '081298765432',
  '81298765432',
];

/** Fails when the page's text or its HTML (attributes, hidden parts) holds any trace of the reporter. */
async function assertNoSender(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const trace of SENDER_TRACES) {
    assert.ok(!text.includes(trace), `${where} shows "${trace}" in its text`);
    assert.ok(!html.includes(trace), `${where} holds "${trace}" in its HTML`);
  }
}

// One complaint's life, in order: node:test runs the steps one after another, each building on the last.
describe('an anonim complaint from a phone reaches the OPD and back', { skip: browserSkipReason() }, () => {
  const suite = useBrowser();
  let citizen: Page;
  let dir = '';
  let photo = '';
  let code = '';
  let privateLink = '';

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'balairung-aduan-'));
    photo = join(dir, 'jalan-berlubang.jpg');
    writeFileSync(photo, await photoJpeg({ gps: true, seed: 3 }));
    assert.ok((await sharp(photo).metadata()).exif, 'the fixture photo should carry EXIF with GPS');
    citizen = await newPage(suite.browser, { viewport: PHONE_VIEWPORT, hasTouch: true, isMobile: true });
  });

  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets a citizen on a phone file an anonim complaint with a photo and keep its code and link', async () => {
    const form = new ComplaintForm(citizen, suite.server.url);
    await form.open();
    assert.equal(await mainHeading(citizen), 'Sampaikan aduan');
    await checkA11y(citizen);
    await form.fill(REPORT);
    await form.attach([photo]);
    await form.waitReady();
    await checkA11y(citizen);
    await form.submit();

    assert.equal(await mainHeading(citizen), 'Laporan Anda sudah kami terima');
    const receipt = new ComplaintReceipt(citizen);
    code = await receipt.trackingCode();
    assert.match(code, /^PTK-[0-9A-Z]{6}$/, `unexpected tracking code "${code}"`);
    privateLink = await receipt.privateLink();
    assert.match(privateLink, new RegExp(`/aduan/lacak\\?kode=${code}&kunci=[A-Za-z0-9_-]+$`));
    await checkA11y(citizen);
  });

  it('lets the coordinator find it among new complaints, see who sent it and assign it to PUPR', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await signInAs(page, suite.server.url, COORDINATOR, DEMO_PASSWORD);
    const queue = new ComplaintQueue(page, suite.server.url);
    await queue.open();
    await checkA11y(page);
    await queue.openTab('Baru');
    assert.equal(new URL(page.url()).searchParams.get('tab'), 'baru');
    const row = queue.row(code);
    assert.equal(await row.count(), 1, `${code} is not in the "Baru" tab`);
    assert.match(await row.innerText(), new RegExp(REPORT.title));
    assert.match(await row.innerText(), /Anonim/);
    await checkA11y(page);

    await queue.openComplaint(code);
    assert.equal(await mainHeading(page), REPORT.title);
    const detail = new ComplaintDetail(page);
    assert.equal(await detail.status(), 'Diterima');
    // The coordinator alone sees the reporter of an anonim complaint, with a warning not to pass it on.
    const reporter = await detail.reporter.innerText();
    assert.match(reporter, new RegExp(REPORT.name));
    assert.match(reporter, new RegExp(REPORT.email.replace(/\./g, '\\.')));
    assert.match(reporter, /081298765432/);
    assert.match(reporter, /Jangan teruskan kepada OPD/);
    // So the OPD's clean pages below prove something: the same check does find the sender here.
    await assert.rejects(assertNoSender(page, "the coordinator's page"), /shows "Siti Rahmawati/);
    await checkA11y(page);

    // The photo reached the complaint without its EXIF (GPS, camera).
    const files = await detail.attachmentPaths();
    assert.equal(files.length, 1, `expected one attachment, got ${files.join(', ')}`);
    const stored = await page.request.get(`${suite.server.url}${files[0]}`);
    assert.equal(stored.status(), 200);
    const meta = await sharp(await stored.body()).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined, 'the stored photo keeps EXIF');
    assert.equal(meta.xmp, undefined, 'the stored photo keeps XMP');

    await detail.assign(OPD_NAME, ASSIGN_MESSAGE);
    assert.equal(currentPath(page), `/admin/aduan/${code}`);
    assert.match(await statusText(page), /Aduan sudah diteruskan ke OPD/);
    assert.equal(await detail.status(), 'Diteruskan ke OPD');
    assert.equal(await detail.fact('OPD penanggung jawab'), OPD_NAME);
    await checkA11y(page);
    await signOut(page);
    await page.context().close();
  });

  it('lets the PUPR admin acknowledge and answer it without ever seeing the sender', async () => {
    const page = await newPage(suite.browser, DESKTOP);
    await signInAs(page, suite.server.url, OPD_ADMIN, DEMO_PASSWORD);
    const queue = new ComplaintQueue(page, suite.server.url);
    await queue.open();
    assert.equal(await queue.row(code).count(), 1, `${code} is not in the PUPR queue`);
    await assertNoSender(page, 'the PUPR queue');
    await checkA11y(page);

    await queue.openComplaint(code);
    const detail = new ComplaintDetail(page);
    assert.match(
      await detail.reporter.innerText(),
      /Pelapor anonim: identitas hanya terlihat oleh koordinator/,
    );
    await assertNoSender(page, 'the complaint as PUPR sees it');
    await checkA11y(page);

    await detail.acknowledge();
    assert.match(await statusText(page), /Tindak lanjut dimulai/);
    assert.equal(await detail.status(), 'Sedang ditindaklanjuti');
    await assertNoSender(page, 'the complaint after acknowledging');
    await checkA11y(page);

    await detail.answer(ANSWER, INTERNAL_NOTE);
    assert.match(await statusText(page), /Tanggapan sudah dikirim ke pelapor/);
    assert.equal(await detail.status(), 'Sudah ditanggapi');
    await assertNoSender(page, 'the complaint after answering');
    await checkA11y(page);
    await signOut(page);
    await page.context().close();
  });

  it('shows the citizen the answer, the OPD and the code, and takes the acceptance and 5 stars', async () => {
    const tracking = new TrackingPage(citizen, suite.server.url);
    await tracking.openPrivateLink(privateLink);
    assert.equal(await mainHeading(citizen), REPORT.title);
    assert.equal(await tracking.trackingCode(), code);
    assert.equal(await tracking.agency(), OPD_NAME);
    assert.equal(await tracking.status(), 'Sudah ditanggapi');
    const answers = await tracking.answers();
    assert.equal(answers.length, 1, 'expected one answer');
    assert.equal(answers[0]!.text, ANSWER);
    assert.match(answers[0]!.meta, new RegExp(`^${OPD_NAME}`));
    assert.doesNotMatch(await citizen.locator('body').innerText(), new RegExp(INTERNAL_NOTE));
    // Their own data is shown back to them alone.
    assert.match(await tracking.ownData.innerText(), new RegExp(REPORT.name));
    await checkA11y(citizen);

    await tracking.accept();
    assert.match(await statusText(citizen), /Tanggapan diterima dan laporan ditutup/);
    assert.equal(await tracking.status(), 'Selesai');
    await checkA11y(citizen);

    await tracking.rate(5, COMMENT);
    assert.match(await statusText(citizen), /Terima kasih atas penilaian Anda/);
    const steps = await tracking.timeline();
    const rated = steps.find((s) => s.startsWith('Pelapor memberi penilaian'));
    assert.ok(rated, `no rating in the timeline: ${steps.join(' | ')}`);
    assert.match(rated, /Nilai 5 dari 5/);
    await checkA11y(citizen);
  });

  it('lists it publicly, and shows it by code alone, without the sender', async () => {
    const visitor = await newPage(suite.browser);
    const list = new PublicComplaintList(visitor, suite.server.url);
    await list.open();
    const item = list.item(REPORT.title);
    assert.equal(await item.count(), 1, `"${REPORT.title}" is not in the public list`);
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    assert.match(text, new RegExp(code));
    assert.match(text, /Selesai/);
    assert.match(text, new RegExp(`Ditangani ${OPD_NAME}`));
    await assertNoSender(visitor, 'the public list');
    await checkA11y(visitor);

    const tracking = new TrackingPage(visitor, suite.server.url);
    await tracking.lookUp(code.toLowerCase());
    assert.equal(await mainHeading(visitor), REPORT.title);
    assert.equal(await tracking.trackingCode(), code);
    assert.equal(await tracking.agency(), OPD_NAME);
    assert.equal((await tracking.answers())[0]?.text, ANSWER);
    assert.equal(await tracking.ownData.count(), 0, 'a visitor sees the private part');
    await assertNoSender(visitor, 'the tracking page by code');
    await checkA11y(visitor);
    await visitor.context().close();
  });
});
