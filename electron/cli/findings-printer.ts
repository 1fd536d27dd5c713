import type { Finding } from '../contract';

import { paint, printLine, type CliIo } from './output';

/** Prints the diagnosis: each verdict, its next step and the events it rests on. */
export function printFindings(io: CliIo, findings: readonly Finding[]): void {
  printLine(io, paint(io, 'bold', 'Diagnosis:'));
  if (findings.length === 0) printLine(io, '  no findings');
  for (const finding of findings) {
    const colour =
      finding.severity === 'error' ? 'red' : finding.severity === 'warn' ? 'yellow' : 'cyan';
    printLine(io, `  ${paint(io, colour, finding.severity.padEnd(5))} ${finding.verdict}`);
    printLine(io, `        Next: ${finding.nextStep}`);
    if (finding.evidence.length > 0) {
      const seqs = finding.evidence.map((seq) => `#${seq}`).join(' ');
      printLine(io, paint(io, 'grey', `        evidence: ${seqs}`));
    }
  }
}
