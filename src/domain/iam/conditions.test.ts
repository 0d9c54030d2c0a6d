import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './conditions';
import type { Condition } from './policy';

const friday = new Date('2026-11-27T10:00:00Z'); // 11:00 in Paris

describe('evaluateCondition', () => {
  it('matches a resource tag', () => {
    const condition = { operator: 'MATCH' as const, values: { 'resource.Tag(environment)': 'prod' } };
    expect(evaluateCondition(condition, { now: friday, resourceTags: { environment: 'prod' } }).result).toBe(
      true,
    );
    expect(evaluateCondition(condition, { now: friday, resourceTags: {} }).result).toBe(false);
    expect(evaluateCondition(condition, { now: friday }).result).toBeUndefined();
  });

  it('matches the request IP exactly or by CIDR block', () => {
    const exact = { operator: 'MATCH' as const, values: { 'request.IP': '192.72.0.1' } };
    const block = { operator: 'MATCH' as const, values: { 'request.IP': '10.0.0.0/8' } };
    expect(evaluateCondition(exact, { now: friday, ip: '192.72.0.1' }).result).toBe(true);
    expect(evaluateCondition(exact, { now: friday, ip: '192.72.0.2' }).result).toBe(false);
    expect(evaluateCondition(block, { now: friday, ip: '10.200.3.4' }).result).toBe(true);
    expect(evaluateCondition(block, { now: friday, ip: '11.0.0.1' }).result).toBe(false);
    expect(
      evaluateCondition(
        { operator: 'MATCH', values: { 'request.IP': '0.0.0.0/0' } },
        { now: friday, ip: '8.8.8.8' },
      ).result,
    ).toBe(true);
  });

  it('matches weekdays in the given time zone', () => {
    const workdays = {
      operator: 'MATCH' as const,
      values: { 'date(Europe/Paris).WeekDay.In': 'monday,tuesday,wednesday,thursday,friday' },
    };
    expect(evaluateCondition(workdays, { now: friday }).result).toBe(true);
    expect(evaluateCondition(workdays, { now: new Date('2026-11-28T10:00:00Z') }).result).toBe(false);
    // 23:30 UTC on Friday is already Saturday in Paris.
    expect(evaluateCondition(workdays, { now: new Date('2026-11-27T23:30:00Z') }).result).toBe(false);
  });

  it('compares hours with numeric operators', () => {
    const office: Condition = {
      operator: 'AND',
      conditions: [
        { operator: 'MATCH' as const, values: { 'date(Europe/Paris).Hour.GE': '9' } },
        { operator: 'MATCH' as const, values: { 'date(Europe/Paris).Hour.LT': '18' } },
      ],
    };
    expect(evaluateCondition(office, { now: friday }).result).toBe(true);
    expect(evaluateCondition(office, { now: new Date('2026-11-27T19:00:00Z') }).result).toBe(false);
  });

  it('combines with AND, OR and NOT', () => {
    const tag = (value: string) => ({ operator: 'MATCH' as const, values: { 'resource.Tag(env)': value } });
    const context = { now: friday, resourceTags: { env: 'prod' } };
    expect(evaluateCondition({ operator: 'OR', conditions: [tag('dev'), tag('prod')] }, context).result).toBe(
      true,
    );
    expect(
      evaluateCondition({ operator: 'AND', conditions: [tag('dev'), tag('prod')] }, context).result,
    ).toBe(false);
    expect(evaluateCondition({ operator: 'NOT', conditions: [tag('prod')] }, context).result).toBe(false);
    expect(evaluateCondition({ operator: 'NOT', conditions: [tag('dev')] }, context).result).toBe(true);
  });

  it('lets a known false decide an AND even when another fact is unknown', () => {
    const both = {
      operator: 'MATCH' as const,
      values: { 'resource.Tag(env)': 'prod', 'request.IP': '10.0.0.1' },
    };
    expect(evaluateCondition(both, { now: friday, resourceTags: { env: 'dev' } }).result).toBe(false);
    expect(evaluateCondition(both, { now: friday, resourceTags: { env: 'prod' } }).result).toBeUndefined();
  });

  it('supports wildcard values with Like', () => {
    const like = { operator: 'MATCH' as const, values: { 'resource.Tag(team).Like': 'web-*' } };
    expect(evaluateCondition(like, { now: friday, resourceTags: { team: 'web-front' } }).result).toBe(true);
    expect(evaluateCondition(like, { now: friday, resourceTags: { team: 'db' } }).result).toBe(false);
  });

  it('lists the entries that did not hold', () => {
    const outcome = evaluateCondition(
      { operator: 'MATCH', values: { 'request.IP': '10.0.0.1' } },
      { now: friday, ip: '10.0.0.2' },
    );
    expect(outcome.failed).toEqual([{ key: 'request.IP', expected: '10.0.0.1', actual: '10.0.0.2' }]);
  });
});
