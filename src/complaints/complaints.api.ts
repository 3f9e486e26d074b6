import type { FastifyInstance } from 'fastify';

export default async function complaintsApi(app: FastifyInstance) {
  void app;
}
