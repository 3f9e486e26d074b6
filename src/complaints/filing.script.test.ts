import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { checkSolution, newChallenge, powKeys } from './filing.pow.js';

describe('public/js/complaint-form.js', () => {
  it('solves the challenge the server made, in the way the server checks, and says so', async () => {
    const keys = powKeys('secret-for-the-script-test-0123456789');
    const challenge = await newChallenge(keys, 'BBBBBBBBBBBBBBBBBBBBBB');
    const field = { value: '', getAttribute: () => JSON.stringify(challenge) };
    const keyField = { value: 'BBBBBBBBBBBBBBBBBBBBBB' };
    const status = {
      textContent: '',
      state: '',
      setAttribute(_name: string, value: string) {
        this.state = value;
      },
    };
    const form = {
      querySelector: (selector: string) => (selector.includes('altcha') ? field : keyField),
      getAttribute: () => '/aduan/tantangan',
      addEventListener: () => undefined,
    };
    const document = {
      querySelector: () => form,
      getElementById: () => status,
    };
    const window = { crypto: globalThis.crypto, TextEncoder, fetch, btoa };
    const source = await readFile(new URL('../../public/js/complaint-form.js', import.meta.url), 'utf8');
    new Function('window', 'document', source)(window, document);
    assert.match(status.textContent, /Memeriksa bahwa Anda bukan robot/);
    // Up to 30 s: the proof of work takes a moment, longer on a busy machine.
    for (let i = 0; i < 1200 && status.state === 'busy'; i++) await new Promise((r) => setTimeout(r, 25));
    assert.equal(status.textContent, 'Siap dikirim.');
    assert.equal(await checkSolution(keys, field.value, keyField.value), 'valid');
  });
});
