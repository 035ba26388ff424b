import nodemailer, { type Transporter } from "nodemailer";
import type { EmailConfig } from "../env.js";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const transports = new WeakMap<EmailConfig, Transporter>();

/** One pooled transport per configuration; plain text only, so no HTML can smuggle content in. */
function transportOf(config: EmailConfig): Transporter {
  const known = transports.get(config);
  if (known) return known;
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    // A remote relay must speak TLS; a relay on this host (a local MTA, the tests) may not.
    requireTLS: !config.secure && !LOOPBACK.has(config.host),
    ...(config.user ? { auth: { user: config.user, pass: config.password ?? "" } } : {}),
  });
  transports.set(config, transport);
  return transport;
}

export async function sendMail(config: EmailConfig, mail: OutgoingMail): Promise<void> {
  await transportOf(config).sendMail({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
  });
}
