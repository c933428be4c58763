// .dockerignore patterns as Docker applies them (Go filepath.Match plus `**`, later `!` lines re-include),
// to check that the build context keeps every file the Dockerfile needs.
import { readFileSync } from 'node:fs';

function patternToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/^\/+|\/+$/g, '')
    .split('')
    .map((char, index, chars) => {
      if (char === '*') {
        if (chars[index + 1] === '*') return '';
        return chars[index - 1] === '*' ? '.*' : '[^/]*';
      }
      if (char === '?') return '[^/]';
      return /[.+^${}()|[\]\\]/.test(char) ? `\\${char}` : char;
    })
    .join('')
    .replace(/\.\*\//g, '(?:.*/)?');
  // A pattern naming a folder excludes everything below it.
  return new RegExp(`^${body}(?:/.*)?$`);
}

export function isIgnored(path: string, dockerignoreText: string): boolean {
  let ignored = false;
  for (const raw of dockerignoreText.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (patternToRegExp(negated ? line.slice(1) : line).test(path)) ignored = !negated;
  }
  return ignored;
}

export const readDockerignore = (path: string): string => readFileSync(path, 'utf8');
