import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { redactPersonalData } from './redact.js';

const siti = {
  name: 'Siti Aminah',
  email: 'siti@example.com',
  phone: '081234567890',
  nik: '6171010101010001',
};

describe('redactPersonalData', () => {
  const cases: [string, string][] = [
    ['Saya Siti Aminah melapor jalan rusak.', 'Saya [dihapus] melapor jalan rusak.'],
    ['Terima kasih, Ibu SITI  AMINAH.', 'Terima kasih, Ibu [dihapus].'],
    ['Hubungi 0812-3456-7890 atau +62 812 3456 7890.', 'Hubungi [dihapus] atau [dihapus].'],
    ['WA saya 6281234567890', 'WA saya [dihapus]'],
    ['Surel siti@example.com atau tetangga budi.s@mail.co.id', 'Surel [dihapus] atau tetangga [dihapus]'],
    ['NIK 6171 0101 0101 0001, KK 6171020202020002', 'NIK [dihapus], KK [dihapus]'],
    // What is about the problem, or the office's own, stays.
    [
      'Lubang 3 meter di Jl. Tanjungpura no. 12, RT 003/RW 004.',
      'Lubang 3 meter di Jl. Tanjungpura no. 12, RT 003/RW 004.',
    ],
    [
      'Hubungi dinkes@pontianak.go.id atau (0561) 732121.',
      'Hubungi dinkes@pontianak.go.id atau (0561) 732121.',
    ],
    ['Siti melapor; budi pekerti warga baik.', 'Siti melapor; budi pekerti warga baik.'],
    ['Kode PTK-7Q4M2X, tanggal 12-05-2026.', 'Kode PTK-7Q4M2X, tanggal 12-05-2026.'],
  ];
  for (const [text, expected] of cases) {
    it(`redacts ${JSON.stringify(text)}`, () => assert.equal(redactPersonalData(text, siti), expected));
  }

  it("removes the reporter's own number even in a shape no pattern knows", () => {
    const landline = { ...siti, phone: '0561-765432' };
    assert.equal(redactPersonalData('Telepon rumah (0561) 765432.', landline), 'Telepon rumah [dihapus].');
  });

  it('leaves a name shorter than three letters alone, so "Al" does not blank every "al"', () => {
    assert.equal(redactPersonalData('Jalan alternatif', { ...siti, name: 'Al' }), 'Jalan alternatif');
  });
});
