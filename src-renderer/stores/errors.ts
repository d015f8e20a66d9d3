// Turns whatever a bridge call threw into the sentence shown to the user: never schema text, and
// "can't reach the Chaos cloud" rather than a URL (src-shared/plain-words.ts, docs/interface.md).
import { forPeople } from '../../src-shared/plain-words.ts';

export function messageOf(err: unknown): string {
  return forPeople(err);
}
