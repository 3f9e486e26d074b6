import type { FastifyInstance } from 'fastify';
import { coordinator } from '../test/factories.js';
import { createOpen311Client } from './open311.clients.js';

/* What the Open311 tests file with: a valid request and a fresh client key. */

export const REQUEST = {
  service_code: 'jalan-jembatan',
  lat: '-0.0263',
  long: '109.3425',
  address_string: 'Jalan Tanjungpura depan Pasar Flamboyan',
  email: 'budi@example.com',
  first_name: 'Budi',
  last_name: 'Santoso',
  phone: '081298765432',
  description: 'Lubang besar di tengah jalan dekat pasar, sudah dua motor jatuh minggu ini.',
  media_url: 'http://example.com/foto.jpg',
};

/** A new client's api_key. */
export async function keyFor(app: FastifyInstance): Promise<string> {
  return (await createOpen311Client(app.db, await coordinator(app), 'Aplikasi uji')).apiKey;
}
