/** The text routes see: every mention of the bot gone, whatever shape Teams gave it, and entities decoded. */
import { describe, expect, it } from 'vitest';
import { cleanMessageText, decodeHtmlEntities, mentionsBot } from '../../src/conversation/inboundText';

const BOT = { id: '28:bot-app-id', name: 'Safeguarding assistant' };
const recipient = BOT;
const mention = (text: string | undefined, mentioned: { id: string; name?: string } = BOT) => ({ type: 'mention', text, mentioned });

describe('cleaning message text', () => {
  const cases: Array<[string, { text: unknown; entities?: unknown }, string]> = [
    [
      'one mention entity',
      { text: '<at>Safeguarding assistant</at> help', entities: [mention('<at>Safeguarding assistant</at>')] },
      'help',
    ],
    [
      'the name as two mention entities',
      {
        text: '<at>Safeguarding</at> <at>assistant</at> what is a LADO',
        entities: [mention('<at>Safeguarding</at>'), mention('<at>assistant</at>')],
      },
      'what is a LADO',
    ],
    ['an entity with no text', { text: '<at>Safeguarding assistant</at> help', entities: [mention(undefined)] }, 'help'],
    [
      '&nbsp; after the mention',
      { text: '<at>Safeguarding assistant</at>&nbsp;help', entities: [mention('<at>Safeguarding assistant</at>')] },
      'help',
    ],
    [
      'a literal no-break space',
      { text: '<at>Safeguarding assistant</at>\u00a0help', entities: [mention('<at>Safeguarding assistant</at>')] },
      'help',
    ],
    [
      'the mention twice',
      {
        text: '<at>Safeguarding assistant</at> help <at>Safeguarding assistant</at>',
        entities: [mention('<at>Safeguarding assistant</at>')],
      },
      'help',
    ],
    ['an <at> tag with no entity', { text: '<at>Safeguarding assistant</at> status', entities: [] }, 'status'],
    [
      'someone else mentioned: their name kept as text',
      {
        text: '<at>Safeguarding assistant</at> ask <at>Jo Bloggs</at>',
        entities: [mention('<at>Safeguarding assistant</at>'), mention('<at>Jo Bloggs</at>', { id: '29:jo', name: 'Jo Bloggs' })],
      },
      'ask Jo Bloggs',
    ],
    [
      'HTML entities',
      { text: 'what&#39;s &quot;CIN&quot; &amp; CP &lt;level 4&gt; &#x2014; now' },
      'what\'s "CIN" & CP <level 4> \u2014 now',
    ],
    ['entities inside the bot’s name', { text: '<at>Safeguarding&nbsp;assistant</at> help', entities: [] }, 'help'],
    ['text that is not a string', { text: 42 }, ''],
  ];

  it.each(cases)('%s', (_label, activity, expected) => {
    expect(cleanMessageText({ recipient, ...activity }) ?? '').toBe(expected);
  });

  it('decodes once: "&amp;lt;" stays as the text "&lt;"', () => {
    expect(decodeHtmlEntities('&amp;lt;')).toBe('&lt;');
  });

  it('leaves unknown or impossible entities as typed', () => {
    expect(decodeHtmlEntities('&bogus; &#0; &#xD800; &#99999999;')).toBe('&bogus; &#0; &#xD800; &#99999999;');
  });
});

describe('does the message mention the bot?', () => {
  it('yes, by an entity naming the bot’s id', () => {
    expect(mentionsBot({ recipient, text: '<at>SA</at> hi', entities: [mention('<at>SA</at>')] })).toBe(true);
  });

  it('yes, by an <at> tag with the bot’s name even without an entity', () => {
    expect(mentionsBot({ recipient, text: '<at>Safeguarding assistant</at> hi' })).toBe(true);
  });

  it('no, when only someone else is mentioned', () => {
    expect(mentionsBot({ recipient, text: '<at>Jo</at> hi', entities: [mention('<at>Jo</at>', { id: '29:jo', name: 'Jo' })] })).toBe(false);
  });

  it('no, when entities are junk', () => {
    expect(mentionsBot({ recipient, text: 'hi', entities: [null, 3, { type: 'mention' }, { type: 'mention', mentioned: null }] })).toBe(
      false,
    );
  });
});
