// The main menu on a narrow screen: folded behind a "Menu" button, so that on a phone the page
// itself starts on the first screen. Without JavaScript, or on a wide screen, the whole menu
// stays in view (the button and the folding exist only in the narrow layout of leerrecht.css).

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
  const show = (open) => {
    button.setAttribute('aria-expanded', String(open));
    nav.toggleAttribute('data-dicht', !open);
  };
  button.addEventListener('click', () => show(nav.hasAttribute('data-dicht')));
  // Escape in the open menu folds it and puts the focus back on the button.
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || nav.hasAttribute('data-dicht')) return;
    if (getComputedStyle(button).display === 'none') return;
    show(false);
    button.focus();
  });
  nav.prepend(button);
  show(false);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
