import type { FastifyInstance } from 'fastify';
import type { User } from './accounts.table.js';

/**
 * Emails the invitation link; returns the link when it could not be sent, so the inviting admin can
 * pass it on by hand (no SMTP configured, or the server refused).
 */
export async function deliverInvitation(
  app: FastifyInstance,
  user: User,
  token: string,
  context: { inviterName: string; agencyName: string },
): Promise<{ sent: boolean; url: string }> {
  const url = `${app.config.baseUrl}/atur-kata-sandi?token=${token}`;
  const sent = await app.mailer.send({
    to: user.email,
    subject: `Undangan ke Balairung: ${context.agencyName}`,
    text:
      `Halo ${user.name},\n\n${context.inviterName} mengundang Anda mengelola ${context.agencyName} di Balairung.\n` +
      `Buka tautan ini untuk membuat kata sandi (berlaku 7 hari, sekali pakai):\n${url}\n`,
  });
  return { sent, url };
}
