/**
 * Card templates compiled once into plain functions, so a turn fills a card without adaptive-expressions'
 * evaluator (a memory object, options and a dispatch per `${…}`, and a case-insensitive key search).
 *
 * It understands only what our templates use: paths (`a.b`, `$data`, `$root.a`, `$index`), string and
 * number literals, `!`, `&&`, `||`, `==`, `!=`, `<`, `>`, `<=`, `>=` and `count(…)`; `$data` and `$when`.
 * A template with anything else is not compiled (compileTemplate returns undefined) and renderCard uses
 * adaptivecards-templating for it, as it always did.
 *
 * It is exact by construction: it mirrors adaptivecards-templating's expansion step by step, and wherever
 * the library's answer could depend on its own coercions (a missing or null value, a comparison of two
 * different types, `!` of something not a boolean, text built from an object) it gives up with
 * NeedsReferenceRenderer and renderCard renders that card with the library instead. A missing field thus
 * still gets the library's "unfilled" marker, and renderCard still refuses the card.
 */
import * as AEL from 'adaptive-expressions';
import * as ACData from 'adaptivecards-templating';

/** Thrown while filling a card when only the library can say exactly what it would do. */
export class NeedsReferenceRenderer extends Error {}

interface Scope {
  root: unknown;
  data: unknown;
  index: number | undefined;
}

type Evaluate = (scope: Scope) => unknown;

/** A prepared template node: a value to copy, a filled string or typed value, an object or an array. */
type Node =
  | { kind: 'literal'; value: unknown }
  | { kind: 'value'; evaluate: Evaluate }
  | { kind: 'object'; when?: Evaluate; whenIsLiteral: boolean; data?: Evaluate; entries: Array<[string, Node]> }
  | { kind: 'array'; items: Node[] };

const RESERVED = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);

export interface CompiledTemplate {
  expand(root: object): unknown;
}

/** The template as functions, or undefined when it uses something this compiler does not handle. */
export function compileTemplate(template: object): CompiledTemplate | undefined {
  let node: Node;
  try {
    node = prepare(template);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  return { expand: (root) => expand(node, { root, data: undefined, index: undefined }) };
}

class Unsupported extends Error {}

function prepare(value: unknown): Node {
  if (typeof value === 'string') return prepareString(value);
  if (Array.isArray(value)) return { kind: 'array', items: value.map(prepare) };
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const when = record.$when;
    const data = record.$data;
    const whenNode = when === undefined ? undefined : prepare(when);
    const dataNode = data === undefined ? undefined : prepare(data);
    // A $data that is not an expression keeps the library's unevaluated nodes inside it: leave it to the library.
    if (dataNode !== undefined && dataNode.kind !== 'value') throw new Unsupported('$data without an expression');
    return {
      kind: 'object',
      when: whenNode?.kind === 'value' ? whenNode.evaluate : undefined,
      // The library drops an object whose $when is truthy but not an expression.
      whenIsLiteral: Boolean(when) && whenNode?.kind !== 'value',
      data: dataNode?.kind === 'value' ? dataNode.evaluate : undefined,
      entries: Object.keys(record)
        .filter((key) => !RESERVED.has(key))
        .map((key) => [key, prepare(record[key])]),
    };
  }
  return { kind: 'literal', value };
}

/** A string: as it is, one typed `${…}` value, or text with `${…}` parts joined. */
function prepareString(text: string): Node {
  if (!text.includes('${')) return { kind: 'literal', value: text };
  // Backslashes and backticks mean something to the library's parser; leave such strings to it.
  if (text.includes('\\') || text.includes('`')) throw new Unsupported(text);
  const parts = splitInterpolated(text);
  confirmLibraryAgrees(text, parts);
  if (parts.length === 1 && typeof parts[0] !== 'string') return { kind: 'value', evaluate: parts[0] };
  const evaluators = parts.map((part) => (typeof part === 'string' ? () => part : part));
  return {
    kind: 'value',
    evaluate: (scope) => {
      let joined = '';
      for (const evaluate of evaluators) joined += asText(evaluate(scope));
      return joined;
    },
  };
}

/** Text and `${…}` expressions, in order, with empty text left out. */
function splitInterpolated(text: string): Array<string | Evaluate> {
  const parts: Array<string | Evaluate> = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('${', at);
    if (start < 0) {
      parts.push(text.slice(at));
      break;
    }
    if (start > at) parts.push(text.slice(at, start));
    const end = text.indexOf('}', start);
    if (end < 0) throw new Unsupported(text);
    parts.push(parseExpression(text.slice(start + 2, end)));
    at = end + 1;
  }
  return parts;
}

