/** Masks what differs on every request: the `rand` cache-buster and the credentials. */
export function maskApiUrl(url: string): string {
  return url.replace(/([?&]rand=)[^&]*/, '$1#').replace(/([?&]cred=)[^&]*/, '$1#');
}

/** `field:type` for every field of a message, in the order sent; values are left behind. */
export function shapeOf(message: Record<string, unknown>): string[] {
  return Object.entries(message).map(([key, value]) => `${key}:${typeof value}`);
}

/**
 * Reads a `message` event out of a socket.io frame as Engine.IO 3 carries it,
 * `42["message","<json>"]`; anything else (pings, the handshake) gives `null`.
 */
export function messageOfFrame(frame: string): Record<string, unknown> | null {
  const match = /^42(\[.*\])$/s.exec(frame);
  if (match?.[1] === undefined) return null;
  try {
    const packet = JSON.parse(match[1]) as unknown[];
    if (packet[0] !== 'message' || typeof packet[1] !== 'string') return null;
    const message = JSON.parse(packet[1]) as unknown;

    return message !== null && typeof message === 'object'
      ? (message as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
