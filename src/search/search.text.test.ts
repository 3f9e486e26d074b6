import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanQuery, highlight, MAX_TERMS, parseQuery, plainText, snippet } from './search.text.js';

describe('parseQuery', () => {
  it('keeps only words: no quote, star, colon, minus or operator reaches the index', () => {
    assert.deepEqual(parseQuery('"banjir" NEAR(jalan*) -rusak title:Pasar {body}: x^ \'; --').words, [
      'banjir',
      'near',
      'jalan',
      'rusak',
      'title',
      'pasar',
      'body',
      'x',
    ]);
  });

  it('lower-cases, drops duplicates, emoji and control characters, and caps the words', () => {
    assert.deepEqual(parseQuery('Dinas 🏥 KESEHATAN dinas\u0000Baru\u0007').words, [
      'dinas',
      'kesehatan',
      'baru',
    ]);
    assert.equal(parseQuery('a b c d e f g h i j k l').words.length, MAX_TERMS);
    const [long] = parseQuery('x'.repeat(1000)).words;
    assert.equal(long?.length, 40);
  });

  it('lets the last word of two letters or more match as a prefix', () => {
    assert.deepEqual(parseQuery('jalan banj'), { words: ['jalan', 'banj'], prefixLast: true });
    assert.equal(parseQuery('banjir a').prefixLast, false);
    assert.deepEqual(parseQuery('*** "" :'), { words: [], prefixLast: false });
  });

  it('shows the query back without control characters', () => {
    assert.equal(cleanQuery('  banjir\u0000\u0007 jalan\n'), 'banjir jalan');
  });
});

describe('highlight', () => {
  const terms = parseQuery('pompa banj');

  it('marks whole words, the last also by prefix, ignoring case and accents', () => {
    const parts = highlight('Pompa BANJIR dipasang; pompanisasi dan Bañjir', terms);
    assert.deepEqual(
      parts.filter((p) => p.mark).map((p) => p.text),
      ['Pompa', 'BANJIR', 'Bañjir'],
    );
    assert.equal(plainText(parts), 'Pompa BANJIR dipasang; pompanisasi dan Bañjir');
  });

  it('keeps markup in the text as text, for the view to escape', () => {
    const parts = highlight('<script>banjir</script>', terms);
    assert.deepEqual(parts, [
      { text: '<script>', mark: false },
      { text: 'banjir', mark: true },
      { text: '</script>', mark: false },
    ]);
  });
});

describe('snippet', () => {
  const terms = parseQuery('banjir');
  const long = `${'Kata pembuka yang panjang sekali. '.repeat(10)}Air banjir surut sore tadi. ${'Penutup. '.repeat(40)}`;

  it('shows a passage around the first match, with ellipses where it is cut', () => {
    const parts = snippet(['Ringkasan tanpa kata itu.', long], terms);
    const text = plainText(parts);
    assert.ok(text.startsWith('… '), text);
    assert.ok(text.endsWith(' …'), text);
    assert.ok(text.length <= 230, `${text.length} characters`);
    assert.deepEqual(
      parts.filter((p) => p.mark).map((p) => p.text),
      ['banjir'],
    );
  });

  it('falls back to the beginning of the first text when nothing matches', () => {
    assert.equal(plainText(snippet(['', 'Awal teks.'], terms)), 'Awal teks.');
    assert.deepEqual(snippet(['', ''], terms), []);
  });

  it('never splits an emoji in two', () => {
    const text = `${'🏥'.repeat(300)} banjir`;
    for (const part of snippet([text], parseQuery('zzz'))) {
      assert.doesNotMatch(
        part.text,
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
  });
});
