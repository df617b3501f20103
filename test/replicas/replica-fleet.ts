import { startBot, type BotProcess } from '../prod/bot-process.js';

/** One running `npm start` replica and the port its Slack receiver listens on. */
export interface Replica {
  name: string;
  bot: BotProcess;
  port: number;
  /** The replica's /slack/events URL. */
  events: string;
}

/** Starts a replica process without waiting: its start-up due check may already be posting before it says it is ready. */
export function launchReplica(env: Record<string, string>): BotProcess {
  return startBot({ PORT: '0', HOST: '127.0.0.1', ...env });
}

/** Starts a replica process with `env` and resolves once it logs that it is ready. */
export async function startReplica(name: string, env: Record<string, string>): Promise<Replica> {
  const bot = launchReplica(env);
  await bot.waitForLog((l) => l.msg === 'Strikewire is ready');
  const listening = bot.logs().find((l) => /listening for Slack on port \d+/.test(String(l.msg)));
  const port = Number(/port (\d+)/.exec(String(listening?.msg))?.[1]);
  if (!port) throw new Error(`replica ${name} did not say which port it listens on; stdout: ${bot.stdout()}`);
  return { name, bot, port, events: `http://127.0.0.1:${port}/slack/events` };
}

/** Stops replicas still running (SIGTERM, then SIGKILL if one hangs), and waits for them to exit. */
export async function stopReplicas(replicas: readonly Replica[]): Promise<void> {
  await Promise.all(
    replicas.map(async (r) => {
      if (r.bot.child.exitCode !== null || r.bot.child.signalCode !== null) return;
      r.bot.child.kill('SIGTERM');
      const timer = setTimeout(() => r.bot.child.kill('SIGKILL'), 15_000);
      await r.bot.exited;
      clearTimeout(timer);
    }),
  );
}

/** Kills a replica the way a crashed host would: no shutdown, no lease handed back. */
export async function killReplica(bot: BotProcess): Promise<void> {
  bot.child.kill('SIGKILL');
  await bot.exited;
}
