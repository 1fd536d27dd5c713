/** Where an export was written: the core runs in Node, inside Electron or the CLI. */
export function platformInfo(): { os: string; arch: string; runtime: string } {
  // Typed as always present once Electron's types load; in the CLI it is absent.
  const electron = (process.versions as Record<string, string | undefined>).electron;
  const runtime =
    electron === undefined
      ? `node ${process.versions.node}`
      : `electron ${electron} (node ${process.versions.node})`;

  return { os: process.platform, arch: process.arch, runtime };
}
