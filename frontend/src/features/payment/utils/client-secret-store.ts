/**
 * Keeps each payment's client secret for this browser tab only (sessionStorage, with an
 * in-memory fallback when storage is blocked), so a reload of /payment/{id} can resume paying.
 * It is never put in the URL or sent anywhere except the confirm calls.
 */
const memory = new Map<string, string>();
const keyFor = (paymentId: string) => `payment.clientSecret.${paymentId}`;

export function saveClientSecret(paymentId: string, clientSecret: string): void {
  try {
    sessionStorage.setItem(keyFor(paymentId), clientSecret);
  } catch {
    memory.set(paymentId, clientSecret); // storage blocked (privacy mode, quota): this page view only
  }
}

export function loadClientSecret(paymentId: string): string | null {
  try {
    return sessionStorage.getItem(keyFor(paymentId)) ?? memory.get(paymentId) ?? null;
  } catch {
    return memory.get(paymentId) ?? null;
  }
}

export function forgetClientSecret(paymentId: string): void {
  memory.delete(paymentId);
  try {
    sessionStorage.removeItem(keyFor(paymentId));
  } catch {
    // ignore
  }
}
