// Helpers shared by the media suites: members with a role, and a multipart post through a signed-in page.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { AgencyRole } from '../accounts/accounts.table.js';
import { signedIn, apiToken, type TestClient } from '../test/client.js';
import { makeMember } from '../test/factories.js';
import { multipart, type FilePart } from './media.fixtures.js';

export const PASSWORD = 'Foto-Kegiatan-2026';

export interface Member {
  email: string;
  userId: string;
  page: TestClient;
  token: string;
}

/** A new account with `role` in the agency `slug`, signed in on a page and holding an API token. */
export async function member(app: FastifyInstance, slug: string, role: AgencyRole): Promise<Member> {
  const { email, user } = await makeMember(app, slug, role, {
    email: `${role.replace('_', '-')}-${Math.random().toString(36).slice(2, 8)}@${slug}.example.go.id`,
    name: `Uji ${role}`,
    password: PASSWORD,
  });
  return {
    email,
    userId: user.id,
    page: await signedIn(app, email, PASSWORD),
    token: await apiToken(app, email, PASSWORD),
  };
}

export async function apiUpload(
  app: FastifyInstance,
  token: string | null,
  slug: string,
  file?: FilePart,
  fields: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return app.inject({
    method: 'POST',
    url: `/api/v1/agencies/${slug}/media`,
    headers: { ...body.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: body.payload,
  });
}

const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;

/**
 * Posts the upload form as a browser would: multipart, the CSRF token from the page first. `csrf: false`
 * leaves the token out. Returns the response; a redirect's flash cookie is passed on by `follow`.
 */
export async function formUpload(
  client: TestClient,
  slug: string,
  file: FilePart | undefined,
  fields: Record<string, string> = {},
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const page = await client.get(`/admin/opd/${slug}/media`);
  const token = CSRF_FIELD.exec(page.body)?.[1] ?? '';
  const body = multipart({ ...(options.csrf === false ? {} : { _csrf: token }), ...fields }, file);
  return client.app.inject({
    method: 'POST',
    url: `/admin/opd/${slug}/media`,
    headers: { ...body.headers, host: client.host, cookie: cookiesOf(client) },
    payload: body.payload,
  });
}

export function cookiesOf(client: TestClient, extra: LightMyRequestResponse | null = null): string {
  const names = ['balairung_csrf', 'balairung_sesi'];
  const pairs = names.flatMap((n) => (client.cookie(n) ? [`${n}=${client.cookie(n)}`] : []));
  for (const c of extra?.cookies ?? []) pairs.push(`${c.name}=${c.value}`);
  return pairs.join('; ');
}

/** Follows a redirect with the flash cookie it set (TestClient keeps only the cookies of its own requests). */
export async function follow(client: TestClient, response: LightMyRequestResponse) {
  return client.app.inject({
    method: 'GET',
    url: String(response.headers.location),
    headers: { host: client.host, cookie: cookiesOf(client, response) },
  });
}

/** Every file under the media folder, as storage keys. */
export async function storedKeys(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'media');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}
