// The main menu on a narrow screen: folded behind a "Menu" button, so that on a phone the page
// itself starts on the first screen. Without JavaScript, or on a wide screen, the whole menu
// stays in view (the button and the folding exist only in the narrow layout of leerrecht.css).
//
// This file is loaded in <head> without `defer`: the class below is set before the first paint,
// so the stylesheet shows the menu folded from the start. Folding it later would push the whole
// page up after it was drawn (a layout shift of 0.42 on a phone, measured with Lighthouse).
document.documentElement.classList.add('met-js');

function start() {
  const nav = document.querySelector('.hoofdmenu');
  const list = nav?.querySelector('ul');
  if (!list) return;
  list.id ||= 'hoofdmenu-lijst';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'hoofdmenu__knop';
  button.textContent = 'Menu';
  button.setAttribute('aria-controls', list.id);
  // Folded is the default in the stylesheet; `data-open` unfolds it.
  const show = (open) => {
    button.setAttribute('aria-expanded', String(open));
    nav.toggleAttribute('data-open', open);
  };
  button.addEventListener('click', () => show(!nav.hasAttribute('data-open')));
  // Escape in the open menu folds it and puts the focus back on the button.
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !nav.hasAttribute('data-open')) return;
    if (getComputedStyle(button).display === 'none') return;
    show(false);
    button.focus();
  });
  nav.prepend(button);
  show(false);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
