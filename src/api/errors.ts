/** A failure of heapcli's library API, in the one line the console would print for it. */
export class HeapcliError extends Error {
  override readonly name = 'HeapcliError';
}
