import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './generated/index.js';
import type { SeedHistoryConferencesQueryVariables } from './generated/graphql.js';
import { startTestApp, type TestApp } from './support/app.js';

/**
 * The SMS conferences before 2007, known only because both 2007 documents
 * say the conference "has run since the introduction of the SMS framework in
 * 2001" and that "the focus of previous SMS conferences is attached at tag A"
 * (an attachment that is not at hand).
 */

const EVENT_PAGE = 'sms-2007-event-page';
const MEDIA_STATEMENT = 'sms-2007-media-statement';
const EARLIER_YEARS = [2001, 2002, 2003, 2004, 2005, 2006];

const SeedHistoryConferences = graphql(`
  query SeedHistoryConferences($filter: ConferenceFilter, $first: Int) {
    conferences(filter: $filter, first: $first) {
      totalCount
      nodes {
        year
        title
        documentation
        startDate
        endDate
        venue {
          name
        }
        theme
        series {
          slug
        }
      }
    }
  }
`);

const SeedHistoryEdition = graphql(`
  query SeedHistoryEdition($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      year
      documentation
      focus
      days {
        number
      }
      objectives {
        text
      }
      sources {
        key
      }
      priorConferences {
        year
        documentation
      }
      annexes {
        label
        available
        source {
          key
        }
        conferences {
          year
        }
      }
      citations {
        excerpt
        source {
          key
        }
      }
    }
  }
`);

const SeedHistorySources = graphql(`
  query SeedHistorySources {
    sources(first: 10) {
      nodes {
        key
        text
        annexes {
          label
          description
          available
          conferences {
            year
            documentation
            series {
              slug
            }
          }
          citations {
            excerpt
            source {
              key
            }
          }
        }
      }
    }
  }
`);

const SeedHistorySeries = graphql(`
  query SeedHistorySeries {
    conferenceSeries {
      slug
      name
      organiser {
        acronym
      }
      conferences(first: 20) {
        totalCount
        nodes {
          year
        }
      }
    }
  }
`);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

async function edition(year: number) {
  const response = await app.graphql(SeedHistoryEdition, { series: 'sms', year });
  expect(response.errors).toBeUndefined();
  return response.data!.conference!;
}

