import { describe, expect, it } from 'vitest';
import { groupQuoteContinuations } from '../src/passages/pack.js';
import { quoteOpenAfter, type QuoteKind } from '../src/text/quotes.js';

const openAfter = (text: string, from: QuoteKind | null = null): boolean => quoteOpenAfter(text, from) !== null;

describe('quoteOpenAfter (the quote scanner, as passage packing uses it)', () => {
  it('sees a single-quoted quotation left open for the next paragraph (Daily Mail)', () => {
    expect(
      openAfter(
        'Sir Keir continued: ‘He’s tried to distract from peace efforts, with unfounded claims of attacks on his residence. This only hardens our resolve.',
      ),
    ).toBe(true);
  });

  it('sees a closed quotation followed by its attribution, past apostrophes and a mistyped ‘s', () => {
    expect(openAfter('‘This is a vital part of our commitment to stand with Ukraine for the long-term,’ he added.')).toBe(false);
    expect(
      openAfter(
        'The Paris talks were also attended by Steve Witkoff, who is Donald Trump‘s peace envoy, and Jared Kushner, the US President’s son-in-law.',
      ),
    ).toBe(false);
  });

  it('counts a quotation nested in a single-quoted one', () => {
    expect(
      openAfter(
        '‘Alongside our plans for a coordination cell, post-ceasefire the UK and France will also establish ‘military hubs’ across Ukraine to enable the deployment and build protected facilities for weapons and military equipment to support Ukraine’s defensive needs.’',
      ),
    ).toBe(false);
  });

  it('treats a quote mark opening a continuation paragraph as a reopening (The Independent)', () => {
    const first = quoteOpenAfter(
      'He added: “Those security protocols are meant to a) deter any further attacks in Ukraine; and b) if there are any attacks, they’re meant to defend. And they will do both.',
    );
    expect(first).not.toBeNull();
    expect(openAfter('“They are as strong as anyone has ever seen.”', first)).toBe(false);
  });

  it('follows straight quotes reopened sentence by sentence inside one scraped block (LBC)', () => {
    const speaker =
      'Sir Keir said: "It\'s important we\'re starting the year like this - European and American allies, side by side with (Ukrainian) president (Volodymyr) Zelensky, standing for peace.';
    const state = quoteOpenAfter(speaker);
    expect(state).not.toBeNull();
    const next = quoteOpenAfter('"And we are closer to that goal than ever.', state);
    expect(next).not.toBeNull();
    expect(
      openAfter(
        '"The purpose of the coalition of the willing is to help deliver a peace that can last, and to work with the US to guarantee Ukraine security for the long-term."',
        next,
      ),
    ).toBe(false);
    expect(
      openAfter(
        'The Ukrainian President told the press conference today\'s announcement is a "huge step forward" while US envoy Jared Kushner described it as a "very, very big milestone".',
      ),
    ).toBe(false);
  });
});

describe('groupQuoteContinuations', () => {
  it('groups a paragraph with the quotation it continues, and only then', () => {
    const paragraphs = [
      'Sir Keir described the Paris agreement as a ‘declaration of intent on the deployment of forces to Ukraine in the event of a peace deal’.',
      '‘This is a vital part of our commitment to stand with Ukraine for the long-term,’ he added.',
      '‘It paves the way for the legal framework under which British, French, and partner forces could operate on Ukrainian soil, securing Ukraine’s skies and seas, and regenerating Ukraine’s armed forces for the future.',
      '‘We discussed these issues in detail today, and so I can say that following a ceasefire, the UK and France will establish military hubs across Ukraine and build protected facilities for weapons of military equipment to support Ukraine’s defensive needs.’',
      'Sir Keir said the UK would participate in any US-led verification of any ceasefire and support the long-term provision of arms for Ukraine’s defence.',
    ];
    expect(groupQuoteContinuations(paragraphs).map((g) => g.length)).toEqual([1, 1, 2, 1]);
  });
});