/**
 * Parses the string as the library does, once, and checks that it sees the same text and the same number
 * of expressions, and the same choice between a typed value and text.
 */
function confirmLibraryAgrees(text: string, parts: Array<string | Evaluate>): void {
  const parsed = ACData.Template.parseInterpolatedString(text) as unknown;
  const single = parts.length === 1 && typeof parts[0] !== 'string';
  if (!(parsed instanceof AEL.Expression)) throw new Unsupported(text);
  if (parsed.type !== AEL.ExpressionType.Concat) {
    if (!single) throw new Unsupported(text);
    return;
  }
  if (single) throw new Unsupported(text);
  const theirs = parsed.children
    .filter((child) => !(child instanceof AEL.Constant && child.value === ''))
    .map((child) => (child instanceof AEL.Constant && typeof child.value === 'string' ? child.value : 'expression'));
  const ours = parts.map((part) => (typeof part === 'string' ? part : 'expression'));
  if (theirs.length !== ours.length || theirs.some((part, i) => part !== ours[i])) throw new Unsupported(text);
}

/** How the library joins a value into text (value.toString()), for the values where that is certain. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new NeedsReferenceRenderer('text from a value that is not a string, number or boolean');
}

function expand(node: Node, scope: Scope): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'value':
      return node.evaluate(scope);
    case 'array': {
      const items: unknown[] = [];
      for (const item of node.items) {
        const expanded = expand(item, scope);
        if (expanded === null) continue;
        if (Array.isArray(expanded)) items.push(...expanded);
        else items.push(expanded);
      }
      return items;
    }
    case 'object':
      return expandObject(node, scope);
  }
}

/** As the library's internalExpand for an object: repeat it over $data, keep it where $when is true. */
function expandObject(node: Extract<Node, { kind: 'object' }>, scope: Scope): unknown {
  const contexts = dataContexts(node, scope);
  const results: object[] = [];
  for (const context of contexts) {
    if (node.whenIsLiteral) continue;
    if (node.when) {
      const keep = node.when(context);
      if (typeof keep !== 'boolean') throw new NeedsReferenceRenderer('$when that is not a boolean');
      if (!keep) continue;
    }
    const result: Record<string, unknown> = {};
    for (const [key, child] of node.entries) {
      const value = expand(child, context);
      if (value !== undefined) result[key] = value;
    }
    results.push(result);
  }
  if (results.length === 0) return null;
  return results.length === 1 ? results[0] : results;
}

function dataContexts(node: Extract<Node, { kind: 'object' }>, scope: Scope): Scope[] {
  if (node.data === undefined) return [scope];
  const data = node.data(scope);
  if (!Array.isArray(data)) return [{ ...scope, data: definedValue(data) }];
  return data.map((item, index) => ({ root: scope.root, data: definedValue(item), index }));
}

function definedValue<T>(value: T): T {
  if (value === undefined || value === null) throw new NeedsReferenceRenderer('a missing value');
  return value;
}

// ---- expressions ----------------------------------------------------------------------------------

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|'([^'\\]*)'|(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)|(==|!=|<=|>=|&&|\|\||[!<>()]))/y;

type Token = { number: number } | { string: string } | { path: string } | { operator: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(source);
    if (!match) throw new Unsupported(source);
    if (match[1] !== undefined) tokens.push({ number: Number(match[1]) });
    else if (match[2] !== undefined) tokens.push({ string: match[2] });
    else if (match[3] !== undefined) tokens.push({ path: match[3] });
    else tokens.push({ operator: match[4] });
  }
  return tokens;
}

