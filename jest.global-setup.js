/**
 * Runs once before Jest starts its workers: pprof printed the goldens with TZ=UTC, and a test
 * file's `process.env` is a copy that never reaches the process's clock, so the zone is set here.
 */
export default function setUtc() {
  process.env.TZ = 'UTC';
}
