// A request refused before execution: HTTP 401 with AppSync's UnauthorizedException body.
// `reason` is for the local log only; clients get AppSync's own wording.

/** AppSync's answer for a key or token it does not accept. */
export const NOT_AUTHORIZED = 'You are not authorized to make this call.';

export class UnauthorizedRequest extends Error {
  constructor(
    message: string,
    readonly reason: string = message,
  ) {
    super(message);
    this.name = 'UnauthorizedException';
  }
}
