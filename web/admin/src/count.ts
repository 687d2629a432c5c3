// "1 operation", "2 operations": a number with its noun in the right form.

/** `count` followed by `noun`, plural (`noun` + s, or `plural`) unless the count is exactly 1. */
export function count(value: number, noun: string, plural = `${noun}s`): string {
  return `${value.toLocaleString('en')} ${value === 1 ? noun : plural}`;
}
