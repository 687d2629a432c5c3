// "1 tool", "2 tools": a number with its noun in the right form, for the command reports.

/** `value` followed by `noun`, plural (`noun` + s, or `plural`) unless the value is exactly 1. */
export function count(value: number, noun: string, plural = `${noun}s`): string {
  return `${value} ${value === 1 ? noun : plural}`;
}
