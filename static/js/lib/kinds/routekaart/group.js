// The group result of a route, for the workshop page. No DOM.
//
// Per cell (step × partner): how many gave each role and how many left it open; the most chosen
// role and its share of the answers. A cell has consensus when that share is at least
// CONSENSUS; cells below it are listed, least agreement first. Per step: which partners got
// regie from how many participants, how many participants see exactly one, none or several
// partners with regie, and how many say it is written down.

import { h } from '../../view-tree.js';
import { table, chartView } from '../../view-parts.js';
import { barChart } from '../../chart.js';
import { round, spreadOf, shareOf } from '../../stats.js';
import { formatPercent, plural } from '../../nl-format.js';
import { cellKey, writtenKey } from './kind.js';
import { analyseRoutekaart, REGIE, CONSENSUS } from './analysis.js';

function cellOf(instrument, step, partner, participants) {
  const key = cellKey(step, partner);
  const roles = instrument.roles.map((r) => ({ id: r.id, label: r.label, count: 0 }));
  let open = 0;
  for (const p of participants) {
    const role = roles.find((r) => r.id === p.answers[key]);
    if (role) role.count += 1;
    else open += 1;
  }
  const answered = participants.length - open;
  const top = Math.max(0, ...roles.map((r) => r.count));
  const modal = answered ? roles.filter((r) => r.count === top) : [];
  const share = answered ? top / answered : null;
  return {
    step: step.id,
    partner: partner.id,
    partnerTitle: partner.title,
    roles,
    open,
    answered,
    modal: modal.map((r) => r.id),
    modalShare: share,
    consensus: answered > 0 && share >= CONSENSUS,
  };
}

function aggregate(instrument, participants) {
  const analyses = participants.map((p) => analyseRoutekaart(instrument, p.answers));
  const steps = instrument.steps.map((step, index) => {
    const cells = instrument.partners.map((partner) => cellOf(instrument, step, partner, participants));
    const regie = cells
      .map((c) => ({ partner: c.partner, title: c.partnerTitle, count: c.roles.find((r) => r.id === REGIE)?.count ?? 0 }))
      .filter((r) => r.count > 0)
      .sort((a, b) => b.count - a.count);
    const views = analyses.map((a) => a.steps[index]);
    return {
      id: step.id,
      number: index + 1,
      title: step.title,
      description: step.description ?? null,
      cells,
      regie,
      oneRegie: views.filter((s) => s.regie.length === 1).length,
      noRegie: views.filter((s) => s.filled && s.regie.length === 0).length,
      moreRegie: views.filter((s) => s.regie.length > 1).length,
      notFilled: views.filter((s) => !s.filled).length,
      written: participants.filter((p) => p.answers[writtenKey(step)] === true).length,
      withoutConsensus: cells.filter((c) => c.answered > 0 && !c.consensus).length,
    };
  });
  const cells = steps.flatMap((s) => s.cells.map((c) => ({ ...c, stepNumber: s.number, stepTitle: s.title })));
  const withoutConsensus = cells
    .filter((c) => c.answered > 0 && !c.consensus)
    .sort((a, b) => a.modalShare - b.modalShare || a.stepNumber - b.stepNumber);
  return {
    kind: 'routekaart',
    participants: participants.length,
    consensusThreshold: CONSENSUS,
    steps,
    withoutConsensus,
    unanswered: cells.filter((c) => c.answered === 0).length,
    cells: cells.length,
    coverage: spreadOf(analyses.filter((a) => a.answered > 0).map((a) => a.coverageExact)),
  };
}

function roleCount(cell, id) {
  return cell.roles.find((r) => r.id === id)?.count ?? 0;
}

function modalText(instrument, cell) {
  if (!cell.answered) return 'nog niemand';
  const labels = cell.modal.map((id) => instrument.roles.find((r) => r.id === id)?.label ?? id);
  const count = roleCount(cell, cell.modal[0]);
  return `${labels.join(' / ')} (${count} van ${cell.answered})`;
}

function regieText(step) {
  if (!step.regie.length) return 'Niemand gaf een partner de regie.';
  return `Regie volgens de groep: ${step.regie.map((r) => `${r.title} (${r.count})`).join(', ')}.`;
}

function stepFacts(step, n) {
  return `Precies één partner met regie: ${step.oneRegie} · meer dan één: ${step.moreRegie} · geen regie: ${step.noRegie} · nog niet ingevuld: ${step.notFilled} · op papier volgens ${step.written} van ${n}.`;
}

