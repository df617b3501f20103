import { createInterface } from 'node:readline/promises';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { runCommandText } from '../../core/commands/registry.js';
import { renderTerminal } from './render-terminal.js';

/** Interactive local shell: type `/strike status`, `/strike ask ...`, or `quit`. */
export async function runShell(ctx: CommandContext, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const color = Boolean((output as NodeJS.WriteStream).isTTY) && !process.env.NO_COLOR;
  const rl = createInterface({ input, output, terminal: Boolean((input as NodeJS.ReadStream).isTTY) });
  output.write(`Strikewire shell: ${ctx.knowledge.dispute.title}. Type /strike help, or quit to leave.\n`);
  rl.setPrompt('strikewire> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit') break;
    if (text) {
      const reply = await runCommandText(ctx, text, { platform: 'shell', userId: 'local', channelId: 'shell' });
      output.write(`${renderTerminal(reply, { color })}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
