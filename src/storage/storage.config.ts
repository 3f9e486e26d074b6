/*
 * BALAIRUNG_STORAGE_URL, parsed once by src/config.ts (which hands over the environment and its `fail`,
 * so the messages read like every other configuration error). Unset: the local folder, the default.
 *
 *   s3://BUCKET?endpoint=https://s3.example.go.id&region=id-1&prefix=balairung/&path-style=true
 *
 * Keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), never from the URL,
 * which ends up in process lists and logs; without them the AWS SDK's own chain is asked (shared
 * config files, an instance or container role).
 */

export interface S3Config {
  bucket: string;
  /** an S3-compatible server (MinIO, Garage, Ceph, a cloud's own); undefined for Amazon S3 itself */
  endpoint: string | undefined;
  region: string;
  /** before every key, '' or ending in '/': several installations may share one bucket */
  prefix: string;
  /** bucket in the path (http://host/bucket/key), as most S3-compatible servers need */
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | undefined;
}

type Env = Record<string, string | undefined>;
type Fail = (name: string, why: string) => never;

const NAME = 'BALAIRUNG_STORAGE_URL';
const PARAMS = ['endpoint', 'region', 'prefix', 'path-style'];
/** Amazon's bucket naming rules, which every S3-compatible server accepts. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9/_.-]*$/;
const REGION = /^[a-z0-9-]{1,40}$/;

function endpointOf(value: string | null, fail: Fail): string | undefined {
  if (value === null || value === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    fail(NAME, `memuat endpoint yang bukan URL yang sah ("${value}")`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    fail(NAME, `endpoint harus diawali http:// atau https:// (sekarang "${value}")`);
  if (parsed.pathname !== '/' || parsed.search || parsed.username)
    fail(NAME, `endpoint hanya alamat server, tanpa jalur atau nama pengguna (sekarang "${value}")`);
  return parsed.origin;
}

function prefixOf(value: string | null, fail: Fail): string {
  const trimmed = (value ?? '').replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (!PREFIX.test(trimmed) || trimmed.includes('..') || trimmed.includes('//'))
    fail(NAME, `prefix hanya boleh huruf, angka, / _ . - (sekarang "${value}")`);
  return `${trimmed}/`;
}

function booleanOf(value: string | null, fallback: boolean, fail: Fail): boolean {
  if (value === null || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  fail(NAME, `path-style harus true atau false (sekarang "${value}")`);
}

function credentialsOf(env: Env, fail: Fail): S3Config['credentials'] {
  const accessKeyId = env.AWS_ACCESS_KEY_ID || undefined;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY || undefined;
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey)
    fail('AWS_ACCESS_KEY_ID', 'dan AWS_SECRET_ACCESS_KEY harus diisi berdua atau tidak sama sekali');
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** undefined when BALAIRUNG_STORAGE_URL is unset: uploads stay in the data folder. */
export function storageConfig(env: Env, fail: Fail): S3Config | undefined {
  const value = env[NAME];
  if (value === undefined || value === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    fail(NAME, 'bukan URL yang sah');
  }
  if (parsed.protocol !== 's3:') fail(NAME, 'harus diawali s3://, misalnya s3://balairung?endpoint=…');
  const bucket = parsed.hostname;
  if (!BUCKET.test(bucket))
    fail(NAME, `nama bucket harus 3–63 huruf kecil, angka, titik atau tanda hubung (sekarang "${bucket}")`);
  if (parsed.username || parsed.password)
    fail(NAME, 'tidak boleh memuat kunci akses: isi AWS_ACCESS_KEY_ID dan AWS_SECRET_ACCESS_KEY');
  if (parsed.pathname !== '' && parsed.pathname !== '/')
    fail(NAME, `tidak memakai jalur setelah nama bucket; pakai prefix=… (sekarang "${parsed.pathname}")`);
  const params = parsed.searchParams;
  const unknown = [...params.keys()].filter((k) => !PARAMS.includes(k));
  if (unknown.length)
    fail(
      NAME,
      `memuat parameter yang tidak dikenal: ${unknown.join(', ')} (yang dikenal: ${PARAMS.join(', ')})`,
    );
  const endpoint = endpointOf(params.get('endpoint'), fail);
  const region = params.get('region') || 'us-east-1';
  if (!REGION.test(region)) fail(NAME, `region tidak sah (sekarang "${region}")`);
  return {
    bucket,
    endpoint,
    region,
    prefix: prefixOf(params.get('prefix'), fail),
    // Amazon itself prefers bucket.host; S3-compatible servers mostly answer only host/bucket.
    forcePathStyle: booleanOf(params.get('path-style'), endpoint !== undefined, fail),
    credentials: credentialsOf(env, fail),
  };
}
