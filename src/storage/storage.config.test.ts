import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../config.js';

const base = { BALAIRUNG_SECRET: 'x'.repeat(32), BALAIRUNG_DATA_DIR: '/tmp/balairung-config-test' };
const load = (env: Record<string, string>) => loadConfig({ ...base, ...env });

describe('BALAIRUNG_STORAGE_URL', () => {
  it('keeps uploads in the data folder when unset', () => {
    assert.equal(load({}).storage, undefined);
    assert.equal(load({ BALAIRUNG_STORAGE_URL: '' }).storage, undefined);
  });

  it('reads the bucket, endpoint, region and prefix, and the keys from the AWS variables', () => {
    const config = load({
      BALAIRUNG_STORAGE_URL:
        's3://balairung-kota?endpoint=http://127.0.0.1:9400&region=id-1&prefix=/kota/pontianak/',
      AWS_ACCESS_KEY_ID: 'AKIA-UJI',
      AWS_SECRET_ACCESS_KEY: 'rahasia',
    });
    assert.deepEqual(config.storage, {
      bucket: 'balairung-kota',
      endpoint: 'http://127.0.0.1:9400',
      region: 'id-1',
      prefix: 'kota/pontianak/',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA-UJI', secretAccessKey: 'rahasia' },
    });
  });

  it('talks to Amazon S3 itself, virtual-hosted, with the SDK’s own keys when only a bucket is named', () => {
    assert.deepEqual(load({ BALAIRUNG_STORAGE_URL: 's3://balairung' }).storage, {
      bucket: 'balairung',
      endpoint: undefined,
      region: 'us-east-1',
      prefix: '',
      forcePathStyle: false,
      credentials: undefined,
    });
    const hosted = load({
      BALAIRUNG_STORAGE_URL: 's3://b12?endpoint=https://s3.example.go.id&path-style=false',
    });
    assert.equal(hosted.storage?.forcePathStyle, false);
  });

  it('stops start-up with one Indonesian line naming what is wrong', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ BALAIRUNG_STORAGE_URL: 'bukan url' }, /BALAIRUNG_STORAGE_URL bukan URL yang sah/],
      [{ BALAIRUNG_STORAGE_URL: 'https://bucket.s3.amazonaws.com' }, /harus diawali s3:\/\//],
      [{ BALAIRUNG_STORAGE_URL: 's3://Bucket_Besar' }, /nama bucket/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12/folder' }, /pakai prefix=/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?regoin=id-1' }, /parameter yang tidak dikenal: regoin/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?endpoint=ftp://host' }, /endpoint harus diawali http/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?endpoint=nothost' }, /endpoint yang bukan URL/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?endpoint=http://h/jalur' }, /tanpa jalur/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?prefix=../x' }, /prefix hanya boleh/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12?path-style=ya' }, /path-style harus true atau false/],
      [{ BALAIRUNG_STORAGE_URL: 's3://kunci:rahasia@b12' }, /tidak boleh memuat kunci akses/],
      [{ BALAIRUNG_STORAGE_URL: 's3://b12', AWS_ACCESS_KEY_ID: 'AKIA' }, /berdua atau tidak sama sekali/],
    ];
    for (const [env, message] of cases) {
      assert.throws(
        () => load(env),
        (err: unknown) => err instanceof ConfigError && message.test(err.message),
        JSON.stringify(env),
      );
      assert.throws(() => load(env), /Konfigurasi salah: (BALAIRUNG_STORAGE_URL|AWS_ACCESS_KEY_ID) /);
    }
  });
});
