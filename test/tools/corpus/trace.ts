import type { CDPSession } from 'playwright-core';

/*
 * Termlight's share of the main thread, from a Chromium performance trace. The content script
 * runs in an isolated world, out of the page's reach, so its own `stats()` cannot be read; the
 * trace sees every world. Two kinds of event are used:
 * - the `toplevel` slices: the outermost one at any moment is the task a thread is running,
 *   with its wall time (`dur`) and its CPU time (`tdur`). Not all of them are called RunTask
 *   (a script injection runs in a message handler's slice), so names are not relied on;
 * - the JavaScript sampler's `ProfileChunk`s: every ~0.1 ms, the stack being run.
 * Termlight's time in a task is the time of the samples whose stack holds a frame of its
 * content script, scaled from wall to CPU time by the task's own ratio: on a busy two-core
 * machine the thread can sit descheduled mid-task, and that wait is not Termlight's work.
 */

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: { data?: Record<string, unknown>; name?: string };
}

export interface ScriptTime {
  /** The longest time Termlight's code ran within one task, in ms of CPU time. */
  longestTaskMs: number;
  /** All of Termlight's time, in ms of CPU time. */
  totalMs: number;
  /** Tasks in which Termlight's code ran. */
  tasks: number;
}

// The timeline category names tasks too, but brings ten times as many other events.
const CATEGORIES = ['toplevel', 'disabled-by-default-v8.cpu_profiler'];

export function traceSession(open: () => Promise<CDPSession>) {
  let session: CDPSession | null = null;
  let events: TraceEvent[] = [];
  return {
    async start(): Promise<void> {
      session = await open();
      events = [];
      session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      await session.send('Tracing.start', {
        traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
        transferMode: 'ReportEvents',
      });
    },
    async stop(): Promise<TraceEvent[]> {
      if (!session) return [];
      const s = session;
      const complete = new Promise((ok) => s.once('Tracing.tracingComplete', ok));
      await s.send('Tracing.end');
      await complete;
      await s.detach().catch(() => undefined);
      session = null;
      return events;
    },
  };
}

interface CpuNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

interface Profile {
  thread: string;
  time: number;
  nodes: Map<number, CpuNode>;
  samples: Array<[time: number, node: number]>;
  ours: Map<number, boolean>;
}

function readProfiles(events: readonly TraceEvent[]): Profile[] {
  const profiles = new Map<string, Profile>();
  for (const e of events) {
    if (e.name !== 'Profile') continue;
    const start = (e.args?.data?.startTime as number | undefined) ?? e.ts;
    profiles.set(`${e.pid}:${e.id}`, { thread: `${e.pid}:${e.tid}`, time: start, nodes: new Map(), samples: [], ours: new Map() });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data as { cpuProfile?: { nodes?: CpuNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (!profile || !data) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const samples = data.cpuProfile?.samples ?? [];
    samples.forEach((node, i) => {
      profile.time += data.timeDeltas?.[i] ?? 0;
      profile.samples.push([profile.time, node]);
    });
  }
  return [...profiles.values()];
}

function isOurs(profile: Profile, id: number, script: string): boolean {
  const known = profile.ours.get(id);
  if (known !== undefined) return known;
  const node = profile.nodes.get(id);
  const ours = !!node && ((node.callFrame.url ?? '').startsWith(script) || (node.parent !== undefined && isOurs(profile, node.parent, script)));
  profile.ours.set(id, ours);
  return ours;
}

/** The outermost `toplevel` slices of each thread: its tasks, in time order. */
function tasksByThread(events: readonly TraceEvent[]): Map<string, TraceEvent[]> {
  const slices = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.cat?.split(',').includes('toplevel'))
    .sort((a, b) => a.ts - b.ts);
  const threads = new Map<string, TraceEvent[]>();
  for (const e of slices) {
    const key = `${e.pid}:${e.tid}`;
    const list = threads.get(key) ?? [];
    const last = list[list.length - 1];
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    list.push(e);
    threads.set(key, list);
  }
  return threads;
}

/** Termlight's CPU time on every thread of the trace; `script` is its content script's URL. */
export function scriptTime(events: readonly TraceEvent[], script: string): ScriptTime {
  const result: ScriptTime = { longestTaskMs: 0, totalMs: 0, tasks: 0 };
  const threads = tasksByThread(events);
  for (const profile of readProfiles(events)) {
    const samples = profile.samples.sort((a, b) => a[0] - b[0]);
    let i = 0;
    for (const task of threads.get(profile.thread) ?? []) {
      const end = task.ts + (task.dur ?? 0);
      while (i < samples.length && (samples[i] as [number, number])[0] < task.ts) i++;
      let wall = 0;
      // A sample stands for the time until the next one, cut at the task's end.
      for (let j = i; j < samples.length && (samples[j] as [number, number])[0] <= end; j++) {
        const [at, node] = samples[j] as [number, number];
        if (!isOurs(profile, node, script)) continue;
        wall += Math.min(samples[j + 1]?.[0] ?? end, end) - at;
      }
      if (wall <= 0) continue;
      const cpuShare = task.tdur !== undefined && task.dur ? Math.min(1, task.tdur / task.dur) : 1;
      const ms = (wall * cpuShare) / 1000;
      result.tasks++;
      result.totalMs += ms;
      result.longestTaskMs = Math.max(result.longestTaskMs, ms);
    }
  }
  return result;
}
