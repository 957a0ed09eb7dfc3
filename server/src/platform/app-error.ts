// The application's error, alone in a module with no runtime imports: a worker thread (the spreadsheet reader's)
// can throw it without loading the contracts and zod, which errors.ts needs to turn it into the API's error body.
import type { ErrorCode } from '@anjian/contracts';

export interface BilingualDetail {
  field: string;
  zh: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly details: BilingualDetail[] = [],
    /** Extra payload returned beside the error, e.g. the current record on a version conflict. */
    public readonly extra?: Record<string, unknown>,
  ) {
    super(code);
  }
}
