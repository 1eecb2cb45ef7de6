// Text files as Excel and the form tools save them: UTF-8 with or without a byte-order mark,
// UTF-16 ("Unicode text", which Excel writes with a BOM) and Windows-1252 from older Excel, all
// decoded by the platform's own decoders (WHATWG TextDecoder), never by hand.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Bytes as text, with the encoding they were read in. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const startsWith = (...marker: number[]) => marker.every((byte, i) => bytes[i] === byte);
  if (startsWith(0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  // UTF-16 without a mark: ASCII text has a zero in every other byte
  const sample = bytes.subarray(0, 2000);
  let zerosAtOdd = 0;
  let zerosAtEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 1 ? zerosAtOdd++ : zerosAtEven++);
  if (sample.length >= 4 && zerosAtOdd > sample.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (sample.length >= 4 && zerosAtEven > sample.length / 4) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not valid UTF-8: Excel's "CSV" on Windows writes the ANSI code page, Windows-1252 in the US and western Europe
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator of a CSV by its first line: comma, semicolon (European Excel) or tab (Excel's Unicode text). */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  let firstLine = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    if (!quoted) firstLine += char;
  }
  const count = (c: string) => firstLine.split(c).length - 1;
  const counts: Array<[',' | ';' | '\t', number]> = [
    ['\t', count('\t')],
    [';', count(';')],
    [',', count(',')],
  ];
  const [best] = counts.sort((a, b) => b[1] - a[1]);
  return best[1] > 0 ? best[0] : ',';
}
