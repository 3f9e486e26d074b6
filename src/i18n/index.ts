import { id, type Messages } from './id.js';

/**
 * The message catalogue in use. Only Indonesian exists today; an English catalogue of the same
 * `Messages` type can be added here without touching a view.
 */
export const t: Messages = id;
