/**
 * A platform's refusal. A 4xx other than 408 and 429 (an unknown user, a blocked account, a bad
 * token) will not change on retry, so the outbox fails the message at once and staff see why.
 */
export function platformError(status: number, message: string): Error & { permanent: boolean } {
  return Object.assign(new Error(message), { permanent: status >= 400 && status < 500 && status !== 408 && status !== 429 });
}
