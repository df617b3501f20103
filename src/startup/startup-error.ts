/** A start-up failure already worded for the person setting up: one line naming what to fix and how. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
