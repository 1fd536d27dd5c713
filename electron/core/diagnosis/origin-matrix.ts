import type { TimelineEvent } from '../../contract';
import type { Clock } from '../clock';
import { DiagnosticError } from '../diagnostic-error';
import { Redactor } from '../redactor';
import { runHandshake } from '../run-engine';
import type { RunPlan } from '../run-plan';

import { RunLog } from './run-log';

/** One origin to try; `origin: null` sends no Origin header at all. */
export interface OriginVariant {
  origin: string | null;
  label: string;
}

/** What the auth server said to one origin. */
export interface OriginMatrixRow extends OriginVariant {
  /** The API answered COMPLETED: the key accepts this origin. */
  accepted: boolean;
  /** The Skylink code of a refusal (4003, 4004, …), from the body when 2.x hides it. */
  errorCode: number | null;
  httpStatus: number | null;
  /** The engine's error when no answer came (DNS, refused, timeout…). */
  engineError: string | null;
  /** The run's events (redacted), for evidence and export. */
  events: TimelineEvent[];
}

/** What the matrix means. */
export type OriginMatrixConclusion =
  'registered' | 'registered-elsewhere' | 'not-registered' | 'inconclusive';

/** The matrix and its reading. */
export interface OriginMatrixResult {
  rows: OriginMatrixRow[];
  /** The first row: the customer's own origin. */
  customer: OriginMatrixRow;
  conclusion: OriginMatrixConclusion;
  /** One sentence for the support engineer. */
  verdict: string;
  acceptedOrigins: string[];
}

function swapWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : `www.${host}`;
}

/**
 * The origins a customer's page could really be sending, next to the one they think it
 * sends (always first): the other scheme, `www.` added or removed, an explicit port, a
 * trailing slash, the `null` of a sandboxed iframe or `file://` page, `file://`, and no
 * Origin at all.
 */
export function originVariants(origin: string): OriginVariant[] {
  let url: URL;
  try {
    url = new URL(origin.trim());
  } catch {
    throw DiagnosticError.invalidInput(
      'origin',
      'to be an origin such as https://app.example.com',
      origin,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw DiagnosticError.invalidInput('origin', 'to start with http:// or https://', origin);
  }

  const scheme = url.protocol;
  const other = scheme === 'https:' ? 'http:' : 'https:';
  const host = url.hostname;
  const port = url.port === '' ? '' : `:${url.port}`;
  const customer = `${scheme}//${host}${port}`;
  const isIp = /^[\d.]+$/.test(host) || host.includes(':') || !host.includes('.');
  const variants: OriginVariant[] = [
    { origin: customer, label: "customer's origin" },
    {
      origin: `${other}//${host}${port}`,
      label: `${other.slice(0, -1)} instead of ${scheme.slice(0, -1)}`,
    },
  ];
  if (!isIp) {
    const swapped = swapWww(host);
    const name = host.startsWith('www.') ? 'apex (no www.)' : 'with www.';
    variants.push({ origin: `${scheme}//${swapped}${port}`, label: name });
    variants.push({
      origin: `${other}//${swapped}${port}`,
      label: `${name}, ${other.slice(0, -1)}`,
    });
  }
  variants.push(
    port === ''
      ? { origin: `${scheme}//${host}:${scheme === 'https:' ? 8443 : 8080}`, label: 'with a port' }
      : { origin: `${scheme}//${host}`, label: 'without the port' },
    { origin: `${customer}/`, label: 'trailing slash' },
    { origin: 'null', label: '`null` (sandboxed iframe, some file:// pages)' },
    { origin: 'file://', label: 'file:// (Electron, Cordova)' },
    { origin: null, label: 'no Origin header' },
  );

  const seen = new Set<string | null>();

  return variants.filter((variant) => {
    if (seen.has(variant.origin)) return false;
    seen.add(variant.origin);

    return true;
  });
}

async function runVariant(
  plan: RunPlan,
  variant: OriginVariant,
  clock: Clock | undefined,
): Promise<OriginMatrixRow> {
  const events: TimelineEvent[] = [];
  const corsPlan: RunPlan = {
    ...plan,
    authMode: 'cors',
    origin: variant.origin,
    startDateTime: null,
    duration: null,
    credentials: null,
    credentialsSource: null,
  };
  const result = await runHandshake(corsPlan, {
    sink: (event) => events.push(event),
    redactor: new Redactor(),
    stopAfter: 'api',
    ...(clock === undefined ? {} : { clock }),
  });
  const log = new RunLog(events);
  const accepted = log.all('readyStateChange').some((event) => event.state === 2);
  const failure = log.apiFailure();

  return {
    ...variant,
    accepted,
    errorCode: accepted ? null : (failure?.code ?? failure?.readyState?.error?.errorCode ?? null),
    httpStatus: log.apiResponse?.status ?? null,
    engineError: result.error === null || accepted ? null : result.error.code,
    events,
  };
}

function conclude(
  rows: OriginMatrixRow[],
  customer: OriginMatrixRow,
): Pick<OriginMatrixResult, 'conclusion' | 'verdict' | 'acceptedOrigins'> {
  const acceptedOrigins = rows.filter((row) => row.accepted).map((row) => String(row.origin));
  const withOrigin = rows.filter((row) => row.origin !== null);
  const refusesAll =
    withOrigin.length > 0 &&
    withOrigin.every((row) => row.errorCode === 4003 || row.errorCode === 4004);
  if (customer.accepted) {
    return {
      conclusion: 'registered',
      verdict:
        `The key accepts \`${String(customer.origin)}\`: the domain is registered; if the ` +
        `customer still gets 4003, their page sends another Origin (check it in their HAR)`,
      acceptedOrigins,
    };
  }
  if (acceptedOrigins.length > 0) {
    return {
      conclusion: 'registered-elsewhere',
      verdict:
        `Registered, but the page runs on another origin: the key ` +
        `accepts ${acceptedOrigins.map((o) => `\`${o}\``).join(', ')} and refuses ` +
        `\`${String(customer.origin)}\` ` +
        `(${String(customer.errorCode ?? customer.engineError)})`,
      acceptedOrigins,
    };
  }
  if (refusesAll) {
    return {
      conclusion: 'not-registered',
      verdict:
        `Domain not registered: the key refuses every variant of ` +
        `\`${String(customer.origin)}\` (4003/4004); ` +
        `add the host to the key's CORS url list or use credentials`,
      acceptedOrigins,
    };
  }

  const codes = [...new Set(rows.map((row) => String(row.errorCode ?? row.engineError)))];
  return {
    conclusion: 'inconclusive',
    verdict:
      `Inconclusive: the refusals are not about the origin ` +
      `(${codes.join(', ')}); fix that first`,
    acceptedOrigins,
  };
}

/**
 * Runs the API request once per origin (CORS mode, stopping after the API answer, each with
 * its own redactor), one after another so no rate limit is hit, and reads the result: which
 * origins the key accepts. The first variant is taken as the customer's origin.
 */
// Known limit: the matrix proves what the server accepts from Node, not what the customer's
// browser sends; and the variants run one after another, so it takes N API round trips.
export async function runOriginMatrix(options: {
  plan: RunPlan;
  variants: readonly OriginVariant[];
  clock?: Clock;
}): Promise<OriginMatrixResult> {
  const rows: OriginMatrixRow[] = [];
  for (const variant of options.variants) {
    rows.push(await runVariant(options.plan, variant, options.clock));
  }
  const customer = rows[0];
  if (customer === undefined) {
    throw DiagnosticError.invalidInput('variants', 'to hold at least one origin', []);
  }

  return { rows, customer, ...conclude(rows, customer) };
}
