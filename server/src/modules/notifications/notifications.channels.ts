// Channels outside the app behind one interface: e-mail over SMTP (nodemailer) and a webhook for SMS / WeCom /
// DingTalk gateways (JSON POST, retried with backoff). The in-app inbox is not a channel here: every notice is
// in it. Recipients are written to logs and the delivery log masked.
import nodemailer from 'nodemailer';
import type { NotifyConfig } from '../../platform/config';

export interface Recipient {
  userId: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

export interface OutboundMessage {
  subject: string;
  text: string;
  /** Absolute or app-relative link to the record(s). */
  link: string | null;
}

export interface Channel {
  name: 'email' | 'webhook';
  /** Whether this recipient can be reached on the channel at all (an address, a phone). */
  reaches(to: Recipient): boolean;
  /** The recipient as the delivery log shows it. */
  maskedAddress(to: Recipient): string;
  /** Sends, retrying as the channel sees fit; resolves with the attempts made, throws when it gave up. */
  send(to: Recipient, m: OutboundMessage): Promise<number>;
}

/** 13812345678 → 138****5678 (the usual Chinese masking of a mobile number). */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\s+/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

export function emailChannel(cfg: NotifyConfig['smtp']): Channel | null {
  if (!cfg.host) return null;
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.password ?? '' } : undefined,
    // Intranet relays often offer STARTTLS with a private certificate; the deployment decides with SMTP_SECURE.
    tls: { rejectUnauthorized: cfg.secure },
  });
  return {
    name: 'email',
    reaches: (to) => !!to.email,
    maskedAddress: (to) => (to.email ? maskEmail(to.email) : ''),
    async send(to, m) {
      await transport.sendMail({
        from: cfg.from,
        to: to.email!,
        subject: m.subject,
        text: m.link ? `${m.text}\n\n${m.link}` : m.text,
      });
      return 1;
    },
  };
}

export function webhookChannel(
  cfg: NotifyConfig['webhook'],
  sleep = (ms: number) => new Promise((r) => setTimeout(r, ms)),
): Channel | null {
  if (!cfg.url) return null;
  const url = cfg.url;
  return {
    name: 'webhook',
    reaches: (to) => !!to.phone,
    maskedAddress: (to) => (to.phone ? maskPhone(to.phone) : ''),
    async send(to, m) {
      let lastError: unknown = null;
      for (let attempt = 1; attempt <= cfg.retries; attempt++) {
        try {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ phone: to.phone, title: m.subject, text: m.text, link: m.link }),
            signal: AbortSignal.timeout(cfg.timeoutMs),
          });
          if (res.ok) return attempt;
          lastError = new Error(`HTTP ${res.status}`);
        } catch (e) {
          lastError = e;
        }
        if (attempt < cfg.retries) await sleep(200 * 2 ** (attempt - 1));
      }
      throw Object.assign(lastError instanceof Error ? lastError : new Error(String(lastError)), { attempts: cfg.retries });
    },
  };
}

export function channelsFrom(cfg: NotifyConfig): Channel[] {
  return [emailChannel(cfg.smtp), webhookChannel(cfg.webhook)].filter((c): c is Channel => c !== null);
}
