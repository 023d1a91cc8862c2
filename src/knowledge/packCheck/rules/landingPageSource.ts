/**
 * landing-page source: "KCSIE" as a source makes a reader hunt through 180 pages; a link to the part or
 * chapter lets them check the card in a minute. A warning, because the landing page is not wrong.
 */
import type { Finding, PackRule } from '../finding';
import { LANDING_PAGES } from '../tables';

export const landingPageSource: PackRule = (pack) => {
  const answerSources = pack.answers.flatMap((answer) => answer.sources.map((source) => ({ file: answer.file, url: source.url })));
  const contactSources = pack.contacts.map((contact) => ({ file: 'contacts.yaml', url: contact.source }));
  return [...answerSources, ...contactSources].flatMap(({ file, url }) => {
    const landing = LANDING_PAGES.find((page) => comparable(page.url) === comparable(url));
    if (!landing) return [];
    return [
      {
        severity: 'warning',
        file,
        rule: 'landing-page source',
        message: `${url} is the landing page of "${landing.document}": link the part, chapter or annex the answer relies on instead.`,
      } satisfies Finding,
    ];
  });
};

function comparable(url: string): string {
  return url.trim().replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/^http:/, 'https:').toLowerCase();
}
