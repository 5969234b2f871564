/**
 * How generated JavaScript finds the code of a payload's message type.
 *
 * Up to `SWITCH_LIMIT` message types, a `switch` on the type: its cases call known functions that
 * the optimizer inlines, the fastest dispatch for a few types. Beyond it, a Map lookup, which costs
 * the same for any number of types, where a `switch` compares the value with every case before the
 * right one (at 400 types the validators took twice as long with a `switch`, the parser six times).
 */
export const SWITCH_LIMIT = 16;

export function dispatchesWithSwitch(messageCount: number): boolean {
  return messageCount <= SWITCH_LIMIT;
}
