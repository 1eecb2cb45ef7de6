/**
 * The path of a bad field as people read it: `posts[12].channelIds[0]`. Keys that are not plain
 * identifiers (ids used as record keys) are quoted: `channelTexts["1c9e…"]`. `root` names the
 * whole document when the path is empty.
 */
export function formatIssuePath(path: readonly PropertyKey[], root = '(input)'): string {
  const text = path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (!/^[A-Za-z_$][\w$]*$/.test(name)) return `[${JSON.stringify(name)}]`;
      return i === 0 ? name : `.${name}`;
    })
    .join('');
  return text || root;
}