async function conferences(variables: SeedHistoryConferencesQueryVariables) {
  const response = await app.graphql(SeedHistoryConferences, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.conferences;
}

describe('the SMS conferences of 2001 to 2006', () => {
  it('exist for every year from 2001 to 2006, each REFERENCED rather than documented', async () => {
    const referenced = await conferences({ filter: { seriesSlug: 'sms', fromYear: 2001, toYear: 2006 } });
    expect(referenced.totalCount).toBe(6);
    expect(referenced.nodes.map((conference) => [conference.year, conference.documentation, conference.series.slug])).toEqual([
      [2006, 'REFERENCED', 'sms'],
      [2005, 'REFERENCED', 'sms'],
      [2004, 'REFERENCED', 'sms'],
      [2003, 'REFERENCED', 'sms'],
      [2002, 'REFERENCED', 'sms'],
      [2001, 'REFERENCED', 'sms'],
    ]);
  });

  it('are the six conferences found by documentation: REFERENCED', async () => {
    const referenced = await conferences({ filter: { documentation: 'REFERENCED' } });
    expect(referenced.totalCount).toBe(6);
    expect(referenced.nodes.map((conference) => conference.year)).toEqual([2006, 2005, 2004, 2003, 2002, 2001]);
  });

  it('carry no dates, venue, theme or programme, since no source states them', async () => {
    const referenced = await conferences({ filter: { documentation: 'REFERENCED' } });
    for (const conference of referenced.nodes) {
      expect({ year: conference.year, startDate: conference.startDate, endDate: conference.endDate, venue: conference.venue, theme: conference.theme }).toEqual({
        year: conference.year,
        startDate: null,
        endDate: null,
        venue: null,
        theme: null,
      });
    }
    const sms2004 = await edition(2004);
    expect(sms2004.days).toEqual([]);
    expect(sms2004.objectives).toEqual([]);
    expect(sms2004.sources).toEqual([]);
  });

  it('are each cited from both 2007 documents, which say the conference has run annually since 2001', async () => {
    for (const year of EARLIER_YEARS) {
      const { citations } = await edition(year);
      const since2001 = citations.filter((citation) => citation.excerpt.includes('since the introduction of the SMS framework in'));
      expect({ year, sources: since2001.map((citation) => citation.source.key).sort() }).toEqual({
        year,
        sources: [EVENT_PAGE, MEDIA_STATEMENT],
      });
    }
  });

  it('the 2002 edition focused on consulting SMS members on professional aspects, which led to an attempt at a professional association', async () => {
    const sms2002 = await edition(2002);
    expect(sms2002.documentation).toBe('REFERENCED');
    expect(sms2002.focus).toMatch(/consult/i);
    expect(sms2002.focus).toContain('professional aspects of the SMS');
    expect(sms2002.focus).toContain('attempt to establish a professional association for the SMS');
  });

  it('the 2002 focus is cited from both 2007 documents, verbatim', async () => {
    const sms2002 = await edition(2002);
    const about2002 = sms2002.citations.filter((citation) => citation.excerpt.includes('2002 SMS conference'));
    expect(about2002.map((citation) => [citation.source.key, citation.excerpt]).sort()).toEqual([
      [
        EVENT_PAGE,
        'the only SMS conference that focused on formal consultation with SMS members was the 2002 SMS conference which consulted members on professional aspects of the SMS. This resulted in an attempt to establish a professional association for the SMS.',
      ],
      [
        MEDIA_STATEMENT,
        'the only SMS conference that focused on\nformal consultation with SMS members was the 2002 SMS conference which\nconsulted members on professional aspects of the SMS. This resulted in an\nattempt to establish a professional association for the SMS.',
      ],
    ]);
  });

  it('no other earlier edition has a focus, since only 2002 is described', async () => {
    for (const year of [2001, 2003, 2004, 2005, 2006]) {
      expect({ year, focus: (await edition(year)).focus }).toEqual({ year, focus: null });
    }
  });
});

describe('the 2007 edition and the editions before it', () => {
  it("the 2007 conference's prior conferences are exactly 2001 to 2006, oldest first", async () => {
    const sms2007 = await edition(2007);
    expect(sms2007.priorConferences).toEqual(EARLIER_YEARS.map((year) => ({ year, documentation: 'REFERENCED' })));
  });

  it('the 2007 conference shows the "tag A" annex of each of its two sources, neither at hand', async () => {
    const sms2007 = await edition(2007);
    expect(
      sms2007.annexes
        .map((annex) => ({ source: annex.source.key, label: annex.label, available: annex.available, years: annex.conferences.map((c) => c.year) }))
        .sort((a, b) => a.source.localeCompare(b.source)),
    ).toEqual([
      { source: EVENT_PAGE, label: 'tag A', available: false, years: EARLIER_YEARS },
      { source: MEDIA_STATEMENT, label: 'tag A', available: false, years: EARLIER_YEARS },
    ]);
  });

  it('both 2007 sources have an annex "tag A", not available, listing the SMS conferences of 2001 to 2006', async () => {
    const response = await app.graphql(SeedHistorySources, {});
    expect(response.errors).toBeUndefined();
    const byKey = new Map(response.data!.sources.nodes.map((source) => [source.key, source]));
    for (const key of [EVENT_PAGE, MEDIA_STATEMENT]) {
      const source = byKey.get(key)!;
      expect(source.annexes.map((annex) => annex.label)).toEqual(['tag A']);
      const [tagA] = source.annexes;
      expect(tagA!.available).toBe(false);
      expect(tagA!.description).toMatch(/focus of previous SMS conferences/i);
      expect(tagA!.conferences.map((conference) => [conference.series.slug, conference.year, conference.documentation])).toEqual(
        EARLIER_YEARS.map((year) => ['sms', year, 'REFERENCED']),
      );
    }
    expect(byKey.get('semsd-department-profile')!.annexes).toEqual([]);
  });

  it('cites each "tag A" with its own source\'s sentence, verbatim', async () => {
    const response = await app.graphql(SeedHistorySources, {});
    expect(response.errors).toBeUndefined();
    const byKey = new Map(response.data!.sources.nodes.map((source) => [source.key, source]));
    const eventPage = byKey.get(EVENT_PAGE)!;
    const mediaStatement = byKey.get(MEDIA_STATEMENT)!;
    expect(eventPage.annexes[0]!.citations).toEqual([
      { excerpt: 'the focus of previous SMS conferences is attached at tag A.', source: { key: EVENT_PAGE } },
    ]);
    expect(mediaStatement.annexes[0]!.citations).toEqual([
      { excerpt: 'The focus of previous SMS conferences is attached at tag A.', source: { key: MEDIA_STATEMENT } },
    ]);
    expect(eventPage.text).toContain('the focus of previous SMS conferences is attached at tag A.');
    expect(mediaStatement.text).toContain('The focus of previous SMS conferences is attached at tag A.');
  });

  it('an earlier edition has no prior conferences of its own, as no source describes it', async () => {
    const sms2004 = await edition(2004);
    expect(sms2004.priorConferences).toEqual([]);
    expect(sms2004.annexes).toEqual([]);
  });
});

describe('browsing editions', () => {
  it('lists conferences newest first: 2007, then 2006 down to 2001', async () => {
    const all = await conferences({});
    expect(all.totalCount).toBe(7);
    expect(all.nodes.map((conference) => [conference.year, conference.documentation])).toEqual([
      [2007, 'DOCUMENTED'],
      [2006, 'REFERENCED'],
      [2005, 'REFERENCED'],
      [2004, 'REFERENCED'],
      [2003, 'REFERENCED'],
      [2002, 'REFERENCED'],
      [2001, 'REFERENCED'],
    ]);
  });

  it('pages newest first too: the first three are 2007, 2006, 2005', async () => {
    const firstThree = await conferences({ first: 3 });
    expect(firstThree.totalCount).toBe(7);
    expect(firstThree.nodes.map((conference) => conference.year)).toEqual([2007, 2006, 2005]);
  });

  it('DOCUMENTED finds only the 2007 edition', async () => {
    const documented = await conferences({ filter: { documentation: 'DOCUMENTED' } });
    expect(documented.totalCount).toBe(1);
    expect(documented.nodes.map((conference) => [conference.year, conference.title])).toEqual([
      [2007, 'Senior Management Service Conference 2007'],
    ]);
  });

  it('the SMS series is organised by the DPSA and holds the seven editions, newest first', async () => {
    const response = await app.graphql(SeedHistorySeries, {});
    expect(response.errors).toBeUndefined();
    const sms = response.data!.conferenceSeries.find((series) => series.slug === 'sms')!;
    expect(sms.name).toBe('Senior Management Service Conference');
    expect(sms.organiser).toEqual({ acronym: 'DPSA' });
    expect(sms.conferences.totalCount).toBe(7);
    expect(sms.conferences.nodes.map((conference) => conference.year)).toEqual([2007, 2006, 2005, 2004, 2003, 2002, 2001]);
  });
});