function stepTable(instrument, step) {
  return table(
    `Rollen bij stap ${step.number}: ${step.title}`,
    ['Partner', ...instrument.roles.map((r) => r.label), 'Open', 'Eens (drie kwart of meer)'],
    step.cells.map((c) => [c.partnerTitle, ...instrument.roles.map((r) => String(roleCount(c, r.id))), String(c.open), c.answered ? (c.consensus ? 'ja' : 'nee') : '–']),
  );
}

function groupView(instrument, agg) {
  const c = agg.coverage;
  return h(
    'div',
    { class: 'groep' },
    h(
      'p',
      { class: 'uitslag__score' },
      `${plural(agg.participants, 'deelnemer', 'deelnemers')}. Bij ${agg.withoutConsensus.length} van de ${agg.cells} cellen is de groep het niet eens.`,
      c.mean === null ? null : ` Stappen met één regie: gemiddeld ${formatPercent(c.mean, 0)}, van ${formatPercent(c.min, 0)} tot ${formatPercent(c.max, 0)}.`,
    ),
    h('p', {}, `Een cel is één partner bij één stap. De groep is het eens als minstens drie van de vier deelnemers die de cel invulden dezelfde rol kozen.`),
    h('h3', {}, 'Waar de groep het niet eens is'),
    agg.withoutConsensus.length
      ? table(
          'Cellen zonder eensgezindheid, de grootste verschillen eerst',
          ['Stap en partner', ...instrument.roles.map((r) => r.label), 'Open', 'Meest gekozen'],
          agg.withoutConsensus.map((cell) => [`Stap ${cell.stepNumber} (${cell.stepTitle}), ${cell.partnerTitle}`, ...instrument.roles.map((r) => String(roleCount(cell, r.id))), String(cell.open), modalText(instrument, cell)]),
        )
      : h('p', {}, agg.participants ? 'Bij elke ingevulde cel koos minstens drie kwart van de groep dezelfde rol.' : 'Nog geen uitslagen.'),
    agg.unanswered ? h('p', {}, `${plural(agg.unanswered, 'cel heeft', 'cellen hebben')} nog van niemand een antwoord.`) : null,
    h('h3', {}, 'Per stap'),
    agg.steps.map((step) => h('section', { class: 'groep__stap', 'aria-label': `Stap ${step.number}: ${step.title}` }, h('h4', {}, `Stap ${step.number}. ${step.title}`), h('p', {}, regieText(step)), h('p', { class: 'groep__cijfers' }, stepFacts(step, agg.participants)), stepTable(instrument, step))),
  );
}

function groupSummary(agg, n) {
  return `${n}, ${plural(agg.withoutConsensus.length, 'cel', 'cellen')} zonder eensgezindheid.`;
}

/** Per step of the route: who has regie according to the group, the table and the bars. */
function slides(instrument, agg) {
  return agg.steps.map((step) => ({
    unit: 'Stap',
    heading: `Stap ${step.number}. ${step.title}`,
    body: [
      step.description ? h('p', {}, step.description) : null,
      h('p', { class: 'projectie__cijfers' }, regieText(step)),
      stepTable(instrument, step),
      chartView(
        barChart(step.cells.map((c) => ({ title: `${c.partnerTitle} (${roleCount(c, REGIE)})`, score: shareOf(roleCount(c, REGIE), agg.participants) })), { title: `Regie bij stap ${step.number}, volgens de groep` }),
        `dia-${step.id}`,
      ),
      h('p', {}, stepFacts(step, agg.participants)),
    ],
  }));
}

function csvRows(instrument, agg) {
  const roles = instrument.roles;
  const label = (id) => roles.find((r) => r.id === id)?.label ?? id;
  const cells = agg.steps.flatMap((s) =>
    s.cells.map((c) => [s.number, s.title, c.partnerTitle, ...roles.map((r) => c.roles.find((x) => x.id === r.id)?.count ?? 0), c.open, c.modal.map(label).join(' / '), c.modalShare === null ? null : Math.round(c.modalShare * 1000) / 10, c.answered ? c.consensus : null]),
  );
  return [
    ['Stap', 'Titel', 'Partner', ...roles.map((r) => r.label), 'Open', 'Meest gekozen', 'Deel meest gekozen (%)', 'Eens (drie kwart of meer)'],
    ...cells,
    [],
    ['Stap', 'Titel', 'Regie volgens de groep', 'Precies één regie', 'Meer dan één regie', 'Geen regie', 'Niet ingevuld', 'Op papier'],
    ...agg.steps.map((s) => [s.number, s.title, s.regie.map((r) => `${r.title} (${r.count})`).join(', '), s.oneRegie, s.moreRegie, s.noRegie, s.notFilled, s.written]),
  ];
}

export const group = { aggregate, groupView, groupSummary, slides, csvRows };
