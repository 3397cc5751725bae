// The one logger. Secrets are scrubbed from every finished line, so a token inside an error thrown by a
// library (discord.js puts request details in its errors) cannot reach the log either.
import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LogSink {
  write(line: string): void;
}

export interface LoggerOptions {
  level?: string;
  /** Strings that must never appear in a log line (the bot token). */
  secrets?: string[];
  /** Where lines go; stdout by default. Tests pass a sink to read what was logged. */
  sink?: LogSink;
}

const REDACTED = '[redacted]';

/** Replaces each secret (and an Authorization header carrying one) in a finished log line. */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let clean = line;
  for (const secret of secrets) {
    if (secret.length >= 8) clean = clean.split(secret).join(REDACTED);
  }
  return clean.replace(/\b(Bot|Bearer) [A-Za-z0-9._-]{20,}/g, `$1 ${REDACTED}`);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
  const sink = options.sink ?? process.stdout;
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: REDACTED },
    },
    { write: (line: string) => sink.write(scrubSecrets(line, secrets)) },
  );
}
