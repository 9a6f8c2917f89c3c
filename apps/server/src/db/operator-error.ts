/**
 * A refusal that the operator running a command can act on (a data folder another process holds, a backup file that
 * cannot be restored): `stip` prints its message and exits 1. Not an HTTP error: the database layer sits below the
 * API's AppError.
 */
export class OperatorError extends Error {
  override name = 'OperatorError';
}
