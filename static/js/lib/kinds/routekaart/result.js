// The result of one route as the instrument page shows it: coverage, what stands out, regie per
// step, and the comparison with an earlier result. No DOM.

import { h } from '../../view-tree.js';
import { table, listText } from '../../view-parts.js';
import { delta } from '../../stats.js';
import { formatPercent, plural } from '../../nl-format.js';
import { cellKey } from './kind.js';
import { analyseRoutekaart, NEEMT_DEEL } from './analysis.js';

function stepName(s) {
  return `stap ${s.number} (${s.title})`;
}

function summary(a) {
  const parts = [];
  parts.push(a.answered === 0 ? 'Nog niets ingevuld.' : `Stappen met één regie: ${formatPercent(a.coverage, 0)}.`);
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
      : h('p', { class: 'uitslag__score' }, h('strong', {}, `Stappen met één regie: ${formatPercent(a.coverage, 0)}`), ` – bij ${a.stepsWithOneRegie} van de ${steps} stappen heeft precies één partner de regie.`),
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
      null,
      { captionShown: false },
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
      { label: 'Stappen met afspraken op papier', before: a.steps.filter((s) => s.written).length, after: b.steps.filter((s) => s.written).length },
    ],
    steps,
    changed: steps.filter((s) => s.changes.length || s.writtenBefore !== s.writtenAfter),
  };
}

function compareView(instrument, cmp) {
  return [
    table('Routekaart, eerder en nu', ['Wat', 'Eerder', 'Nu'], [
      ['Stappen met één regie', formatPercent(cmp.coverage.before, 0), formatPercent(cmp.coverage.after, 0)],
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

export const result = { analyse: (instrument, answers) => analyseRoutekaart(instrument, answers), summary, resultView, compare, compareView, fieldProblems: () => [] };
