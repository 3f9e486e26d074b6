import type { FastifyInstance } from 'fastify';

export default async function open311Routes(app: FastifyInstance) {
  void app;
}
