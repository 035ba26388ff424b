export interface DemoLogin {
  role: string;
  username: string;
  password: string;
  /** Base32 TOTP secret, for roles that must use a second factor. */
  totpSecret?: string;
}

const LOGIN_LINE = /^\s+([a-z_]+)\s+(\S+)\s+"([^"]+)"/;
const TOTP_LINE = /^\s+TOTP secret ([A-Z2-7=]+)\s*$/;

/** Reads the demo-mode start banner ("Demo logins: role username "password" …, TOTP secret …"). */
export function parseDemoLogins(output: string): DemoLogin[] {
  const logins: DemoLogin[] = [];
  for (const line of output.split("\n")) {
    const login = LOGIN_LINE.exec(line);
    if (login) {
      logins.push({ role: login[1] ?? "", username: login[2] ?? "", password: login[3] ?? "" });
      continue;
    }
    const totp = TOTP_LINE.exec(line);
    const last = logins.at(-1);
    if (totp && last) last.totpSecret = totp[1];
  }
  return logins;
}
