import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from './app.js';

type Fields = Record<string, string>;

/**
 * A small browser stand-in over app.inject: keeps cookies, and fills in the CSRF token the way a
 * real form would (from the hidden field of a page it has loaded).
 */
export class TestClient {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(
    readonly app: FastifyInstance,
    readonly host = '127.0.0.1',
  ) {}

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrf = token;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { host: this.host, cookie: this.cookieHeader, ...headers },
    });
    this.remember(response);
    return response;
  }

  /** Posts a form like a browser would; loads a page first when no CSRF token is known yet. */
  async post(
    url: string,
    fields: Fields,
    options: { csrf?: string | false } = {},
  ): Promise<LightMyRequestResponse> {
    if (this.csrf === null && options.csrf === undefined) await this.get('/masuk');
    const csrf: Fields = options.csrf === false ? {} : { _csrf: options.csrf ?? this.csrf ?? '' };
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        host: this.host,
        cookie: this.cookieHeader,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ ...csrf, ...fields }).toString(),
    });
    this.remember(response);
    return response;
  }

  /** A multipart form as a browser sends it: the CSRF token first, then fields, then files. */
  async postMultipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: { field: string; filename: string; data: Buffer; type?: string }[] = [],
  ): Promise<LightMyRequestResponse> {
    if (this.csrf === null) await this.get('/masuk');
    const form = new FormData();
    form.append('_csrf', this.csrf ?? '');
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
    for (const f of files)
      form.append(f.field, new Blob([new Uint8Array(f.data)], { type: f.type ?? 'image/jpeg' }), f.filename);
    const encoded = new Response(form);
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        host: this.host,
        cookie: this.cookieHeader,
        'content-type': encoded.headers.get('content-type') ?? '',
      },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    this.remember(response);
    return response;
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/masuk');
    return this.post('/masuk', { email, password });
  }
}

export async function signedIn(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<TestClient> {
  const client = new TestClient(app);
  const response = await client.signIn(email, password);
  if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${response.statusCode}`);
  return client;
}

/** A bearer token from the API, for API tests. */
export async function apiToken(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`token for ${email} failed: ${response.statusCode} ${response.body}`);
  return (response.json() as { token: string }).token;
}
