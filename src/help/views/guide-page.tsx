import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import type { PageContext } from '../../views/context.js';
import { Layout } from '../../views/layout.js';
import { guideHref, guides, h, HELP_PATH, type GuideKey } from '../guides.js';

/** One guide: an article with its title, a short summary box, the body, and the other guides. */
export function GuidePage(props: {
  ctx: PageContext;
  guide: GuideKey;
  minutes: number;
  brief: string[];
  children: ComponentChildren;
}) {
  const guide = guides[props.guide];
  const crumbs = [
    { href: '/admin', label: t.nav.admin },
    { href: HELP_PATH, label: h.indexTitle },
  ];
  return (
    <Layout ctx={props.ctx} title={guide.title} crumbs={crumbs}>
      <article class="help-guide">
        <header>
          <h1>{guide.title}</h1>
          <p class="lead">{guide.summary}</p>
          <p class="muted">{h.readingTime(props.minutes)}</p>
        </header>
        <aside class="card help-brief" aria-labelledby="ringkas">
          <h2 class="card__title" id="ringkas">
            {h.inBrief}
          </h2>
          <ul>
            {props.brief.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </aside>
        {props.children}
        <p>{h.askHelp}</p>
      </article>
      <nav aria-labelledby="panduan-lain" class="help-nav">
        <h2 id="panduan-lain">{h.otherGuides}</h2>
        <ul>
          {(Object.keys(guides) as GuideKey[])
            .filter((key) => key !== props.guide)
            .map((key) => (
              <li key={key}>
                <a href={guideHref(key)}>{guides[key].title}</a>
              </li>
            ))}
          <li>
            <a href={HELP_PATH}>{h.backToIndex}</a>
          </li>
        </ul>
      </nav>
    </Layout>
  );
}

export function HelpIndexPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title={h.indexTitle} crumbs={[{ href: '/admin', label: t.nav.admin }]}>
      <h1>{h.indexTitle}</h1>
      <p class="lead">{h.indexIntro}</p>
      <ul class="help-index">
        {(Object.keys(guides) as GuideKey[]).map((key) => (
          <li key={key}>
            <h2>
              <a href={guideHref(key)}>{guides[key].title}</a>
            </h2>
            <p>{guides[key].summary}</p>
          </li>
        ))}
      </ul>
      <p>{h.askHelp}</p>
    </Layout>
  );
}
