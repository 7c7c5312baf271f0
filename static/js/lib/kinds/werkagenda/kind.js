// The werkagenda kind: not a form but the themes of a regional work agenda with example actions.
// Nobody answers it; the werkagenda page takes its themes as the agenda's headings and offers
// its examples (agenda.js) per theme as proposals. No DOM.

export const werkagenda = {
  family: 'werkagenda',
  answerable: false,
  definesAgenda: true,
};
