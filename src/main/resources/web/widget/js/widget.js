// The visitor's chat frame (inside the iframe that loader.js puts on a website).
import { createApp } from 'vue';
import WidgetApp from './WidgetApp.js';
import { start, state, minimize } from './chat.js';

createApp(WidgetApp).mount('#app');
start();

// Escape minimises the chat (unless an image is open: then it closes the image).

window.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !state.lightbox && !event.defaultPrevented) minimize();
});
