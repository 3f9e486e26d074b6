/** What the public complaint form says about its own checks (Bahasa Indonesia). */
export const filingMessages = {
  powInvalid:
    'Pemeriksaan bahwa Anda bukan robot tidak berhasil. Tunggu sampai di bawah formulir tertulis "Siap dikirim", lalu kirim lagi.',
  powExpired:
    'Pemeriksaan bahwa Anda bukan robot sudah kedaluwarsa karena halaman terlalu lama terbuka. Tunggu sampai tertulis "Siap dikirim", lalu kirim lagi.',
  tooManyFromAddress: (minutes: number) =>
    `Sudah terlalu banyak laporan dari jaringan internet Anda dalam satu jam terakhir. Isian Anda masih di bawah; coba kirim lagi dalam ${minutes} menit.`,
  tooManyWithoutScript: (minutes: number) =>
    `Tanpa JavaScript, satu jaringan internet hanya dapat mengirim 3 laporan per jam. Isian Anda masih di bawah; aktifkan JavaScript di peramban lalu kirim lagi, atau coba lagi dalam ${minutes} menit.`,
  tooManyPosts:
    'Terlalu banyak kiriman formulir aduan dari jaringan internet Anda dalam satu jam terakhir. Coba lagi nanti, atau sampaikan aduan lewat WhatsApp pengaduan Pemerintah Kota.',
};
