// Runs `cdk synth` the way a deployer would, quietly and offline.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './paths';

export class SynthCancelled extends Error {
  override readonly name = 'SynthCancelled';
  constructor() {
    super('cdk synth was cancelled');
  }
}

/**
 * @param options.signal aborting ends the synth and every process it started (npx, the cdk
 *   CLI, the app): it runs in a process group of its own, which is ended as a whole.
 */
export function synth(outDir: string, options: { signal?: AbortSignal } = {}): Promise<void> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new SynthCancelled());
  return new Promise((resolveSynth, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', outDir], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: '1' },
      detached: true,
    });
    const cancel = () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    };
    // A parent that exits (an uncaught error) must not leave the group running.
    const endOnExit = () => cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    process.once('exit', endOnExit);
    child.once('error', (error) => {
      signal?.removeEventListener('abort', cancel);
      process.removeListener('exit', endOnExit);
      reject(error);
    });
    child.once('exit', (code, exitSignal) => {
      signal?.removeEventListener('abort', cancel);
      process.removeListener('exit', endOnExit);
      if (signal?.aborted) reject(new SynthCancelled());
      else if (code === 0) resolveSynth();
      else reject(new Error(`cdk synth failed (${exitSignal ? `signal ${exitSignal}` : `exit code ${code}`})`));
    });
  });
}
