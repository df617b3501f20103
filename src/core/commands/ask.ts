import { answerQuestion } from '../ask/answer-question.js';
import type { CommandSpec } from './command-spec.js';

export const askCommand: CommandSpec = {
  name: 'ask',
  arg: { name: 'question', description: 'A question about the dispute, in your own words', required: true },
  summary: 'Answers a question in one to three sentences, with sources, or says it does not know.',
  example: '/strike ask what did the AMPTP say about mini rooms?',
  run: (ctx, args) => answerQuestion(ctx, args),
};
