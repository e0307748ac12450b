import { readFileSync, readdirSync } from 'node:fs';
import { compileTemplates, supportedLocales, type Templates } from '../domain/templates.ts';

/** `templates/<locale>/<TYPE>.txt` beside src/: the messages this service sends. */
export const SHIPPED_TEMPLATES = new URL('../../templates/', import.meta.url);

/** Reads and compiles the templates in `dir`; throws a TemplateError listing every broken or missing file. */
export function loadTemplates(dir: URL): Templates {
  const sources = new Map<string, Map<string, string> | null>();
  for (const locale of supportedLocales) {
    let entries;
    try {
      entries = readdirSync(new URL(`${locale}/`, dir), { withFileTypes: true });
    } catch {
      sources.set(locale, null);
      continue;
    }
    // A stray folder is listed (and reported) like a stray file, not read.
    sources.set(locale, new Map(entries.map((entry) => [entry.name, entry.isFile() ? readFileSync(new URL(`${locale}/${entry.name}`, dir), 'utf8') : ''])));
  }
  return compileTemplates(sources);
}

let shipped: Templates | undefined;

/** The shipped templates, read once per process (every service and test in it shares them). */
export function shippedTemplates(): Templates {
  shipped ??= loadTemplates(SHIPPED_TEMPLATES);
  return shipped;
}
