import assert from 'node:assert/strict';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import type { TestClient } from '../test/client.js';
import { decodeEntities, fieldValue } from '../test/hostile.js';
import { encodePayload } from './filing.pow.js';

/* The public complaint form as its tests fill it: a valid report, and a post that solves the challenge. */

export type Fields = Record<string, string>;
export type File = { field: string; filename: string; data: Buffer; type?: string };

export const valid = (n = 1): Fields => ({
  class: 'pengaduan',
  title: 'Lampu jalan mati di Jalan Gajah Mada',
  description: 'Sudah seminggu lampu jalan di depan toko nomor 12 mati, jalan gelap dan rawan.',
  category: 'lampu-lalu-lintas',
  kelurahan: 'kel-darat-sekip',
  address: 'Depan toko nomor 12',
  occurred_on: '2026-01-05',
  reporter_name: 'Siti Aminah',
  reporter_email: `siti${n}@example.com`,
  reporter_phone: '',
  consent: '1',
});

/** The challenge on a loaded form page, as the browser script reads it. */
export function challengeOf(html: string): Challenge {
  const attr = /data-challenge="([^"]*)"/.exec(html)?.[1];
  assert.ok(attr, 'the form carries a challenge');
  return JSON.parse(decodeEntities(attr)) as Challenge;
}

export async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution);
  return encodePayload({ challenge, solution });
}

/** Loads the form like a browser, solves its challenge like the script, and posts it. */
export async function fileForm(
  client: TestClient,
  fields: Fields,
  files: File[] = [],
  options: { url?: string; pow?: boolean } = {},
) {
  const url = options.url ?? '/aduan';
  const page = await client.get(url);
  assert.equal(page.statusCode, 200);
  const key = fieldValue(page.body, 'submission_key')!;
  const altcha = options.pow === false ? '' : await solved(challengeOf(page.body));
  const res = await client.postMultipart(url, { submission_key: key, altcha, ...fields }, files);
  return { res, key, altcha };
}

export const countComplaints = async (app: FastifyInstance) =>
  Number(
    (
      await app.db
        .selectFrom('complaints')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
