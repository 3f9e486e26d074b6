import type { FastifyInstance } from 'fastify';
import { adminGuard } from '../accounts/admin-guard.js';
import { pageContext } from '../http/page.js';
import { guides } from './guides.js';
import { HelpIndexPage } from './views/guide-page.js';
import { PhotosGuide } from './views/photos.js';
import { StandardsGuide } from './views/standards.js';
import { WritingGuide } from './views/writing.js';

/** The guides for admins: any signed-in person in the admin area may read them. Prefix: /admin */
export default async function helpAdmin(app: FastifyInstance) {
  app.addHook('preHandler', adminGuard);
  const schema = { hide: true };

  app.get('/panduan', { schema }, async (request, reply) =>
    reply.page(<HelpIndexPage ctx={pageContext(request, reply)} />),
  );
  app.get(`/panduan/${guides.writing.slug}`, { schema }, async (request, reply) =>
    reply.page(<WritingGuide ctx={pageContext(request, reply)} />),
  );
  app.get(`/panduan/${guides.photos.slug}`, { schema }, async (request, reply) =>
    reply.page(<PhotosGuide ctx={pageContext(request, reply)} />),
  );
  app.get(`/panduan/${guides.standards.slug}`, { schema }, async (request, reply) =>
    reply.page(<StandardsGuide ctx={pageContext(request, reply)} />),
  );
}
