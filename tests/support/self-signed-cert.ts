import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A key and certificate written to a folder, as paths and as bytes. */
export interface SelfSignedCert {
  keyFile: string;
  certFile: string;
  key: Buffer;
  cert: Buffer;
}

/** Options of {@link makeSelfSignedCert}. */
export interface SelfSignedCertOptions {
  /** The certificate's subject; `/CN=127.0.0.1` unless given. */
  subject?: string;
  /** A subjectAltName; `IP:127.0.0.1` unless given, none with `null`. */
  altName?: string | null;
}

/**
 * Makes a one-day self-signed certificate with `openssl` in `dir` (`key.pem`, `cert.pem`),
 * fresh for each test file so no private key lives in the repository.
 */
export function makeSelfSignedCert(
  dir: string,
  options: SelfSignedCertOptions = {},
): SelfSignedCert {
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const altName = options.altName === undefined ? 'IP:127.0.0.1' : options.altName;
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1']
      .concat(['-subj', options.subject ?? '/CN=127.0.0.1'])
      .concat(altName === null ? [] : ['-addext', `subjectAltName=${altName}`])
      .concat(['-keyout', keyFile, '-out', certFile]),
    { stdio: 'ignore' },
  );

  return { keyFile, certFile, key: readFileSync(keyFile), cert: readFileSync(certFile) };
}
