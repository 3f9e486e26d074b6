// Aduan: solves the form's proof-of-work challenge (ALTCHA v2, SHA-256) in the background while the
// citizen writes, and says so in a status line that screen readers announce. The server checks the
// solution; without this script (or without crypto.subtle, which needs https) the form still works,
// under a stricter limit per address. No inline script and no blob worker: the CSP allows neither.
(function () {
  'use strict';
  var form = document.querySelector('form.aduan-form');
  if (!form) return;
  var field = form.querySelector('input[name=altcha]');
  var keyField = form.querySelector('input[name=submission_key]');
  var status = document.getElementById('f-altcha');
  if (!field || !keyField || !status) return;
  var subtle = window.crypto && window.crypto.subtle;
  if (!subtle || !window.TextEncoder || !window.fetch) {
    status.textContent = 'Pemeriksaan otomatis tidak berjalan di peramban ini. Laporan tetap dapat dikirim.';
    return;
  }

  var challenge = null;
  try {
    challenge = JSON.parse(field.getAttribute('data-challenge') || 'null');
  } catch {
    challenge = null;
  }
  var solvedFor = null;
  var running = null;

  function say(text, state) {
    status.textContent = text;
    status.setAttribute('data-state', state);
  }

  function hexToBytes(hex) {
    var out = new Uint8Array(hex.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
    return out;
  }

  function bytesToHex(bytes) {
    var hex = '';
    for (var i = 0; i < bytes.length; i++) hex += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return hex;
  }

  function startsWith(bytes, prefix) {
    for (var i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
    return true;
  }

  // Soon to expire counts as expired: the form still has to travel to the server.
  function expired(ch) {
    var at = ch && ch.parameters && ch.parameters.expiresAt;
    return !ch || (at && at * 1000 < Date.now() + 60000);
  }

  // The key for one counter: `cost` rounds of SHA-256 over salt ‖ nonce ‖ counter (uint32, big-endian).
  async function derive(p, salt, password) {
    var data = new Uint8Array(salt.length + password.length);
    data.set(salt, 0);
    data.set(password, salt.length);
    for (var i = 0; i < Math.max(1, p.cost); i++)
      data = new Uint8Array(await subtle.digest(p.algorithm, data));
    return data.slice(0, p.keyLength || 32);
  }

  async function solve(ch) {
    var p = ch.parameters;
    var nonce = hexToBytes(p.nonce);
    var salt = hexToBytes(p.salt);
    var prefixHex = String(p.keyPrefix).toLowerCase();
    var prefix = prefixHex.length % 2 === 0 ? hexToBytes(prefixHex) : null;
    var password = new Uint8Array(nonce.length + 4);
    password.set(nonce, 0);
    var view = new DataView(password.buffer);
    for (var counter = 0; counter <= 0xffffffff; counter++) {
      view.setUint32(nonce.length, counter, false);
      var key = await derive(p, salt, password);
      if (prefix ? startsWith(key, prefix) : bytesToHex(key).indexOf(prefixHex) === 0)
        return { counter: counter, derivedKey: bytesToHex(key) };
    }
    throw new Error('no solution');
  }

  async function freshChallenge() {
    var url = form.getAttribute('data-challenge-url') + '?kunci=' + encodeURIComponent(keyField.value);
    var res = await window.fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) throw new Error('challenge ' + res.status);
    return res.json();
  }

  async function run() {
    say('Memeriksa bahwa Anda bukan robot…', 'busy');
    field.value = '';
    if (expired(challenge)) challenge = await freshChallenge();
    var solution = await solve(challenge);
    var payload = {
      challenge: { parameters: challenge.parameters, signature: challenge.signature },
      solution: solution,
    };
    field.value = window.btoa(JSON.stringify(payload));
    solvedFor = challenge;
    say('Siap dikirim.', 'ready');
  }

  function start() {
    if (!running) {
      running = run().then(
        function () {
          running = null;
        },
        function (err) {
          running = null;
          throw err;
        },
      );
    }
    return running;
  }

  form.addEventListener('submit', function (event) {
    if (field.value && !expired(solvedFor)) return;
    event.preventDefault();
    if (running) say('Sebentar, pemeriksaan belum selesai. Laporan terkirim otomatis sesudahnya…', 'busy');
    start().then(
      function () {
        form.submit();
      },
      function () {
        // The server takes a report without a solution too, under a stricter limit.
        say('Pemeriksaan tidak berhasil; laporan dikirim tanpa pemeriksaan.', 'error');
        field.value = '';
        form.submit();
      },
    );
  });

  start().catch(function () {
    say('Pemeriksaan otomatis tidak berhasil. Laporan tetap dapat dikirim.', 'error');
  });
})();
