// The names under which this handbook keeps its data in the browser's localStorage, in one
// small module: the stores use them, and the dossier backup names them without pulling in the
// stores themselves (it is loaded on the home page, which must stay light).

export function agendaKey(site) {
  return `leerrecht:${site}:werkagenda`;
}

export function workshopKey(site) {
  return `leerrecht:${site}:workshop`;
}
