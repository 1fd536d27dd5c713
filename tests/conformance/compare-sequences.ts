import { describeEvent, differingFields, type ConformanceEvent } from './conformance-event';

/** One way the engine's sequence departs from the SDK's. */
export type SequenceDifference =
  /** The SDK fired it; the engine has nothing in its place. */
  | { type: 'missing'; sdkIndex: number; sdk: ConformanceEvent }
  /** The engine fired it; the SDK has nothing in its place. */
  | { type: 'extra'; engineIndex: number; engine: ConformanceEvent }
  /** Same place, same kind, other values (`fields` names them). */
  | {
      type: 'changed';
      sdkIndex: number;
      engineIndex: number;
      sdk: ConformanceEvent;
      engine: ConformanceEvent;
      fields: string[];
    };

/** The verdict on two sequences. */
export interface SequenceComparison {
  agree: boolean;
  differences: SequenceDifference[];
}

function sameEvent(a: ConformanceEvent, b: ConformanceEvent): boolean {
  return differingFields(a, b).length === 0;
}

type Step =
  { op: 'same'; i: number; j: number } | { op: 'sdk'; i: number } | { op: 'engine'; j: number };

/** A shortest edit script by longest common subsequence; sequences here are a few dozen long. */
function editScript(sdk: ConformanceEvent[], engine: ConformanceEvent[]): Step[] {
  const rows = sdk.length + 1;
  const cols = engine.length + 1;
  const lcs: number[] = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => lcs[i * cols + j] ?? 0;
  for (let i = sdk.length - 1; i >= 0; i -= 1) {
    for (let j = engine.length - 1; j >= 0; j -= 1) {
      lcs[i * cols + j] = sameEvent(sdk[i]!, engine[j]!)
        ? at(i + 1, j + 1) + 1
        : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }

  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < sdk.length || j < engine.length) {
    if (i < sdk.length && j < engine.length && sameEvent(sdk[i]!, engine[j]!)) {
      steps.push({ op: 'same', i, j });
      i += 1;
      j += 1;
    } else if (j >= engine.length || (i < sdk.length && at(i + 1, j) >= at(i, j + 1))) {
      steps.push({ op: 'sdk', i });
      i += 1;
    } else {
      steps.push({ op: 'engine', j });
      j += 1;
    }
  }

  return steps;
}

/**
 * Compares the engine's events with the SDK's, in order. Unmatched events are paired up when
 * an SDK event and an engine event of the same kind sit in the same gap between matches, so
 * `ERROR errorCode=4001` against `ERROR errorCode=404` reads as one changed field, not as one
 * missing and one extra event.
 */
export function compareSequences(
  sdk: readonly ConformanceEvent[],
  engine: readonly ConformanceEvent[],
): SequenceComparison {
  const steps = editScript([...sdk], [...engine]);
  const differences: SequenceDifference[] = [];
  let gapSdk: number[] = [];
  let gapEngine: number[] = [];

  const flushGap = (): void => {
    const engineLeft = [...gapEngine];
    for (const i of gapSdk) {
      const sdkEvent = sdk[i]!;
      const partner = engineLeft.findIndex((j) => engine[j]!.kind === sdkEvent.kind);
      if (partner === -1) {
        differences.push({ type: 'missing', sdkIndex: i, sdk: sdkEvent });
        continue;
      }
      const [j] = engineLeft.splice(partner, 1) as [number];
      const engineEvent = engine[j]!;
      differences.push({
        type: 'changed',
        sdkIndex: i,
        engineIndex: j,
        sdk: sdkEvent,
        engine: engineEvent,
        fields: differingFields(sdkEvent, engineEvent),
      });
    }
    for (const j of engineLeft)
      differences.push({ type: 'extra', engineIndex: j, engine: engine[j]! });
    gapSdk = [];
    gapEngine = [];
  };

  for (const step of steps) {
    if (step.op === 'same') {
      flushGap();
    } else if (step.op === 'sdk') {
      gapSdk.push(step.i);
    } else {
      gapEngine.push(step.j);
    }
  }
  flushGap();

  return { agree: differences.length === 0, differences };
}

/** One line per difference, for reports and assertion messages. */
export function describeDifference(difference: SequenceDifference): string {
  switch (difference.type) {
    case 'missing':
      return `SDK #${difference.sdkIndex + 1} ${describeEvent(difference.sdk)}: engine has none`;
    case 'extra':
      return (
        `engine #${difference.engineIndex + 1} ${describeEvent(difference.engine)}: ` +
        `SDK has none`
      );
    case 'changed':
      return (
        `SDK #${difference.sdkIndex + 1} ${describeEvent(difference.sdk)} vs engine ` +
        `#${difference.engineIndex + 1} ${describeEvent(difference.engine)} ` +
        `(${difference.fields.join(', ')})`
      );
  }
}
