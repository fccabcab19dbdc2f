// How each line looks. Two topics with the same counts every year draw the
// same line; colour alone would leave only the one drawn last visible, and
// colour alone fails readers who do not see it. So each line also gets a dash
// pattern and a point shape of its own: the colour follows the topic (its
// sessions and conferences share it), dash and shape follow the line's place
// in the chart, and the cycles' lengths (10, 6, 8) repeat a combination only
// after 120 lines.

// Colour-blind-friendly (Okabe–Ito), then a few more.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#8C564B', '#7F7F7F', '#BCBD22'];
export const DASHES = [[], [10, 5], [3, 3], [14, 4, 3, 4], [6, 3], [2, 6]];
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'];

/**
 * The style of line number `lineIndex` (in drawing order) for the topic at
 * `topicIndex`: conferences thinner with hollow points, sessions and shares
 * with filled ones, so a topic's two lines differ even where they coincide.
 */
export function seriesStyle(lineIndex, topicIndex, measure) {
  const colour = PALETTE[topicIndex % PALETTE.length];
  const hollow = measure === 'conferenceCount';
  return {
    colour,
    borderDash: DASHES[lineIndex % DASHES.length],
    pointStyle: POINT_STYLES[lineIndex % POINT_STYLES.length],
    borderWidth: hollow ? 1.5 : 2.5,
    pointBackgroundColor: hollow ? '#ffffff' : colour,
  };
}
