// Runs `cdk synth` the way a deployer would, quietly and offline.
import { spawn } from 'node:child_process';
import { PROJECT_ROOT } from './paths';

export function synth(outDir: string): Promise<void> {
  return new Promise((resolveSynth, reject) => {
    const child = spawn('npx', ['cdk', 'synth', '--quiet', '--no-notices', '--output', outDir], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, CDK_DISABLE_CLI_TELEMETRY: 'true', CDK_DISABLE_VERSION_CHECK: '1' },
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolveSynth() : reject(new Error(`cdk synth failed (exit code ${code})`))));
  });
}
