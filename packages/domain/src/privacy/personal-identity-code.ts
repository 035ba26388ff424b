/** Finnish personal identity code (henkilötunnus): DDMMYY, century sign, individual number, check character. */
const CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY";
/** Century signs since 2023: + 1800s; - Y X W V U 1900s; A B C D E F 2000s. */
const CENTURY: Readonly<Record<string, number>> = {
  "+": 1800,
  "-": 1900,
  Y: 1900,
  X: 1900,
  W: 1900,
  V: 1900,
  U: 1900,
  A: 2000,
  B: 2000,
  C: 2000,
  D: 2000,
  E: 2000,
  F: 2000,
};

export const PERSONAL_IDENTITY_CODE_PATTERN = /\d{6}[-+ABCDEFUVWXY]\d{3}[0-9A-Y]/giu;

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** True only for a code with a real birth date and a correct check character. */
export const isValidPersonalIdentityCode = (candidate: string): boolean => {
  const code = candidate.toUpperCase();
  if (!/^\d{6}[-+ABCDEFUVWXY]\d{3}[0-9A-Y]$/.test(code)) return false;
  const century = CENTURY[code.charAt(6)];
  if (century === undefined) return false;
  const day = Number(code.slice(0, 2));
  const month = Number(code.slice(2, 4));
  const year = century + Number(code.slice(4, 6));
  if (!isRealDate(year, month, day)) return false;
  const checksum = CHECK_CHARACTERS.charAt(Number(code.slice(0, 6) + code.slice(7, 10)) % 31);
  return checksum === code.charAt(10);
};