/** A recursive-descent parser: `||`, then `&&`, then equality, then comparison, then `!`, then a primary. */
function parseExpression(source: string): Evaluate {
  const tokens = tokenize(source);
  let at = 0;
  const peekOperator = () => {
    const token = tokens[at];
    return token && 'operator' in token ? token.operator : undefined;
  };
  const expectOperator = (operator: string) => {
    if (peekOperator() !== operator) throw new Unsupported(source);
    at++;
  };
  const binary =
    (next: () => Evaluate, operators: string[]): (() => Evaluate) =>
    () => {
      let left = next();
      for (let operator = peekOperator(); operator && operators.includes(operator); operator = peekOperator()) {
        at++;
        left = combine(operator, left, next());
      }
      return left;
    };
  const primary = (): Evaluate => {
    const token = tokens[at++];
    if (!token) throw new Unsupported(source);
    if ('number' in token) return () => token.number;
    if ('string' in token) return () => token.string;
    if ('path' in token) {
      if (peekOperator() === '(') {
        if (token.path !== 'count') throw new Unsupported(source);
        at++;
        const argument = or();
        expectOperator(')');
        return countOf(argument);
      }
      return pathReader(token.path, source);
    }
    if (token.operator === '(') {
      const inner = or();
      expectOperator(')');
      return inner;
    }
    throw new Unsupported(source);
  };
  const unary = (): Evaluate => {
    if (peekOperator() === '!') {
      at++;
      const operand = unary();
      return (scope) => !booleanOf(operand(scope));
    }
    return primary();
  };
  const comparison = binary(unary, ['<', '>', '<=', '>=']);
  const equality = binary(comparison, ['==', '!=']);
  const and = binary(equality, ['&&']);
  const or: () => Evaluate = binary(and, ['||']);
  const expression = or();
  if (at !== tokens.length) throw new Unsupported(source);
  return expression;
}

function combine(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  switch (operator) {
    case '&&':
      return (scope) => booleanOf(left(scope)) && booleanOf(right(scope));
    case '||':
      return (scope) => booleanOf(left(scope)) || booleanOf(right(scope));
    case '==':
      return (scope) => sameTypeValues(left(scope), right(scope), (a, b) => a === b);
    case '!=':
      return (scope) => sameTypeValues(left(scope), right(scope), (a, b) => a !== b);
    case '<':
      return (scope) => numbers(left(scope), right(scope), (a, b) => a < b);
    case '>':
      return (scope) => numbers(left(scope), right(scope), (a, b) => a > b);
    case '<=':
      return (scope) => numbers(left(scope), right(scope), (a, b) => a <= b);
    default:
      return (scope) => numbers(left(scope), right(scope), (a, b) => a >= b);
  }
}

function booleanOf(value: unknown): boolean {
  if (typeof value !== 'boolean') throw new NeedsReferenceRenderer('a logical operator on a value that is not a boolean');
  return value;
}

/** Strings with strings, whole numbers with whole numbers: where the library's equality is plain ===. */
function sameTypeValues(a: unknown, b: unknown, compare: (a: unknown, b: unknown) => boolean): boolean {
  const bothStrings = typeof a === 'string' && typeof b === 'string';
  const bothWholeNumbers = Number.isInteger(a) && Number.isInteger(b);
  if (!bothStrings && !bothWholeNumbers) throw new NeedsReferenceRenderer('a comparison of different types');
  return compare(a, b);
}

function numbers(a: unknown, b: unknown, compare: (a: number, b: number) => boolean): boolean {
  if (typeof a !== 'number' || typeof b !== 'number')
    throw new NeedsReferenceRenderer('an order comparison of values that are not numbers');
  return compare(a, b);
}

function countOf(argument: Evaluate): Evaluate {
  return (scope) => {
    const value = argument(scope);
    if (Array.isArray(value) || typeof value === 'string') return value.length;
    throw new NeedsReferenceRenderer('count() of a value that is not a list or text');
  };
}

/**
 * A path read as the library reads it: `$data`, `$root` or `$index` first (a bare name means `$data.name`),
 * then each property found case-insensitively, the first matching key winning, as the library's
 * accessProperty does. A missing or null value, or a step into something that is not a plain object,
 * goes to the library, which fills in its "unfilled" marker.
 */
function pathReader(path: string, source: string): Evaluate {
  const steps = path.split('.');
  const head = steps[0].startsWith('$') ? steps.shift()! : '$data';
  if (!['$data', '$root', '$index'].includes(head)) throw new Unsupported(source);
  const keys = steps.map((step) => ({ step, lower: step.toLowerCase() }));
  return (scope) => {
    let value: unknown = head === '$root' ? scope.root : head === '$index' ? scope.index : (scope.data ?? scope.root);
    for (const { step, lower } of keys) value = propertyOf(value, step, lower);
    return definedValue(value);
  };
}

function propertyOf(value: unknown, step: string, lower: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Map)
    throw new NeedsReferenceRenderer('a step into a value that is not an object');
  for (const key of Object.keys(value)) {
    if (key === step || key.toLowerCase() === lower) return (value as Record<string, unknown>)[key];
  }
  return undefined;
}
