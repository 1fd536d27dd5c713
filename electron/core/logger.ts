/**
 * The one logger interface: five levels, a scope per file, data in a context object.
 * Sinks decide where lines go (console in development, JSON lines in the app's log folder).
 */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** One structured log line. */
export interface LogRecord {
  at: string;
  level: LogLevel;
  scope: string;
  message: string;
  context: Record<string, unknown>;
}

/** Where log records go. */
export type LogSink = (record: LogRecord) => void;

/** A scoped logger. */
export interface Logger {
  trace(message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

const LEVEL_RANK: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4 };
const SENSITIVE_KEY = /secret|cred|token|authorization|cookie|password/i;

let minimumLevel: LogLevel = readDefaultLevel();
let sinks: LogSink[] = [consoleSink];
let contextProvider: () => Record<string, unknown> = () => ({});

function readDefaultLevel(): LogLevel {
  const fromEnv = process.env.DIAG_LOG_LEVEL;
  if (fromEnv !== undefined && fromEnv in LEVEL_RANK) return fromEnv as LogLevel;

  return process.env.VITEST !== undefined && process.env.DIAG_VERBOSE_TESTS !== '1'
    ? 'error'
    : 'warn';
}

function consoleSink(record: LogRecord): void {
  // The logger is the one module allowed to print; everything else logs through it.
  // eslint-disable-next-line no-console
  console.error(`${record.at} ${record.level} ${record.scope}: ${record.message}`, record.context);
}

/** Replaces values under sensitive-looking keys and query strings of URLs, recursively. */
export function scrubLogContext(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string')
    return value.replace(/([?&](cred|token)=)[^&\s]*/gi, '$1[REDACTED]');
  if (Array.isArray(value)) return value.map((item) => scrubLogContext(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value === null || typeof value !== 'object') return value;

  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SENSITIVE_KEY.test(key) ? '[REDACTED]' : scrubLogContext(item, depth + 1);
  }

  return out;
}

/** Sets where log lines go and from which level. */
export function configureLogging(options: {
  level?: LogLevel;
  sinks?: LogSink[];
  context?: () => Record<string, unknown>;
}): void {
  if (options.level !== undefined) minimumLevel = options.level;
  if (options.sinks !== undefined) sinks = options.sinks;
  if (options.context !== undefined) contextProvider = options.context;
}

/** Creates a logger for one scope, such as `diag:http`. */
export function createLogger(scope: string): Logger {
  const write = (level: LogLevel, message: string, context?: Record<string, unknown>): void => {
    if (LEVEL_RANK[level] < LEVEL_RANK[minimumLevel]) return;

    const merged = scrubLogContext({ ...contextProvider(), ...context }) as Record<string, unknown>;
    const record: LogRecord = {
      at: new Date().toISOString(),
      level,
      scope,
      message,
      context: merged,
    };
    for (const sink of sinks) sink(record);
  };

  return {
    trace: (message, context) => write('trace', message, context),
    debug: (message, context) => write('debug', message, context),
    info: (message, context) => write('info', message, context),
    warn: (message, context) => write('warn', message, context),
    error: (message, context) => write('error', message, context),
  };
}
