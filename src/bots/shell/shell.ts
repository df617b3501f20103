import { createInterface } from 'node:readline/promises';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { runCommandText } from '../../core/commands/registry.js';
import { renderTerminal } from './render-terminal.js';
import { wrapText } from './wrap-text.js';

/** How to leave, printed after help: the shell is the one place where that is a question. */
export const LEAVE_HINT = 'To leave the shell, type quit or exit, or press Ctrl-D.';

function optionalWidth(width: number | undefined): { width?: number } {
  return width ? { width } : {};
}

/** Interactive local shell: type `/strike status`, `/strike ask ...`, or `quit`. */
export async function runShell(ctx: CommandContext, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const terminal = output as NodeJS.WriteStream;
  const color = Boolean(terminal.isTTY) && !process.env.NO_COLOR;
  // The terminal's width now, so a resized window wraps the next answer to fit; no wrapping into a pipe.
  const width = () => (terminal.isTTY ? terminal.columns : undefined);
  const rl = createInterface({ input, output, terminal: Boolean((input as NodeJS.ReadStream).isTTY) });
  const banner = `Strikewire shell: ${ctx.knowledge.dispute.title}. Type /strike help, or quit to leave.`;
  output.write(`${width() ? wrapText(banner, width()!) : banner}\n`);
  rl.setPrompt('strikewire> ');
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === 'quit' || text === 'exit') break;
    if (text) {
      const reply = await runCommandText(ctx, text, { platform: 'shell', userId: 'local', channelId: 'shell' });
      const leave = reply.command === 'help' ? `\n${width() ? wrapText(LEAVE_HINT, width()!) : LEAVE_HINT}` : '';
      output.write(`${renderTerminal(reply, { color, ...optionalWidth(width()) })}${leave}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
