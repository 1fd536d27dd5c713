import type { CatalogEntry } from '../../contract';

import { readyStateEntry } from './define-entry';

const OLD_SDK =
  'Defined by 0.5.0 – 0.6.4 only; ' + 'seeing it means the customer runs a very old SDK.';

/** `readyStateChange` ERROR codes that older SDKs defined and later removed. */
export const READY_STATE_LEGACY_ENTRIES: readonly CatalogEntry[] = [
  readyStateEntry(5, {
    name: 'INVALID_XMLHTTPREQUEST_STATUS',
    meaning: 'The API answered with an HTTP status other than 200 (old SDKs only).',
    causes: [
      'The auth server rejected the request; the real reason is in the body `info`',
      'A proxy or gateway answered with an error page',
    ],
    checks: [
      'Read the HTTP status and the response body',
      'Map the body `error` to its 4xxx entry in this catalog',
    ],
    fixes: ['Fix the cause the body names; upgrade the SDK to get the precise code'],
    legacy: true,
    sdkNotes: `${OLD_SDK} After 0.6.5 the constant became undefined.`,
  }),
  readyStateEntry(6, {
    name: 'SCRIPT_ERROR',
    meaning: 'A script the SDK depends on failed to load or threw (old SDKs only).',
    causes: [
      'A dependency script (socket.io, AdapterJS) is missing or failed',
      'A page script threw inside an SDK callback',
    ],
    checks: ['Look at the browser console for script errors', 'Check the script load order'],
    fixes: ['Load the dependencies before the SDK; upgrade the SDK'],
    legacy: true,
    sdkNotes: OLD_SDK,
  }),
  readyStateEntry(4007, {
    name: 'API_NOT_ENOUGH_CREDIT',
    meaning: 'The account had no credit left (old billing model).',
    causes: [
      'The account balance ran out',
      'The account is on a billing model that no longer exists',
    ],
    checks: ['Check the account billing page', 'Check the SDK version the customer runs'],
    fixes: ['Top up or change the plan; upgrade the SDK'],
    legacy: true,
    sdkNotes: OLD_SDK,
  }),
  readyStateEntry(4008, {
    name: 'API_NOT_ENOUGH_PREPAID_CREDIT',
    meaning: 'The prepaid credit was used up (old billing model).',
    causes: ['Prepaid credit exhausted', 'A prepaid plan expired'],
    checks: ['Check the prepaid balance in the console', 'Check the SDK version'],
    fixes: ['Buy credit or move to a current plan; upgrade the SDK'],
    legacy: true,
    sdkNotes: OLD_SDK,
  }),
  readyStateEntry(4009, {
    name: 'API_FAILED_FINDING_PREPAID_CREDIT',
    meaning: 'The platform could not find a prepaid credit record for the key (old billing).',
    causes: ['The key has no prepaid record', 'A billing record was removed during a migration'],
    checks: ['Check the billing setup of the key', 'Check the SDK version'],
    fixes: ['Ask Temasys support to fix the billing record; upgrade the SDK'],
    legacy: true,
    sdkNotes: OLD_SDK,
  }),
  readyStateEntry(5001, {
    name: 'ROOM_LOCKED',
    meaning: 'The room is locked (before 0.5.2 this was a ready-state error).',
    causes: [
      'A participant locked the room (`lockRoom`)',
      'An application flow locks rooms after a start and never unlocks them',
    ],
    checks: [
      'Ask who is in the room and whether it was locked',
      'Newer SDKs report this as `systemAction` reject `locked`',
    ],
    fixes: ['Unlock the room from inside it (`unlockRoom`), or join another room'],
    legacy: true,
    sdkNotes: 'Deprecated in 0.5.2; current SDKs report a locked room as `systemAction` `locked`.',
  }),
];
