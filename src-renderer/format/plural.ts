/** "1 user", "3 users"; `many` for the irregular ("1 entry", "2 entries"). */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;
