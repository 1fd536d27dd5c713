import type { CatalogEntry } from '../../contract';

import { engineEntry } from './define-entry';

const SDK_MINUS_ONE = 'The SDK reports this as readyStateChange ERROR -1 (status -1).';

/** Engine codes for the way to the auth server: DNS, TCP, TLS, HTTP, proxy. */
export const ENGINE_NETWORK_ENTRIES: readonly CatalogEntry[] = [
  engineEntry('dns.failed', {
    name: 'DNS lookup failed',
    meaning: 'The host name of the auth or signalling server did not resolve.',
    causes: [
      'A typo in the server URL or in a custom `roomServer`',
      'The local or corporate DNS resolver is down or filters the domain',
      'A split-horizon or VPN DNS that does not know public names',
    ],
    checks: [
      'Read the host in the dns event and compare it with the intended server',
      'Resolve the same name with another resolver from the same machine',
    ],
    fixes: ['Correct the host name, or fix or bypass the resolver that filters it'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('tcp.refused', {
    name: 'Connection refused',
    meaning: 'The host answered, but nothing accepts connections on that port.',
    causes: [
      'The wrong port in the server URL (e.g. http on 443, https on 80)',
      'The server or a local sandbox is not running',
      'A firewall actively rejects the port',
    ],
    checks: [
      'Read the address and port in the tcp or step.failed event',
      'Try the same host on the other scheme and port',
    ],
    fixes: ['Use the right scheme and port, or start the server'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('tcp.reset', {
    name: 'Connection reset',
    meaning: 'The connection was closed abruptly (TCP RST) before an answer came.',
    causes: [
      'A firewall, IDS or proxy cut the connection (often after seeing the TLS SNI)',
      'The server crashed or dropped the connection under load',
      'A TLS version or cipher mismatch, answered with a reset by a middlebox',
    ],
    checks: [
      'When did it happen: right after connect (filtering) or after the request (server)',
      'Repeat the run: a steady reset means a policy, an intermittent one a server problem',
    ],
    fixes: ['Get the host allowed on the firewall or proxy; retry if it is intermittent'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('tcp.timeout', {
    name: 'Connection timed out',
    meaning: 'No TCP connection could be set up in time: packets are silently dropped.',
    causes: [
      'A firewall drops the packets (no reject), typical of blocked ports',
      'The address resolved to an unreachable network (IPv6 without a route)',
      'The host is down',
    ],
    checks: [
      'Read the address family in the dns event (IPv4 or IPv6)',
      'Compare with a connection to another port of the same host',
    ],
    fixes: ['Open the port outbound, or fix the routing / IPv6 setup'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('tls.failed', {
    name: 'TLS handshake failed',
    meaning: 'The TLS handshake did not complete.',
    causes: [
      'Plain http spoken to an https port, or https to a plain port',
      'A proxy or middlebox that breaks TLS (protocol version, cipher, SNI)',
      'The server certificate is invalid for the name',
    ],
    checks: [
      'Compare the scheme of the URL with the port',
      'Read the tls event: protocol, cipher, authorization error',
    ],
    fixes: ['Use the right scheme; have the middlebox pass the host untouched'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('tls.untrusted', {
    name: 'Untrusted certificate',
    meaning:
      'The server certificate is not trusted: self-signed, unknown issuer, expired or wrong name.',
    causes: [
      'A corporate TLS-inspection proxy re-signs traffic with its own CA',
      'The machine lacks a root or intermediate CA',
      'The certificate expired or does not cover the host name',
    ],
    checks: [
      'Read the issuer of the tls event: a company name instead of a public CA means interception',
      'Compare validFrom/validTo with the current date; compare subjectAltName with the host',
    ],
    fixes: [
      'Exempt the Temasys hosts from TLS inspection, or add the corporate CA (`caFile`)',
      'Renew the certificate of a custom server',
    ],
    sdkNotes: `${SDK_MINUS_ONE} A browser shows a certificate error in its console.`,
  }),
  engineEntry('http.timeout', {
    name: 'HTTP timeout',
    meaning: 'The auth server did not answer an attempt within the per-attempt timeout.',
    causes: [
      'A slow network path or a proxy holding the request',
      'The auth server is overloaded',
      'A very short `apiTimeout`',
    ],
    checks: [
      'Look at the http.retry events and the phase timings (DNS, TCP, TLS, TTFB)',
      'Repeat the run to see whether it is steady or intermittent',
    ],
    fixes: ['Fix the slow segment or raise `apiTimeoutMs`'],
    sdkNotes: '0.6.27+ gives up after 3 attempts with readyStateChange ERROR -2.',
  }),
  engineEntry('http.status', {
    name: 'Unexpected HTTP status',
    meaning: 'The server answered with a status the API does not use for this request.',
    causes: [
      'A proxy, CDN or gateway answered (502, 503, 407)',
      'The server URL points at another service',
    ],
    checks: [
      'Read the response headers and body in the http.response event',
      'Check the `Server` header and content type',
    ],
    fixes: ['Point the server URL at the Skylink auth server; fix the gateway'],
    sdkNotes:
      '2.x reports the status as `errorCode`; 0.6.x as `status` with `errorCode` from the body.',
  }),
  engineEntry('http.malformed', {
    name: 'Malformed response',
    meaning: 'The answer was not the JSON the SDK expects, or a required field was missing.',
    causes: [
      'An HTML error or login page from a proxy or captive portal',
      'A custom or mock server with a wrong body (e.g. constraints not JSON-encoded strings)',
      'A truncated body',
    ],
    checks: [
      'Read the body in the http.response event',
      'Check `pc_constraints`/`offer_constraints`: they must be JSON-encoded strings',
    ],
    fixes: ['Bypass the captive portal or proxy; fix the custom server body'],
    sdkNotes: '0.6.x reports an unusable 200 answer as status 200 with `errorCode` from the body.',
  }),
  engineEntry('http.too-large', {
    name: 'Response too large',
    meaning: 'The answer exceeded the engine body cap and was cut.',
    causes: [
      'Something other than the auth server answered (a web page, a file)',
      'A misbehaving custom server streaming data',
    ],
    checks: ['Look at the start of the body and the content type', 'Check the server URL'],
    fixes: ['Point the server URL at the Skylink auth server'],
  }),
  engineEntry('http.redirect', {
    name: 'HTTP redirect',
    meaning: 'The server answered with a redirect; the SDK does not expect one on the API call.',
    causes: [
      'http was used where the server forces https',
      'A proxy or portal redirects to a login page',
      'A custom server moved',
    ],
    checks: ['Read the `Location` header in the http.response event', 'Compare schemes and hosts'],
    fixes: ['Use the final URL (usually the https one) as the server'],
    sdkNotes:
      'Browsers follow redirects on XHR/fetch, but a cross-origin redirect breaks CORS (-1).',
  }),
  engineEntry('proxy.failed', {
    name: 'Proxy failed',
    meaning: 'The HTTP proxy refused or failed the connection (CONNECT).',
    causes: [
      'The proxy needs authentication (407)',
      'The proxy does not allow the target host or port',
      'The proxy URL is wrong or the proxy is down',
    ],
    checks: [
      'Read the proxy status in the step.failed detail',
      'Compare with a run without the proxy, if the network allows it',
    ],
    fixes: ['Allow the Temasys hosts and ports on the proxy, or give it credentials'],
    sdkNotes: SDK_MINUS_ONE,
  }),
  engineEntry('api.rejected', {
    name: 'API rejected the request',
    meaning: 'The auth server answered with `success:false` and a Skylink error code.',
    causes: [
      'The key, origin or credentials were refused: see the readyState entry of the code',
      'A platform-side failure (4021)',
    ],
    checks: [
      'Read the `error` and `info` fields of the response body',
      'Look up the code in this catalog (`skylink-diag codes <code>`)',
    ],
    fixes: ['Follow the fixes of the Skylink code the body names'],
    sdkNotes: '2.x drops the body code and reports only the HTTP status.',
  }),
];
