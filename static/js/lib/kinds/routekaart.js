// The routekaart: per step of the route, who holds the regie and who takes part. Everything
// that is particular to this kind is here, in the shape every kind has (kinds.js). No DOM.
//
// Answers use the slot keys "STEP/PARTNER" → role id and "STEP/vastgelegd" → true.
// Definitions (also in docs/deelcode.md):
// - a step is "ingevuld" (filled in) when at least one partner has a role chosen;
// - a step "zonder regie" is a filled-in step where no partner has regie (a step nobody has
//   touched yet is "nog open", not a gap: an empty form has no findings);
// - a step with "meer dan één regie" has two or more partners with regie;
// - a partner "zonder rol" has at least one role chosen, and none of them is regie or neemt deel;
// - a step "niet vastgelegd" has no tick for "de afspraken staan op papier";
// - coverage ("dekking") is the share of ALL steps with exactly one partner with regie, in whole
//   percents; it is provisional while a step is still open.

import { h } from '../view-tree.js';
import { table, chartView, listText } from '../view-parts.js';
import { barChart } from '../chart.js';
import { CHOICES } from '../code-packing.js';
import { round, spreadOf, delta, shareOf } from '../stats.js';
import { formatPercent, plural } from '../nl-format.js';
import { proposal } from '../proposal.js';

export const REGIE = 'regie';
export const NEEMT_DEEL = 'neemt_deel';

/** At least this share of those who answered a cell must agree for consensus (3 out of 4). */
export const CONSENSUS = 0.75;

const cellKey = (step, partner) => `${step.id}/${partner.id}`;
const writtenKey = (step) => `${step.id}/vastgelegd`;

/** Per step each partner's role, then whether the step is written down. */
function slots(instrument) {
  const options = instrument.roles.map((r) => r.id);
  return instrument.steps.flatMap((step, i) => {
    const where = `stap ${i + 1} (${step.title})`;
    const anchor = step.anchor ?? `stap-${step.id}`;
    return [
      ...instrument.partners.map((partner, j) => ({
        key: cellKey(step, partner),
        type: 'choice',
        options,
        label: `${where}, ${partner.title}`,
        control: step.cells?.[j] ?? `rol-${step.id}-${partner.id}`,
        anchor,
      })),
      { key: writtenKey(step), type: 'flag', label: `${where}, op papier`, control: step.written ?? `vastgelegd-${step.id}`, anchor },
    ];
  });
}

// ----- analysis -----------------------------------------------------------------------------

export function analyseRoutekaart(instrument, answers = {}) {
  const roleOf = (step, partner) => {
    const key = cellKey(step, partner);
    return Object.hasOwn(answers, key) ? answers[key] : null;
  };
  const steps = instrument.steps.map((step, index) => {
    const roles = instrument.partners.map((partner) => ({ partner: partner.id, title: partner.title, role: roleOf(step, partner) }));
    const regie = roles.filter((r) => r.role === REGIE);
    const answered = roles.filter((r) => r.role !== null).length;
    return {
      id: step.id,
      number: index + 1,
      title: step.title,
      roles,
      regie: regie.map((r) => r.partner),
      regieTitles: regie.map((r) => r.title),
      answered,
      total: roles.length,
      filled: answered > 0,
      written: answers[writtenKey(step)] === true,
    };
  });
  const partners = instrument.partners.map((partner) => {
    const roles = instrument.steps.map((step) => roleOf(step, partner)).filter((r) => r !== null);
    return {
      id: partner.id,
      title: partner.title,
      regie: roles.filter((r) => r === REGIE).length,
      neemtDeel: roles.filter((r) => r === NEEMT_DEEL).length,
      answered: roles.length,
    };
  });
  const cells = steps.reduce((n, s) => n + s.total, 0);
  const answered = steps.reduce((n, s) => n + s.answered, 0);
  const single = steps.filter((s) => s.regie.length === 1).length;
  return {
    steps,
    withoutRegie: steps.filter((s) => s.filled && s.regie.length === 0),
    multipleRegie: steps.filter((s) => s.regie.length > 1),
    open: steps.filter((s) => !s.filled),
    partnersWithoutRole: partners.filter((p) => p.answered > 0 && p.regie === 0 && p.neemtDeel === 0),
    notWritten: steps.filter((s) => !s.written),
    partners,
    coverage: steps.length ? Math.round((single / steps.length) * 100) : null,
    stepsWithOneRegie: single,
    answered,
    total: cells,
    provisional: answered < cells,
  };
}

// ----- the result ---------------------------------------------------------------------------

function stepName(s) {
  return `stap ${s.number} (${s.title})`;
}

