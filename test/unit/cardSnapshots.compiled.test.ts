/**
 * Cards are filled by templates compiled once (compiledTemplate.ts), not by adaptivecards-templating on
 * every turn. The snapshots (cardSnapshots.test.ts) say the cards are unchanged; these say the compiled
 * path is the one that runs for real data, and that where the library's own coercions decide the outcome
 * (a missing field, a comparison of mixed types) the library is still the one that answers.
 */
import * as ACData from 'adaptivecards-templating';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileTemplate, NeedsReferenceRenderer } from '../../src/cards/compiledTemplate';
import { renderCard } from '../../src/cards/renderCard';
import { cards } from './cardSnapshots.cases';

const library = (template: object, data: object) => new ACData.Template(template).expand({ $root: data });

describe('compiled card templates', () => {
  afterEach(() => vi.restoreAllMocks());

  it('fill every card in the snapshot set without the library', () => {
    const expand = vi.spyOn(ACData.Template.prototype, 'expand');
    for (const render of Object.values(cards)) render();
    expect(expand).not.toHaveBeenCalled();
  });

  it('give what the library gives for paths, text, $data, $when, count and comparisons', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '**${reference}** · ${count} referrals (${count(items)})', $when: '${count > 0 && !hidden}' },
        { type: 'TextBlock', text: '${Title}', $when: "${kind == 'a' || kind != 'b'}" },
        { type: 'Container', $data: '${items}', items: [{ type: 'TextBlock', text: '${name} (${$index})', $when: "${name != ''}" }] },
        { type: 'Container', $data: '${one}', items: [{ type: 'TextBlock', text: '${$root.reference}: ${value}' }] },
        { type: 'FactSet', facts: '${facts}', flag: '${hidden}', number: '${count}', nothing: null, none: { $when: '${hidden}', x: 1 } },
      ],
    };
    const data = {
      reference: 'FD-1',
      count: 3,
      hidden: false,
      kind: 'b',
      title: 'lower key found case-insensitively',
      items: [{ name: 'a' }, { name: '' }, { name: 'c' }],
      one: { value: 'v' },
      facts: [{ title: 't', value: 'v' }],
    };
    expect(compileTemplate(template)?.expand(data)).toEqual(library(template, data));
  });

  it('leave a missing field to the library, so the card is still refused as unfilled', () => {
    const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello ${name}' }] };
    expect(() => compileTemplate(template)?.expand({})).toThrow(NeedsReferenceRenderer);
    expect(() => renderCard(template, {})).toThrow(/left \$\{name\} unfilled/);
  });

  it('leave comparisons of different types and logic on non-booleans to the library', () => {
    const template = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'x', $when: "${count == '3'}" },
        { type: 'TextBlock', text: 'y', $when: '${!name}' },
      ],
    };
    const data = { count: 3, name: 'Alex' };
    expect(() => compileTemplate(template)?.expand(data)).toThrow(NeedsReferenceRenderer);
    expect(renderCard(template, data)).toEqual(library(template, data));
  });

  it('show typed text that looks like an expression as the words typed', () => {
    const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Note: ${note}' }] };
    const data = { note: '${$root.secret} and ${note}' };
    expect(compileTemplate(template)?.expand(data)).toEqual(library(template, data));
    expect(JSON.stringify(renderCard(template, data))).toContain('Note: ${$root.secret} and ${note}');
  });

  it('are not made for templates using what the compiler does not know, which the library then fills', () => {
    const template = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: "${concat(a, 'b')}" }] };
    expect(compileTemplate(template)).toBeUndefined();
    expect(renderCard(template, { a: 'a' })).toEqual(library(template, { a: 'a' }));
  });
});
