/**
 * Normalises a staff phone number: "+358 40 123 4567", "040-123 4567", "00358401234567" → E.164
 * ("+358401234567"). A bare internal extension (2–6 digits, not starting with 0) is kept as digits.
 * Returns null when the value is neither.
 */
export const normalisePhoneNumber = (value: string): string | null => {
  const trimmed = value.trim();
  if (!/^\+?[\d\s\-()]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/[\s\-()]/g, "");
  let e164: string;
  if (digits.startsWith("+")) e164 = digits;
  else if (digits.startsWith("00")) e164 = `+${digits.slice(2)}`;
  else if (digits.startsWith("0")) e164 = `+358${digits.slice(1)}`;
  else if (/^[1-9]\d{1,5}$/.test(digits)) return digits;
  else return null;
  // Finnish numbers have at least 7 digits after +358 (e.g. 09-123 456 → +3589123456).
  if (e164.startsWith("+358") && e164.length < 4 + 7) return null;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
};