function summary(a) {
  const parts = [];
  parts.push(a.answered === 0 ? 'Nog niets ingevuld.' : `Dekking ${formatPercent(a.coverage, 0)}.`);
  if (a.withoutRegie.length) parts.push(`${plural(a.withoutRegie.length, 'stap', 'stappen')} zonder regie.`);
  if (a.multipleRegie.length) parts.push(`${plural(a.multipleRegie.length, 'stap', 'stappen')} met meer dan één regie.`);
  parts.push(`${a.answered} van ${a.total} rollen ingevuld.`);
  return parts.join(' ');
}

function resultView(instrument, a) {
  const steps = instrument.steps.length;
  const findings = [];
  if (a.withoutRegie.length) findings.push(h('li', {}, h('strong', {}, 'Geen regie: '), `bij ${listText(a.withoutRegie.map(stepName))} heeft geen enkele partner de regie.`));
  if (a.multipleRegie.length) {
    findings.push(
      h('li', {}, h('strong', {}, 'Meer dan één regie: '), a.multipleRegie.map((s) => `bij ${stepName(s)} denken ${listText(s.regieTitles)} allemaal dat zij de regie hebben.`).join(' ')),
    );
  }
  if (a.partnersWithoutRole.length) findings.push(h('li', {}, h('strong', {}, 'Zonder rol: '), `${listText(a.partnersWithoutRole.map((p) => p.title))} ${a.partnersWithoutRole.length === 1 ? 'heeft' : 'hebben'} bij geen enkele stap een rol.`));
  if (a.answered > 0 && a.notWritten.length) findings.push(h('li', {}, h('strong', {}, 'Niet op papier: '), `de afspraken over ${listText(a.notWritten.map(stepName))} staan niet op papier.`));
  if (a.answered > 0 && a.open.length) findings.push(h('li', {}, h('strong', {}, 'Nog open: '), `bij ${listText(a.open.map(stepName))} is nog niets ingevuld.`));
  return h(
    'div',
    { class: 'uitslag' },
    a.answered === 0
      ? h('p', { class: 'uitslag__score' }, 'Er is nog geen uitslag. Kies per stap de rol van elke partner; de uitslag verschijnt hier terwijl je invult.')
      : h('p', { class: 'uitslag__score' }, h('strong', {}, `Dekking: ${formatPercent(a.coverage, 0)}`), ` – bij ${a.stepsWithOneRegie} van de ${steps} stappen heeft precies één partner de regie.`),
    h('p', { class: a.provisional ? 'uitslag__voorlopig' : null }, `${a.answered} van ${a.total} rollen ingevuld.`, a.provisional && a.answered > 0 ? ' Dit is een voorlopige uitslag.' : null),
    a.answered > 0 ? [h('h3', {}, 'Wat opvalt'), findings.length ? h('ul', { class: 'bevindingen' }, findings) : h('p', {}, 'Bij elke stap heeft precies één partner de regie, elke partner heeft een rol en alle afspraken staan op papier.')] : null,
    h('h3', {}, 'Regie per stap'),
    table(
      'Regie per stap',
      ['Stap', 'Regie', 'Neemt deel', 'Op papier'],
      a.steps.map((s) => [
        `${s.number}. ${s.title}`,
        s.regieTitles.length ? s.regieTitles.join(', ') : s.filled ? 'niemand' : 'nog open',
        s.roles.filter((r) => r.role === NEEMT_DEEL).map((r) => r.title).join(', ') || '–',
        s.written ? 'ja' : 'nee',
      ]),
    ),
  );
}

// ----- comparison ---------------------------------------------------------------------------

function compare(instrument, before, after) {
  const answerOf = (answers, key) => (Object.hasOwn(answers, key) ? answers[key] : null);
  const a = analyseRoutekaart(instrument, before);
  const b = analyseRoutekaart(instrument, after);
  const roleLabel = (id) => (id === null ? null : instrument.roles.find((r) => r.id === id)?.label ?? id);
  const steps = instrument.steps.map((step, i) => {
    const changes = [];
    for (const partner of instrument.partners) {
      const key = cellKey(step, partner);
      const was = answerOf(before, key);
      const now = answerOf(after, key);
      if (was !== now) changes.push({ partner: partner.id, title: partner.title, before: roleLabel(was), after: roleLabel(now) });
    }
    return {
      id: step.id,
      number: i + 1,
      title: step.title,
      regieBefore: a.steps[i].regieTitles,
      regieAfter: b.steps[i].regieTitles,
      writtenBefore: a.steps[i].written,
      writtenAfter: b.steps[i].written,
      changes,
    };
  });
  return {
    kind: 'routekaart',
    coverage: { before: a.coverage, after: b.coverage, delta: delta(a.coverage, b.coverage) },
    counts: [
      { label: 'Stappen met precies één partner met regie', before: a.stepsWithOneRegie, after: b.stepsWithOneRegie },
      { label: 'Stappen zonder regie', before: a.withoutRegie.length, after: b.withoutRegie.length },
      { label: 'Stappen met meer dan één regie', before: a.multipleRegie.length, after: b.multipleRegie.length },
      { label: 'Partners zonder rol', before: a.partnersWithoutRole.length, after: b.partnersWithoutRole.length },
      { label: 'Stappen met afspraken op papier', before: a.steps.length - a.notWritten.length, after: b.steps.length - b.notWritten.length },
    ],
    steps,
    changed: steps.filter((s) => s.changes.length || s.writtenBefore !== s.writtenAfter),
  };
}

