import type { CatalogEntry } from '../../contract';

import { httpStatusEntry, readyStateEntry } from './define-entry';

const BROWSER_ONLY =
  'Browser-only check: the diagnostics engine never reports it, but customer logs may.';

/**
 * `readyStateChange` ERROR codes raised by the client itself: network and timeout (-1, -2),
 * local preconditions (status -2), and the raw HTTP status 2.x reports.
 */
export const READY_STATE_LOCAL_ENTRIES: readonly CatalogEntry[] = [
  readyStateEntry(-1, {
    name: 'XML_HTTP_REQUEST_ERROR',
    meaning: 'The API request failed at the network level: no usable HTTP answer arrived.',
    causes: [
      'In a browser with status -1: the CORS preflight (`OPTIONS`) failed or the ' +
        'answer lacked `Access-Control-Allow-Origin`, so the page saw no response at all',
      'DNS, a refused or reset connection, or a TLS failure on the way to the auth server',
      'A proxy, firewall or content filter blocked the request',
      '2.x: `fetch` rejected (any network failure ends here)',
    ],
    checks: [
      'In the customer HAR or DevTools console, look ' +
        'for a failed `OPTIONS` request or a CORS message',
      'Run the handshake from this app: the step events (dns, tcp, tls) show which layer failed',
      'Check whether `status` is -1 (nothing arrived) or an HTTP status (an answer arrived)',
    ],
    fixes: [
      'Fix the network path named by the failing step (DNS, firewall, proxy, certificate)',
      'If only the browser fails, register the origin or fix the preflight on a custom auth server',
    ],
    sdkNotes:
      '0.6.x: XHR `onerror` gives `{status: xhr.status || -1, errorCode: ' +
      '-1}`. 2.x: `fetch` rejection gives `{status: -1, errorCode: -1}`.',
  }),
  readyStateEntry(-2, {
    name: 'XML_HTTP_NO_REPONSE_ERROR',
    meaning:
      'The API request got no answer in time, after every retry (0.6.27+: 3 attempts of 4 s).',
    causes: [
      'The auth server or the path to it is slow or drops packets',
      'A proxy or firewall holds the connection open without answering',
      'The customer set a short `apiTimeout`',
    ],
    checks: [
      'Look at the http.retry events and the timings of each attempt',
      'Compare with a run from another network; measure DNS, TCP and TLS times separately',
    ],
    fixes: [
      'Fix or bypass the slow network segment, or raise `apiTimeout`',
      'If the platform itself is slow, send support the UTC times of the attempts',
    ],
    sdkNotes:
      'Only 0.6.27 – 0.9.x time out and retry; 0.5.x and ' +
      '2.x wait for the browser, which reports -1 eventually.',
  }),
  readyStateEntry(1, {
    name: 'NO_SOCKET_IO',
    meaning: 'The socket.io client library is not loaded on the page (status -2).',
    causes: [
      'The socket.io script tag is missing or loads after the SDK',
      'A content blocker or CSP blocked the socket.io script',
    ],
    checks: [
      'Check `typeof io` in the page console',
      'Look for a blocked script in the DevTools network tab',
    ],
    fixes: ['Load socket.io-client 1.x/2.x before the SDK, or use the SDK bundle that includes it'],
    sdkNotes: BROWSER_ONLY,
  }),
  readyStateEntry(2, {
    name: 'NO_XMLHTTPREQUEST_SUPPORT',
    meaning: 'The browser offers no XMLHttpRequest (0.x) or fetch (2.x) (status -2).',
    causes: [
      'A very old browser or an embedded web view without XHR/fetch',
      'A polyfill or script replaced the global with something broken',
    ],
    checks: [
      'Check `typeof XMLHttpRequest` / `typeof fetch` in the page console',
      'Note the user agent',
    ],
    fixes: ['Use a supported browser, or remove the script that overrides the global'],
    sdkNotes: BROWSER_ONLY,
  }),
  readyStateEntry(3, {
    name: 'NO_WEBRTC_SUPPORT',
    meaning: 'The browser has no RTCPeerConnection (status -2).',
    causes: [
      'The browser does not support WebRTC, or it is disabled by policy',
      'The page is not a secure context (plain http), so media APIs are hidden',
    ],
    checks: [
      'Check `typeof RTCPeerConnection` in the page console',
      'Check that the page is served over https or localhost',
    ],
    fixes: ['Serve the page over https and use a WebRTC-capable browser'],
    sdkNotes: BROWSER_ONLY,
  }),
  readyStateEntry(4, {
    name: 'NO_PATH',
    meaning: 'The init options are unusable, e.g. no App Key (status -2).',
    causes: [
      'The `appKey` is missing or empty in `init()` / `new Skylink()`',
      'A configuration file was not loaded, so options are undefined',
    ],
    checks: [
      'Log the options object passed to the SDK',
      'Check the build: environment variables substituted into the config',
    ],
    fixes: ['Pass a non-empty `appKey` (and a room) to the SDK'],
    sdkNotes: BROWSER_ONLY,
  }),
  readyStateEntry(7, {
    name: 'ADAPTER_NO_LOADED',
    meaning: 'AdapterJS, which the SDK needs, is not loaded (status -2).',
    causes: [
      'The AdapterJS script is missing or loaded after the SDK',
      'A bundler removed or renamed the global',
    ],
    checks: ['Check `typeof AdapterJS` in the page console', 'Check the script order on the page'],
    fixes: ['Load AdapterJS first, or use the SDK build that bundles it'],
    sdkNotes: BROWSER_ONLY,
  }),
  readyStateEntry(8, {
    name: 'PARSE_CODECS',
    meaning: 'The browser codec support could not be determined, or no usable codec was found.',
    causes: [
      'The browser blocks or limits `RTCRtpSender.getCapabilities` / offer creation',
      'A privacy extension or enterprise policy disables WebRTC codecs',
    ],
    checks: [
      'Look at when it came: it may arrive after COMPLETED (2.x checks codecs after the API)',
      'Try another browser profile without extensions',
    ],
    fixes: ['Use a browser profile with WebRTC enabled and codecs available'],
    sdkNotes: `${BROWSER_ONLY} 2.x may emit it after COMPLETED, so the API step itself succeeded.`,
  }),
  httpStatusEntry({
    name: 'HTTP_STATUS',
    meaning:
      'The `errorCode` is an HTTP status, not a Skylink ' +
      'constant: the auth server answered non-2xx.',
    causes: [
      '2.x reports every non-2xx answer as `{status: <HTTP>, ' +
        'errorCode: <HTTP>}` and drops the Skylink code from the body',
      '0.6.27+ uses the HTTP status as `errorCode` when the ' +
        'body has no `error` field (an empty body gives 400)',
      'A proxy, CDN or gateway answered instead of the auth server (HTML error page, 502, 503)',
    ],
    checks: [
      'Read the response body: `{success:false, error:<code>, info}` names the real Skylink code',
      'Look at the response headers and body format: an HTML page means something else answered',
      'Typical statuses: 404 unknown key (4001), 403 CORS ' +
        'or locked, 401 credentials, 5xx server or gateway',
    ],
    fixes: [
      'Look up the Skylink code from the body in this catalog and follow its fixes',
      'If a gateway answered, fix the proxy or the custom `roomServer`',
    ],
  }),
];
