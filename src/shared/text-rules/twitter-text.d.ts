// twitter-text 3.1 ships no type declarations; only the parts Storybank uses are declared.
declare module 'twitter-text' {
  export interface ParsedTweet {
    /** Length with X's weights: most Latin text 1, emoji/CJK 2, every URL 23. */
    weightedLength: number;
    valid: boolean;
    /** Share of the limit used, in thousandths. */
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }

  export interface UrlEntity {
    url: string;
    indices: [number, number];
  }

  export interface HashtagEntity {
    hashtag: string;
    indices: [number, number];
  }

  interface TwitterText {
    parseTweet(text: string): ParsedTweet;
    extractUrlsWithIndices(text: string, options?: { extractUrlsWithoutProtocol: boolean }): UrlEntity[];
    extractHashtags(text: string): string[];
    extractHashtagsWithIndices(text: string): HashtagEntity[];
  }

  const twitterText: TwitterText;
  export default twitterText;
}
