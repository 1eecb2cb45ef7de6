// Counts as people write them: "1 post", "3 posts", "2 stories" (the plural given when it is not +s).
export const plural = (count: number, word: string, many = `${word}s`): string => `${count} ${count === 1 ? word : many}`;
