import { matchesPattern } from './pattern';
import type { Condition } from './policy';

/**
 * Facts a condition may test. A fact left undefined is unknown: the explainer in the browser does not
 * know the caller's IP, for instance, while the sandbox always does.
 */
export type ConditionContext = {
  now: Date;
  ip?: string;
  resourceTags?: Record<string, string>;
};

/** true: holds; false: does not hold; undefined: cannot tell with what the context knows. */
export type Tristate = boolean | undefined;

export type ConditionOutcome = {
  result: Tristate;
  /** the MATCH entries that did not hold (or could not be told), for the explanation */
  failed: { key: string; expected: string; actual?: string }[];
};

/**
 * Evaluates OVH policy conditions: AND / OR / NOT over nested conditions, MATCH over `values`
 * (every entry must hold). Keys, from OVHcloud's IAM guide and the Terraform/Pulumi provider docs:
 * `resource.Tag(<name>)`, `request.IP`, `date(<tz>).WeekDay`, `date(<tz>).Hour`, `date(<tz>).Date`.
 * A key may end with an operator: `.EQ` (the default), `.In` (comma-separated), `.Like` (wildcards),
 * `.GT` `.GE` `.LT` `.LE` (numbers). The operator suffixes beyond `.In` are our reading of the guide.
 */
export function evaluateCondition(condition: Condition, context: ConditionContext): ConditionOutcome {
  const failed: ConditionOutcome['failed'] = [];
  const result = evaluateNode(condition, context, failed);
  return { result, failed: result === true ? [] : failed };
}

function evaluateNode(
  node: Condition,
  context: ConditionContext,
  failed: ConditionOutcome['failed'],
): Tristate {
  const children = node.conditions ?? [];
  switch (node.operator) {
    case 'AND':
      return and(children.map((child) => evaluateNode(child, context, failed)));
    case 'OR':
      return or(children.map((child) => evaluateNode(child, context, failed)));
    case 'NOT': {
      const inner = and(children.map((child) => evaluateNode(child, context, [])));
      if (inner === true) failed.push({ key: 'NOT', expected: 'the inner condition not to hold' });
      return inner === undefined ? undefined : !inner;
    }
    case 'MATCH':
      return and(
        Object.entries(node.values ?? {}).map(([key, expected]) => {
          const { fact, operator } = splitKey(key);
          const actual = readFact(fact, context);
          const outcome = actual === undefined ? undefined : compare(operator, actual, expected);
          if (outcome !== true) failed.push({ key, expected, actual });
          return outcome;
        }),
      );
    default:
      return false;
  }
}

function and(values: Tristate[]): Tristate {
  if (values.includes(false)) return false;
  return values.includes(undefined) ? undefined : true;
}

function or(values: Tristate[]): Tristate {
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}

const OPERATORS = ['EQ', 'In', 'Like', 'GT', 'GE', 'LT', 'LE'] as const;
type KeyOperator = (typeof OPERATORS)[number];

function splitKey(key: string): { fact: string; operator: KeyOperator } {
  const dot = key.lastIndexOf('.');
  const suffix = key.slice(dot + 1);
  const operator = OPERATORS.find((candidate) => candidate === suffix);
  return dot > 0 && operator ? { fact: key.slice(0, dot), operator } : { fact: key, operator: 'EQ' };
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function readFact(fact: string, context: ConditionContext): string | undefined {
  const tag = /^resource\.Tag\((.+)\)$/.exec(fact);
  if (tag?.[1] !== undefined) {
    if (!context.resourceTags) return undefined;
    // A resource without the tag does not match (the empty string never equals a tag value we test).
    return context.resourceTags[tag[1]] ?? '';
  }
  if (fact === 'request.IP') return context.ip;
  const date = /^date\(([^)]+)\)\.(WeekDay|Hour|Date)$/.exec(fact);
  if (date?.[1] && date[2]) return readDate(context.now, date[1], date[2]);
  return undefined;
}

function readDate(now: Date, timeZone: string, part: string): string | undefined {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'long',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return undefined; // unknown time zone: the condition cannot be told
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  if (part === 'WeekDay') return get('weekday').toLowerCase();
  if (part === 'Hour') return String(Number(get('hour')));
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function compare(operator: KeyOperator, actual: string, expected: string): boolean {
  switch (operator) {
    case 'EQ':
      return sameValue(actual, expected);
    case 'In':
      return expected.split(',').some((item) => sameValue(actual, item.trim()));
    case 'Like':
      return matchesPattern(expected, actual);
    default: {
      const a = Number(actual);
      const e = Number(expected);
      if (Number.isNaN(a) || Number.isNaN(e)) return false;
      return operator === 'GT' ? a > e : operator === 'GE' ? a >= e : operator === 'LT' ? a < e : a <= e;
    }
  }
}

/** Equality, except that an IP fact matches a CIDR block, and weekdays ignore case. */
function sameValue(actual: string, expected: string): boolean {
  if (expected.includes('/') && isIpv4(actual)) return ipv4InCidr(actual, expected);
  if (WEEKDAYS.includes(expected.toLowerCase())) return actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

function isIpv4(value: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(value);
}

function ipv4ToNumber(ip: string): number {
  return ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0);
}

function ipv4InCidr(ip: string, cidr: string): boolean {
  const [network, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  if (!network || !isIpv4(network) || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  // Bitwise operators work on signed 32-bit integers, so compare the network prefixes arithmetically.
  const size = 2 ** (32 - bits);
  return Math.floor(ipv4ToNumber(ip) / size) === Math.floor(ipv4ToNumber(network) / size);
}
