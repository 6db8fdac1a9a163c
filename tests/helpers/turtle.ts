/**
 * A small Turtle reader for tests: @prefix lines, subjects with `;`-separated predicates and
 * `,`-separated objects, `a`, IRIs, prefixed names, string literals with a language or a datatype,
 * and nested blank nodes `[ … ]`. Answers N-Triples lines (blank nodes as _:bN), so a test can
 * compare them with a JSON-LD processor's N-Quads. Throws on anything it cannot read.
 */
const RDF_TYPE = '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>';

export function turtleToNTriples(text: string): string[] {
  const tokens = [...text.matchAll(/\s*(<[^>]*>|"(?:[^"\\]|\\.)*"(?:@[a-zA-Z-]+|\^\^(?:<[^>]*>|[a-z]+:[\w-]+))?|@prefix|[a-z]*:[\w-]*|\[|\]|;|,|\.|a(?=\s)|\S+)/gy)].map((m) => m[1]);
  const prefixes: Record<string, string> = {};
  const triples: string[] = [];
  let i = 0;
  let blank = 0;
  const next = () => {
    if (i >= tokens.length) throw new Error('Turtle ended too early');
    return tokens[i++];
  };
  const expect = (t: string) => {
    const got = next();
    if (got !== t) throw new Error(`Turtle: expected ${t}, got ${got} at token ${i}`);
  };
  const iri = (t: string): string => {
    if (t.startsWith('<')) return t;
    const m = /^([a-z]*):([\w-]*)$/.exec(t);
    if (!m || !(m[1] in prefixes)) throw new Error(`Turtle: not a name: ${t}`);
    return `<${prefixes[m[1]]}${m[2]}>`;
  };
  const object = (): string => {
    const t = next();
    if (t === '[') {
      const node = `_:b${blank++}`;
      predicates(node, ']');
      return node;
    }
    if (t.startsWith('"')) {
      const m = /^("(?:[^"\\]|\\.)*")(?:(@[a-zA-Z-]+)|\^\^(.+))?$/.exec(t)!;
      if (m[2]) return m[1] + m[2];
      return m[3] ? `${m[1]}^^${iri(m[3])}` : m[1];
    }
    return iri(t);
  };
  function predicates(subject: string, end: string) {
    for (;;) {
      const p = next();
      const predicate = p === 'a' ? RDF_TYPE : iri(p);
      for (;;) {
        triples.push(`${subject} ${predicate} ${object()} .`);
        const sep = next();
        if (sep === ',') continue;
        if (sep === ';') break;
        if (sep === end) return;
        throw new Error(`Turtle: expected , ; or ${end}, got ${sep}`);
      }
      // A `;` may close the last predicate.
      if (tokens[i] === end) {
        i++;
        return;
      }
    }
  }
  while (i < tokens.length) {
    if (tokens[i] === '@prefix') {
      i++;
      const name = next();
      const ns = next();
      expect('.');
      prefixes[name.replace(/:$/, '')] = ns.slice(1, -1);
      continue;
    }
    predicates(iri(next()), '.');
  }
  return triples;
}