function compareView(instrument, cmp) {
  return [
    table('Routekaart, eerder en nu', ['Wat', 'Eerder', 'Nu'], [
      ['Dekking', formatPercent(cmp.coverage.before, 0), formatPercent(cmp.coverage.after, 0)],
      ...cmp.counts.map((c) => [c.label, String(c.before), String(c.after)]),
    ]),
    h('h4', {}, 'Wat is veranderd per stap'),
    cmp.changed.length
      ? h(
          'ul',
          { class: 'veranderingen' },
          cmp.changed.map((s) =>
            h(
              'li',
              {},
              h('strong', {}, `Stap ${s.number}. ${s.title}: `),
              s.changes.map((c) => `${c.title}: eerder ${c.before ?? 'niet ingevuld'}, nu ${c.after ?? 'niet ingevuld'}.`).join(' '),
              s.writtenBefore !== s.writtenAfter ? ` Op papier: eerder ${s.writtenBefore ? 'ja' : 'nee'}, nu ${s.writtenAfter ? 'ja' : 'nee'}.` : null,
            ),
          ),
        )
      : h('p', {}, 'Er is niets veranderd.'),
  ];
}

// ----- the group result (workshop) ----------------------------------------------------------
//
// Per cell (step × partner): how many gave each role and how many left it open; the most chosen
// role and its share of the answers. A cell has consensus when that share is at least
// CONSENSUS; cells below it are listed, least agreement first. Per step: which partners got
// regie from how many participants, how many participants see exactly one, none or several
// partners with regie, and how many say it is written down.

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
    modalShare: round(share, 3),
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
    coverage: spreadOf(analyses.filter((a) => a.answered > 0).map((a) => a.coverage)),
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
      c.mean === null ? null : ` Dekking gemiddeld ${formatPercent(c.mean, 0)}, van ${formatPercent(c.min, 0)} tot ${formatPercent(c.max, 0)}.`,
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

// ----- proposals for the werkagenda ----------------------------------------------------------

function proposals(instrument, answers) {
  const a = analyseRoutekaart(instrument, answers);
  const out = [];
  for (const step of a.steps.filter((s) => s.filled)) {
    const def = instrument.steps.find((s) => s.id === step.id);
    const common = { theme: def?.agenda ?? null, source: `${instrument.title}, stap ${step.number}: ${step.title}` };
    if (step.regie.length === 0) {
      out.push(proposal(instrument, `geen-regie/${step.id}`, {
        ...common,
        action: `Spreek af wie de regie heeft bij "${step.title}".`,
        goal: 'Bij deze stap weet iedereen wie de regie heeft.',
        context: 'Bij deze stap heeft nu geen enkele partner de regie.',
      }));
    }
    if (step.regie.length > 1) {
      out.push(proposal(instrument, `meer-regie/${step.id}`, {
        ...common,
        action: `Spreek af wie van ${listText(step.regieTitles)} de regie heeft bij "${step.title}", en wat de anderen dan doen.`,
        goal: 'Bij deze stap heeft één partner de regie.',
        context: `Nu denken ${listText(step.regieTitles)} allemaal dat zij de regie hebben.`,
      }));
    }
    if (!step.written) {
      out.push(proposal(instrument, `niet-op-papier/${step.id}`, {
        ...common,
        action: `Leg de afspraken over "${step.title}" vast op papier en deel ze met alle partners.`,
        goal: 'Iedereen kan nalezen wie wat doet bij deze stap.',
        context: 'De afspraken over deze stap staan nu niet op papier.',
      }));
    }
  }
  for (const partner of a.partnersWithoutRole) {
    const def = instrument.partners.find((p) => p.id === partner.id);
    out.push(proposal(instrument, `geen-rol/${partner.id}`, {
      theme: def?.agenda ?? null,
      action: `Bespreek met ${partner.title} bij welke stappen zij een rol hebben.`,
      context: `${partner.title} heeft nu bij geen enkele stap van de route een rol.`,
      source: `${instrument.title}, partner: ${partner.title}`,
    }));
  }
  return out;
}

export const routekaart = {
  answerable: true,
  hasNotes: false,
  agendaRank: 2,
  agendaHint: 'Daarna: bij welke stap heeft niemand de regie, of denken twee partners dat zij die hebben?',
  codec: CHOICES,
  slots,
  analyse: (instrument, answers) => analyseRoutekaart(instrument, answers),
  summary,
  resultView,
  compare,
  compareView,
  aggregate,
  groupView,
  groupSummary,
  slides,
  csvRows,
  proposals,
};
