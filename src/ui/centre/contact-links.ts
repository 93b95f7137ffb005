/** The contact channels as links: only for a plain address or a phone number, never anything a browser would run. */

/** `mailto:` for a plain address, or null when it does not look like one. */
export function mailtoHref(email: unknown): string | null {
  if (typeof email !== 'string' || !/^[^\s@<>"'(),;:\\]+@[^\s@<>"'(),;:\\]+\.[^\s@<>"'(),;:\\]+$/.test(email)) return null;
  return `mailto:${email}`;
}

/** `tel:` with only the digits (and a leading +) of a hotline number, or null. */
export function telHref(phone: unknown): string | null {
  if (typeof phone !== 'string') return null;
  const digits = phone.replace(/[^\d+]/g, '');
  return /^\+?\d{3,}$/.test(digits) ? `tel:${digits}` : null;
}
