// Counts as people write them: "1 post", "3 posts", "2 stories" (the plural given when it is not +s).
export const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`;

/** A list as people say it: "text", "text and time", "text, time and images". */
export function spokenList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
