import { build } from 'esbuild';
import { join } from 'node:path';
import { repoRoot } from '../../e2e/support/paths';
import type { ProbeResult } from './page-probe';

let source: Promise<string> | null = null;

/** `page-probe.ts` as one script that defines `__termlightProbe` where it is evaluated. */
function probeSource(): Promise<string> {
  source ??= build({
    entryPoints: [join(repoRoot, 'test/tools/corpus/page-probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__termlightProbe',
    target: 'es2022',
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]?.text ?? '');
  return source;
}

/**
 * An expression that runs one probe function in the page and yields its result. Wrapped in a
 * function, so the page gets no new global; evaluated by the driver, so no page CSP applies.
 */
async function expression(call: string): Promise<string> {
  return `(() => { ${await probeSource()}; return __termlightProbe.${call}; })()`;
}

export interface Evaluator {
  evaluate<R>(expression: string): Promise<R>;
}

export async function runProbe(page: Evaluator, skipCode: boolean, layoutSample = 400): Promise<ProbeResult> {
  return page.evaluate(await expression(`probe(${JSON.stringify({ skipCode, layoutSample })})`));
}
