/** A report or option request that cannot be met; its message is printed as is (pprof's wording). */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}
