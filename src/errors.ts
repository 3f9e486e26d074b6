/** Named errors with an HTTP status and a stable code; the one error handler renders them. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** What a person reads, e.g. on the command line: each field's message, or the message. */
  readable(): string {
    return this.fields ? Object.values(this.fields).join(' ') : this.message;
  }

  /** Fastify and its plugins read `statusCode`. */
  get statusCode(): number {
    return this.status;
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Halaman atau data yang Anda cari tidak ditemukan.') {
    super(404, 'not_found', message);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Silakan masuk terlebih dahulu.') {
    super(401, 'unauthenticated', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Anda tidak berwenang melakukan tindakan ini.') {
    super(403, 'forbidden', message);
  }
}

export class ValidationError extends AppError {
  constructor(fields: Record<string, string>, message = 'Ada masalah pada data yang dikirim.') {
    super(422, 'validation_failed', message, fields);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super(409, 'conflict', message, fields);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string) {
    super(429, 'too_many_requests', message);
  }
}

export class CsrfError extends AppError {
  constructor() {
    super(403, 'csrf_invalid', 'Formulir ini sudah kedaluwarsa. Muat ulang halaman, lalu kirim lagi.');
  }
}
