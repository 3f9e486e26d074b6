import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { TEST_SECRET } from '../test/app.js';
import { importWordPressCommand } from './imports.cli.js';
import { convertBody } from './wordpress.content.js';
import { parseWxr } from './wordpress.parse.js';
import { fixtureItems, wxr } from './wxr.fixtures.js';

const refused = (xml: string, message: RegExp) =>
  assert.throws(
    () => parseWxr(xml),
    (err: { status: number; fields: Record<string, string> }) =>
      err.status === 422 && message.test(err.fields.file ?? ''),
  );

describe('reading a WordPress export', () => {
  it('reads posts, pages and attachments with their status, date, terms and featured image', () => {
    const parsed = parseWxr(wxr(fixtureItems()));
    assert.equal(parsed.siteUrl, 'https://dinkes-lama.example.org');
    assert.deepEqual(
      parsed.authors.map((a) => a.email),
      ['editor.dinkes@example.go.id', 'tamu@example.org'],
    );
    const post = parsed.items.find((i) => i.wpId === 101)!;
    assert.equal(post.kind, 'post');
    assert.equal(post.dateGmt, '2021-05-19T02:30:00.000Z');
    assert.equal(post.thumbnailId, 100);
    assert.deepEqual(post.categories, [{ slug: 'kesehatan', name: 'Kesehatan' }]);
    assert.deepEqual(post.tags, [{ slug: 'posyandu', name: 'Posyandu' }]);
    assert.equal(parsed.items.find((i) => i.wpId === 104)!.status, 'draft');
    assert.equal(parsed.items.find((i) => i.wpId === 100)!.attachedFile, '2021/05/posyandu.jpg');
  });

  it('refuses entity expansion and external entities in Indonesian', () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      '<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol2;</title></channel></rss>';
    refused(laughs, /DOCTYPE/);
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel>&x;</channel></rss>';
    refused(xxe, /DOCTYPE/);
  });

  it('refuses what is not XML, not WordPress, or cut short', () => {
    refused('PK\u0003\u0004 zip', /bukan berkas XML/);
    refused('<html><body>Halo</body></html>', /bukan ekspor WordPress/);
    refused(wxr(fixtureItems()).slice(0, 2000), /rusak atau terpotong/);
  });

  it('turns a classic caption into a figure and drops nothing silently', () => {
    const out = convertBody('<iframe src="https://maps.example/x"></iframe>\n[audio src="a.mp3"]', {
      urlFor: () => null,
    });
    assert.match(out.bodyHtml, /<a href="https:\/\/maps.example\/x"/);
    assert.equal(out.warnings.length, 2);
  });
});

describe('import-wordpress command', () => {
  it('refuses a huge file and a missing agency with an Indonesian message and exit code', async (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'balairung-wxr-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const config = loadConfig({ NODE_ENV: 'test', BALAIRUNG_DATA_DIR: dir, BALAIRUNG_SECRET: TEST_SECRET });
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const huge = path.join(dir, 'huge.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 65 * 1024 * 1024);
    assert.equal(await importWordPressCommand(['--agency', 'dinkes', '--file', huge], config, io), 1);
    assert.match(lines.pop() ?? '', /terlalu besar/);
    const file = path.join(dir, 'ok.xml');
    writeFileSync(file, wxr(fixtureItems()));
    assert.equal(await importWordPressCommand(['--agency', 'tidak-ada', '--file', file], config, io), 2);
    assert.match(lines.pop() ?? '', /tidak ditemukan/);
    assert.equal(await importWordPressCommand(['--file', file], config, io), 2);
  });
});
